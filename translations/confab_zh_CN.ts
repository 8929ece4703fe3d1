<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectionErrorText</name>
    <message>
        <source>This account has been disabled. Contact the server&apos;s administrator.</source>
        <translation>此账号已被停用。请联系服务器管理员。</translation>
    </message>
    <message>
        <source>Your password has expired. Change it with the server&apos;s administrator, then sign in again.</source>
        <translation>你的密码已过期。请联系服务器管理员更改密码，然后重新登录。</translation>
    </message>
    <message>
        <source>The server could not check your password just now. Try again in a moment.</source>
        <translation>服务器暂时无法验证你的密码。请稍后再试。</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection for this sign-in method.</source>
        <translation>此登录方式要求使用加密连接。</translation>
    </message>
    <message>
        <source>The address or the password is wrong.</source>
        <translation>地址或密码错误。</translation>
    </message>
    <message>
        <source>An account with this address already exists. Sign in instead, or choose another name.</source>
        <translation>使用此地址的账号已存在。请直接登录，或换一个名称。</translation>
    </message>
    <message>
        <source>This server does not allow creating accounts from Confab.</source>
        <translation>此服务器不允许通过 Confab 创建账号。</translation>
    </message>
    <message>
        <source>The server did not accept this name or password. It may ask for more details (such as an e-mail address) than Confab can send: create the account on the server&apos;s website instead.</source>
        <translation>服务器未接受此名称或密码。它可能需要 Confab 无法提供的更多信息（例如电子邮件地址）：请改为在服务器的网站上创建账号。</translation>
    </message>
    <message>
        <source>The server does not accept new accounts right now. Try again later.</source>
        <translation>服务器目前不接受新账号注册。请稍后再试。</translation>
    </message>
    <message>
        <source>The server could not create the account.</source>
        <translation>服务器无法创建账号。</translation>
    </message>
    <message>
        <source>You signed in somewhere else with the same device name, so this connection was closed.</source>
        <translation>你已在其他地方使用相同的设备名称登录，因此此连接已关闭。</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>服务器正在关闭。</translation>
    </message>
    <message>
        <source>This server does not serve the domain of your address.</source>
        <translation>此服务器不为你地址中的域名提供服务。</translation>
    </message>
    <message>
        <source>The server no longer accepts your sign-in. Your password may have been changed.</source>
        <translation>服务器不再接受你的登录。你的密码可能已被更改。</translation>
    </message>
    <message>
        <source>The server closed the connection because a limit was exceeded.</source>
        <translation>由于超出限制，服务器关闭了连接。</translation>
    </message>
    <message>
        <source>The server closed the connection because it was idle too long.</source>
        <translation>由于空闲时间过长，服务器关闭了连接。</translation>
    </message>
    <message>
        <source>The server has a problem and closed the connection.</source>
        <translation>服务器出现问题，已关闭连接。</translation>
    </message>
    <message>
        <source>The server closed the connection because of an error.</source>
        <translation>服务器因出错关闭了连接。</translation>
    </message>
    <message>
        <source>The server closed the connection because of an error (%1).</source>
        <translation>服务器因出错关闭了连接（%1）。</translation>
    </message>
    <message>
        <source>The server could not be found. Check the part of your address after the @, the server name under Advanced, and your Internet connection.</source>
        <translation>找不到服务器。请检查地址中 @ 之后的部分、“高级”中的服务器名称以及你的网络连接。</translation>
    </message>
    <message>
        <source>Confab could not reach the server. Check your network connection; the server may also be down.</source>
        <translation>Confab 无法连接到服务器。请检查你的网络连接；服务器也可能已宕机。</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>与服务器的连接已断开。</translation>
    </message>
    <message>
        <source>The server does not offer an encrypted connection, so Confab did not sign in.</source>
        <translation>服务器不提供加密连接，因此 Confab 没有登录。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so Confab did not send your password.</source>
        <translation>服务器的证书不受信任，因此 Confab 没有发送你的密码。</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be set up.</source>
        <translation>无法与服务器建立安全连接。</translation>
    </message>
    <message>
        <source>Unencrypted connections are only allowed to this computer.</source>
        <translation>仅允许与本机建立未加密的连接。</translation>
    </message>
    <message>
        <source>The server offers no sign-in method that keeps your password safe.</source>
        <translation>服务器没有提供能保护你密码安全的登录方式。</translation>
    </message>
    <message>
        <source>The server sent something Confab cannot accept, so the connection was closed.</source>
        <translation>服务器发送了 Confab 无法接受的内容，因此连接已关闭。</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later.</source>
        <translation>服务器未及时响应。请稍后再试。</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1，已编辑</translation>
    </message>
    <message>
        <source>%1, %2, %3, %4</source>
        <extracomment>Read out for one chat message: time, sender, text, delivery state.</extracomment>
        <translation>%1，%2，%3，%4</translation>
    </message>
</context>
<context>
    <name>Jid</name>
    <message>
        <source>The name before &quot;@&quot; is longer than 1023 bytes.</source>
        <translation>“@”之前的名称超过 1023 字节。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; is not valid text.</source>
        <translation>“@”之前的名称不是有效的文本。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; may not contain spaces.</source>
        <translation>“@”之前的名称不能包含空格。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; may not contain %1.</source>
        <translation>“@”之前的名称不能包含 %1。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; mixes left-to-right and right-to-left text in a way that is not allowed.</source>
        <translation>“@”之前的名称以不允许的方式混用了从左到右和从右到左的文字。</translation>
    </message>
    <message>
        <source>The address has nothing before &quot;@&quot;.</source>
        <translation>地址中“@”之前没有内容。</translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; is longer than 1023 bytes.</source>
        <translation>“/”之后的资源超过 1023 字节。</translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; is not valid text.</source>
        <translation>“/”之后的资源不是有效的文本。</translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; may not contain %1.</source>
        <translation>“/”之后的资源不能包含 %1。</translation>
    </message>
    <message>
        <source>The address ends with &quot;/&quot; but has no resource after it.</source>
        <translation>地址以“/”结尾，但其后没有资源。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name or IP address.</source>
        <translation>“%1”不是有效的域名或 IP 地址。</translation>
    </message>
    <message>
        <source>The domain is longer than 1023 bytes.</source>
        <translation>域名超过 1023 字节。</translation>
    </message>
    <message>
        <source>The address has no domain.</source>
        <translation>地址中没有域名。</translation>
    </message>
    <message>
        <source>A label of the domain &quot;%1&quot; is longer than 63 bytes.</source>
        <translation>域名“%1”中有一段超过 63 字节。</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>地址为空。</translation>
    </message>
</context>
<context>
    <name>PresenceStyle</name>
    <message>
        <source>Free for chat</source>
        <translation>有空聊天</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Extended away</source>
        <translation>长时间离开</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>请勿打扰</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>RecentChatsModel</name>
    <message numerus="yes">
        <source>%1, %n unread: %2</source>
        <translation>
            <numerusform>%1，%n 条未读：%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>%1, %2 of %3 online</source>
        <translation>%1，%2/%3 在线</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>已屏蔽</translation>
    </message>
</context>
<context>
    <name>XmppError</name>
    <message>
        <source>The request was malformed.</source>
        <translation>请求格式错误。</translation>
    </message>
    <message>
        <source>It already exists.</source>
        <translation>已存在。</translation>
    </message>
    <message>
        <source>The other side does not support this.</source>
        <translation>对方不支持此操作。</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>你无权执行此操作。</translation>
    </message>
    <message>
        <source>The address is no longer in use.</source>
        <translation>该地址已不再使用。</translation>
    </message>
    <message>
        <source>The server had an internal error.</source>
        <translation>服务器发生内部错误。</translation>
    </message>
    <message>
        <source>It was not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation>地址无效。</translation>
    </message>
    <message>
        <source>The request was not acceptable.</source>
        <translation>请求未被接受。</translation>
    </message>
    <message>
        <source>This is not allowed.</source>
        <translation>不允许此操作。</translation>
    </message>
    <message>
        <source>You are not authorized.</source>
        <translation>你未获授权。</translation>
    </message>
    <message>
        <source>The server&apos;s policy does not allow this.</source>
        <translation>服务器策略不允许此操作。</translation>
    </message>
    <message>
        <source>The recipient is not available.</source>
        <translation>接收方不可用。</translation>
    </message>
    <message>
        <source>The contact&apos;s server could not be found.</source>
        <translation>找不到联系人的服务器。</translation>
    </message>
    <message>
        <source>The contact&apos;s server did not answer in time.</source>
        <translation>联系人的服务器未及时响应。</translation>
    </message>
    <message>
        <source>The server is too busy.</source>
        <translation>服务器太忙。</translation>
    </message>
    <message>
        <source>The service is not available.</source>
        <translation>服务不可用。</translation>
    </message>
    <message>
        <source>A presence subscription is required.</source>
        <translation>需要订阅在线状态。</translation>
    </message>
    <message>
        <source>An error occurred.</source>
        <translation>发生错误。</translation>
    </message>
    <message>
        <source>The request was not expected.</source>
        <translation>意外的请求。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>No answer came in time.</source>
        <translation>未及时收到响应。</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>连接已断开。</translation>
    </message>
    <message>
        <source>The server sent an invalid answer: %1</source>
        <translation>服务器返回了无效的响应：%1</translation>
    </message>
</context>
<context>
    <name>XmppUri</name>
    <message>
        <source>The address has an empty user name.</source>
        <translation>地址中的用户名为空。</translation>
    </message>
    <message>
        <source>The address is not correctly percent-encoded UTF-8.</source>
        <translation>地址不是正确的百分号编码 UTF-8。</translation>
    </message>
    <message>
        <source>The address has no domain.</source>
        <translation>地址中没有域名。</translation>
    </message>
    <message>
        <source>The address ends in an empty resource.</source>
        <translation>地址以空资源结尾。</translation>
    </message>
    <message>
        <source>This is not an xmpp: address.</source>
        <translation>这不是 xmpp: 地址。</translation>
    </message>
    <message>
        <source>The account in the address has no user name.</source>
        <translation>地址中的账号没有用户名。</translation>
    </message>
    <message>
        <source>The address names an account but no contact.</source>
        <translation>地址指定了账号，但没有指定联系人。</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>地址为空。</translation>
    </message>
    <message>
        <source>The address has an empty query.</source>
        <translation>地址的查询部分为空。</translation>
    </message>
    <message>
        <source>The address has a query parameter without a name.</source>
        <translation>地址中有一个没有名称的查询参数。</translation>
    </message>
</context>
<context>
    <name>confab::ChatManager</name>
    <message>
        <source>The message could not be delivered.</source>
        <translation>消息无法送达。</translation>
    </message>
    <message>
        <source>Your disk is full, so your message could not be saved. It is kept and will be sent as soon as space is freed.</source>
        <translation>磁盘已满，无法保存你的消息。消息已保留，腾出空间后会立即发送。</translation>
    </message>
    <message>
        <source>The message history could not be written, so your message could not be saved. It is kept and will be sent as soon as it can be saved.</source>
        <translation>无法写入消息记录，因此未能保存你的消息。消息已保留，能够保存后会立即发送。</translation>
    </message>
</context>
<context>
    <name>confab::Database</name>
    <message>
        <source>The message database was damaged. A copy was kept as %1 and a new, empty database was started.</source>
        <translation>消息数据库已损坏。已将副本保存为 %1，并新建了一个空数据库。</translation>
    </message>
</context>
<context>
    <name>confab::ui::AccountController</name>
    <message>
        <source>Confab could not open this account&apos;s data folder: %1</source>
        <translation>Confab 无法打开此账号的数据文件夹：%1</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>已取消登录。</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>你已退出登录。</translation>
    </message>
</context>
<context>
    <name>confab::ui::AddContactDialog</name>
    <message>
        <source>Ask to see their presence</source>
        <translation>请求查看对方的在线状态</translation>
    </message>
    <message>
        <source>Add Contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>Enter an address.</source>
        <translation>请输入地址。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; is missing.</source>
        <translation>缺少“@”之前的名称。</translation>
    </message>
    <message>
        <source>The server after &quot;@&quot; is missing.</source>
        <translation>缺少“@”之后的服务器。</translation>
    </message>
    <message>
        <source>Nothing may follow a &quot;/&quot; that ends the address.</source>
        <translation>地址末尾的“/”之后不能有内容。</translation>
    </message>
    <message>
        <source>The address is too long.</source>
        <translation>地址过长。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; contains a character that is not allowed (such as a space, quote or &quot;/&quot;).</source>
        <translation>“@”之前的名称包含不允许的字符（例如空格、引号或“/”）。</translation>
    </message>
    <message>
        <source>The server after &quot;@&quot; is not a valid domain name.</source>
        <translation>“@”之后的服务器不是有效的域名。</translation>
    </message>
    <message>
        <source>The part after &quot;/&quot; contains a character that is not allowed.</source>
        <translation>“/”之后的部分包含不允许的字符。</translation>
    </message>
    <message>
        <source>This is not a valid address.</source>
        <translation>这不是有效的地址。</translation>
    </message>
    <message>
        <source>Enter the address without &quot;/%1&quot;.</source>
        <translation>请输入不带“/%1”的地址。</translation>
    </message>
    <message>
        <source>This is your own address.</source>
        <translation>这是你自己的地址。</translation>
    </message>
    <message>
        <source>%1 is already in your contacts. Adding again changes the name and group.</source>
        <translation>%1 已在你的联系人中。再次添加将更改名称和分组。</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>正在添加…</translation>
    </message>
    <message>
        <source>The contact could not be added: %1</source>
        <translation>无法添加联系人：%1</translation>
    </message>
    <message>
        <source>The contact was added, but the request to see their presence failed: %1</source>
        <translation>联系人已添加，但查看其在线状态的请求失败：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ChatHistoryModel</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1，已编辑</translation>
    </message>
    <message>
        <source>%1, %2, %3, %4</source>
        <extracomment>Read out for one chat message: time, sender, text, delivery state.</extracomment>
        <translation>%1，%2，%3，%4</translation>
    </message>
</context>
<context>
    <name>confab::ui::ChatTab</name>
    <message>
        <source>Chat with %1</source>
        <translation>与 %1 聊天</translation>
    </message>
    <message>
        <source>Typing notification</source>
        <translation>输入状态提示</translation>
    </message>
    <message>
        <source>Editing your last message — Esc to cancel</source>
        <translation>正在编辑你的上一条消息 — 按 Esc 取消</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>正在编辑</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <source>Where your messages go: automatically to the device that last wrote, or one device of your choice</source>
        <translation>消息的发送目标：自动发送到最近发言的设备，或由你指定的某一设备</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在输入…</translation>
    </message>
    <message>
        <source>%1 stopped typing</source>
        <translation>%1 已停止输入</translation>
    </message>
    <message>
        <source>That message can no longer be corrected.</source>
        <translation>该消息已无法更正。</translation>
    </message>
    <message>
        <source>Message not saved</source>
        <translation>消息未保存</translation>
    </message>
</context>
<context>
    <name>confab::ui::ChatWindow</name>
    <message>
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Confab</source>
        <translation>Confab</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Tab title with unread messages: name (count)</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1，%n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Confab</source>
        <extracomment>Chat window title: the contact&apos;s name — application name</extracomment>
        <translation>%1 — Confab</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n 条新消息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::CommandLine</name>
    <message>
        <source>Confab, a desktop XMPP messenger.</source>
        <translation>Confab，一款桌面 XMPP 即时通讯软件。</translation>
    </message>
    <message>
        <source>Sign in as JID (user@domain or user@domain/resource).</source>
        <translation>以 JID（user@domain 或 user@domain/resource）登录。</translation>
    </message>
    <message>
        <source>Read the password from the first line of FILE (else the environment variable CONFAB_PASSWORD).</source>
        <translation>从 FILE 的第一行读取密码（否则读取环境变量 CONFAB_PASSWORD）。</translation>
    </message>
    <message>
        <source>Connect to HOST instead of looking up the domain.</source>
        <translation>连接到 HOST，而不是查找域名。</translation>
    </message>
    <message>
        <source>Port on HOST.</source>
        <translation>HOST 上的端口。</translation>
    </message>
    <message>
        <source>starttls (default), direct, or insecure-plaintext (loopback addresses only).</source>
        <translation>starttls（默认）、direct 或 insecure-plaintext（仅限回环地址）。</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in FILE (PEM).</source>
        <translation>同时信任 FILE 中的 CA 证书（PEM 格式）。</translation>
    </message>
    <message>
        <source>Accept the server certificate with this SHA-256 fingerprint.</source>
        <translation>接受具有此 SHA-256 指纹的服务器证书。</translation>
    </message>
    <message>
        <source>Keep settings, history and caches in DIR.</source>
        <translation>将设置、历史记录和缓存保存在 DIR 中。</translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW (default: the system&apos;s).</source>
        <translation>语言：en、zh_CN 或 zh_TW（默认：跟随系统）。</translation>
    </message>
    <message>
        <source>An xmpp: address to open, such as xmpp:user@example.com?message.</source>
        <translation>要打开的 xmpp: 地址，例如 xmpp:user@example.com?message。</translation>
    </message>
    <message>
        <source>Give at most one xmpp: address.</source>
        <translation>最多只能指定一个 xmpp: 地址。</translation>
    </message>
    <message>
        <source>--%1 needs --jid.</source>
        <translation>--%1 需要配合 --jid 使用。</translation>
    </message>
    <message>
        <source>Not a valid JID: %1</source>
        <translation>无效的 JID：%1</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>No password: use --password-file FILE or set CONFAB_PASSWORD.</source>
        <translation>没有密码：请使用 --password-file FILE 或设置 CONFAB_PASSWORD。</translation>
    </message>
    <message>
        <source>Not a valid port: %1</source>
        <translation>无效的端口：%1</translation>
    </message>
    <message>
        <source>Not a TLS mode: %1 (starttls, direct or insecure-plaintext)</source>
        <translation>不是有效的 TLS 模式：%1（starttls、direct 或 insecure-plaintext）</translation>
    </message>
    <message>
        <source>Not a SHA-256 fingerprint: %1</source>
        <translation>不是有效的 SHA-256 指纹：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>输入消息…</translation>
    </message>
</context>
<context>
    <name>confab::ui::ContactEditDialog</name>
    <message>
        <source>&amp;New Group</source>
        <translation>新建分组(&amp;N)</translation>
    </message>
    <message>
        <source>Edit Contact %1</source>
        <translation>编辑联系人 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>New group name</source>
        <translation>新分组名称</translation>
    </message>
    <message>
        <source>Add new group</source>
        <translation>添加新分组</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The contact could not be changed: %1</source>
        <translation>无法更改联系人：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ContactInfoDialog</name>
    <message>
        <source>Profile of %1</source>
        <translation>%1 的资料</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>全名：</translation>
    </message>
    <message>
        <source>Nickname:</source>
        <translation>昵称：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>电子邮件：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Job title:</source>
        <translation>职位：</translation>
    </message>
    <message>
        <source>Web page:</source>
        <translation>网页：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>简介：</translation>
    </message>
    <message>
        <source>Loading profile…</source>
        <translation>正在加载资料…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Online devices</source>
        <translation>在线设备</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>在线状态</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>状态消息</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 has not published a profile.</source>
        <translation>%1 尚未发布资料。</translation>
    </message>
    <message>
        <source>The profile could not be loaded: %1</source>
        <translation>无法加载资料：%1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not online, or not sharing presence with you</source>
        <translation>不在线，或未与你共享在线状态</translation>
    </message>
</context>
<context>
    <name>confab::ui::DesktopApp</name>
    <message>
        <source>Message History Damaged</source>
        <translation>消息记录已损坏</translation>
    </message>
    <message>
        <source>Confab could not read your message history: the file was damaged. It kept the damaged file as %1 and started a new, empty history. Messages still on the server are fetched again.</source>
        <translation>Confab 无法读取你的消息记录：文件已损坏。损坏的文件已保存为 %1，并已新建一份空的消息记录。仍保存在服务器上的消息会重新获取。</translation>
    </message>
</context>
<context>
    <name>confab::ui::Dialogs</name>
    <message>
        <source>The connection went away before the server answered.</source>
        <translation>服务器响应之前连接已断开。</translation>
    </message>
</context>
<context>
    <name>confab::ui::LoginDialog</name>
    <message>
        <source>&amp;Remember password</source>
        <translation>记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Sign in &amp;automatically</source>
        <translation>自动登录(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>信任此证书(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Confab — Sign in</source>
        <translation>Confab — 登录</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <source>Sign in automatically</source>
        <translation>自动登录</translation>
    </message>
    <message>
        <source>Password storage</source>
        <translation>密码存储</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <source>Found from the address</source>
        <translation>根据地址自动查找</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>STARTTLS (usual)</source>
        <translation>STARTTLS（常用）</translation>
    </message>
    <message>
        <source>Direct TLS</source>
        <translation>直接 TLS</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Only the system&apos;s certificates</source>
        <translation>仅使用系统证书</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>服务器(&amp;V)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>加密(&amp;E)：</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Default (5223)</source>
        <translation>默认（5223）</translation>
    </message>
    <message>
        <source>Default (5222)</source>
        <translation>默认（5222）</translation>
    </message>
    <message>
        <source>name@%1</source>
        <translation>name@%1</translation>
    </message>
    <message>
        <source>Your administrator does not allow remembering passwords.</source>
        <translation>你的管理员不允许记住密码。</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>创建新账号</translation>
    </message>
    <message>
        <source>Sign in to your chat account</source>
        <translation>登录你的聊天账号</translation>
    </message>
    <message>
        <source>&amp;Create Account</source>
        <translation>创建账号(&amp;C)</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>我已有账号</translation>
    </message>
    <message>
        <source>Create a new account…</source>
        <translation>创建新账号…</translation>
    </message>
    <message>
        <source>No password keychain answered on this computer, so your password will be kept for this session only and asked for again next time.</source>
        <translation>本机没有可用的密码钥匙串，因此你的密码仅在本次会话中保留，下次需要重新输入。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>取消登录</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>由你的管理员设置</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>正在创建你的账号…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>（未提供名称）</translation>
    </message>
    <message>
        <source>Certificate issued to: %1
SHA-256 fingerprint:
%2

Trust it only if the server&apos;s administrator confirms this fingerprint.</source>
        <translation>证书颁发给：%1
SHA-256 指纹：
%2

仅在服务器管理员确认此指纹后才信任它。</translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter your address, such as name@example.com.</source>
        <translation>请输入你的地址，例如 name@example.com。</translation>
    </message>
    <message>
        <source>On this computer you can only use addresses ending in @%1.</source>
        <translation>在此计算机上只能使用以 @%1 结尾的地址。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>confab::ui::MainWindow</name>
    <message>
        <source>&amp;Confab</source>
        <translation>Confab(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New Chat…</source>
        <translation>发起聊天(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Add Contact…</source>
        <translation>添加联系人(&amp;A)…</translation>
    </message>
    <message>
        <source>Edit &amp;Profile…</source>
        <translation>编辑资料(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Offline Contacts</source>
        <translation>显示离线联系人(&amp;O)</translation>
    </message>
    <message>
        <source>Sort by &amp;Name</source>
        <translation>按名称排序(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Find Contact</source>
        <translation>查找联系人(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Confab</source>
        <translation>关于 Confab(&amp;A)</translation>
    </message>
    <message>
        <source>About Confab</source>
        <translation>关于 Confab</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Confab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A desktop messenger for the open XMPP network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Confab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;一款用于开放 XMPP 网络的桌面即时通讯软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Confab — %1</source>
        <translation>Confab — %1</translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation>你的头像</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名称</translation>
    </message>
    <message>
        <source>Your presence</source>
        <translation>你的在线状态</translation>
    </message>
    <message>
        <source>Your status message</source>
        <translation>你的状态消息</translation>
    </message>
    <message>
        <source>Set a status message</source>
        <translation>设置状态消息</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>搜索联系人</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>%1 Reconnecting…</source>
        <translation>%1 正在重新连接…</translation>
    </message>
    <message numerus="yes">
        <source>%1 Trying again in %n second(s).</source>
        <translation>
            <numerusform>%1 将在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation>发起聊天</translation>
    </message>
    <message>
        <source>Chat with (name@example.com):</source>
        <translation>与谁聊天（name@example.com）：</translation>
    </message>
    <message>
        <source>“%1” is not an address. Addresses look like name@example.com.</source>
        <translation>“%1”不是地址。地址格式类似 name@example.com。</translation>
    </message>
    <message>
        <source>Remove Contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Remove %1 from your contacts? You will no longer see each other&apos;s presence.</source>
        <translation>要从联系人中删除 %1 吗？你们将无法再看到彼此的在线状态。</translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>[%1] %2: %3</source>
        <extracomment>A chat message copied to the clipboard: [time] sender: text</extracomment>
        <translation>[%1] %2：%3</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>新消息</translation>
    </message>
    <message>
        <source>edited</source>
        <extracomment>Mark on a message that was corrected (XEP-0308).</extracomment>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>confab::ui::ProfileDialog</name>
    <message>
        <source>Choose &amp;Picture…</source>
        <translation>选择头像(&amp;P)…</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>My Profile</source>
        <translation>我的资料</translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation>你的头像</translation>
    </message>
    <message>
        <source>Choose picture</source>
        <translation>选择头像</translation>
    </message>
    <message>
        <source>Show birthday</source>
        <translation>显示生日</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>About me</source>
        <translation>关于我</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Load the profile again</source>
        <translation>重新加载资料</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>F&amp;ull name:</source>
        <translation>全名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation>昵称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>单位(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>职位(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Web page:</source>
        <translation>网页(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>生日(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;About me:</source>
        <translation>关于我(&amp;A)：</translation>
    </message>
    <message>
        <source>Loading your profile…</source>
        <translation>正在加载你的资料…</translation>
    </message>
    <message>
        <source>Your profile could not be loaded: %1</source>
        <translation>无法加载你的资料：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Your profile could not be saved: %1</source>
        <translation>无法保存你的资料：%1</translation>
    </message>
    <message>
        <source>Publishing your picture…</source>
        <translation>正在发布你的头像…</translation>
    </message>
    <message>
        <source>Your profile was saved, but your picture could not be published: %1</source>
        <translation>你的资料已保存，但头像无法发布：%1</translation>
    </message>
    <message>
        <source>The new picture is published when you save.</source>
        <translation>新头像将在保存时发布。</translation>
    </message>
    <message>
        <source>This file is not an image Confab can read: %1</source>
        <translation>此文件不是 Confab 可读取的图像：%1</translation>
    </message>
    <message>
        <source>Choose Picture</source>
        <translation>选择头像</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图像 (%1)</translation>
    </message>
</context>
<context>
    <name>confab::ui::RosterDelegate</name>
    <message>
        <source>Blocked</source>
        <translation>已屏蔽</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>等待对方批准</translation>
    </message>
</context>
<context>
    <name>confab::ui::RosterView</name>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact actions</source>
        <translation>联系人操作</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>View &amp;profile</source>
        <translation>查看资料(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Groups…</source>
        <translation>分组(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>取消屏蔽(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>屏蔽(&amp;B)</translation>
    </message>
    <message>
        <source>R&amp;emove…</source>
        <translation>删除(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>confab::ui::SearchBar</name>
    <message>
        <source>Search bar</source>
        <translation>搜索栏</translation>
    </message>
    <message>
        <source>Search this conversation</source>
        <translation>搜索此会话</translation>
    </message>
    <message>
        <source>Search in this conversation</source>
        <translation>在此会话中搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Previous (older) result (Shift+Enter)</source>
        <translation>上一个（更早的）结果 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Previous result</source>
        <translation>上一个结果</translation>
    </message>
    <message>
        <source>Next (newer) result (Enter)</source>
        <translation>下一个（更新的）结果 (Enter)</translation>
    </message>
    <message>
        <source>Next result</source>
        <translation>下一个结果</translation>
    </message>
    <message>
        <source>Close search (Esc)</source>
        <translation>关闭搜索 (Esc)</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>关闭搜索</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>无结果</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Search position: &quot;2 of 7&quot;</extracomment>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>confab::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>由你的管理员设置</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>登录身份</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>登录身份：</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字体大小</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>字体大小(&amp;F)：</translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation>新消息时显示通知</translation>
    </message>
    <message>
        <source>Let contacts see when I am typing</source>
        <translation>让联系人看到我正在输入</translation>
    </message>
    <message>
        <source>Send delivery receipts</source>
        <translation>发送送达回执</translation>
    </message>
    <message>
        <source>Let contacts see when I have read their messages</source>
        <translation>让联系人看到我已读他们的消息</translation>
    </message>
    <message>
        <source>As tabs in one window</source>
        <translation>以标签页形式在同一窗口中</translation>
    </message>
    <message>
        <source>Each in its own window</source>
        <translation>各自在单独的窗口中</translation>
    </message>
    <message>
        <source>Open chats</source>
        <translation>打开聊天</translation>
    </message>
    <message>
        <source>&amp;Open chats:</source>
        <translation>打开聊天(&amp;O)：</translation>
    </message>
    <message>
        <source>Show offline contacts</source>
        <translation>显示离线联系人</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Away after idle minutes</source>
        <translation>空闲多少分钟后设为离开</translation>
    </message>
    <message>
        <source>Extended away after idle minutes</source>
        <translation>空闲多少分钟后设为长时间离开</translation>
    </message>
    <message>
        <source>&amp;Away when idle for:</source>
        <translation>空闲多久后设为离开(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Extended away when idle for:</source>
        <translation>空闲多久后设为长时间离开(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language takes effect after Confab is restarted.</source>
        <translation>新语言将在重新启动 Confab 后生效。</translation>
    </message>
</context>
<context>
    <name>confab::ui::SubscriptionRequestsWidget</name>
    <message>
        <source>Contact Requests</source>
        <translation>联系人请求</translation>
    </message>
    <message>
        <source>Contact requests</source>
        <translation>联系人请求</translation>
    </message>
    <message>
        <source>%1 wants to add you</source>
        <translation>%1 想添加你为联系人</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Add to my contacts</source>
        <translation>添加到我的联系人</translation>
    </message>
    <message>
        <source>Add %1 to my contacts</source>
        <translation>将 %1 添加到我的联系人</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation>接受 %1</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Deny %1</source>
        <translation>拒绝 %1</translation>
    </message>
    <message>
        <source>Could not answer: %1</source>
        <translation>无法回复：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::TrayIcon</name>
    <message>
        <source>Show Confab</source>
        <translation>显示 Confab</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <source>Confab — %n unread message(s)</source>
        <translation>
            <numerusform>Confab — %n 条未读消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Confab — %1</source>
        <translation>Confab — %1</translation>
    </message>
</context>
</TS>

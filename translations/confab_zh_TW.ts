<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ConnectionErrorText</name>
    <message>
        <source>This account has been disabled. Contact the server&apos;s administrator.</source>
        <translation>此帳號已被停用，請聯絡伺服器管理員。</translation>
    </message>
    <message>
        <source>Your password has expired. Change it with the server&apos;s administrator, then sign in again.</source>
        <translation>您的密碼已過期。請透過伺服器管理員變更密碼後再登入。</translation>
    </message>
    <message>
        <source>The server could not check your password just now. Try again in a moment.</source>
        <translation>伺服器目前無法驗證您的密碼，請稍後再試。</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection for this sign-in method.</source>
        <translation>此登入方式需要加密連線。</translation>
    </message>
    <message>
        <source>The address or the password is wrong.</source>
        <translation>地址或密碼錯誤。</translation>
    </message>
    <message>
        <source>An account with this address already exists. Sign in instead, or choose another name.</source>
        <translation>已有使用此地址的帳號。請直接登入，或換一個名稱。</translation>
    </message>
    <message>
        <source>This server does not allow creating accounts from Confab.</source>
        <translation>此伺服器不允許從 Confab 建立帳號。</translation>
    </message>
    <message>
        <source>The server did not accept this name or password. It may ask for more details (such as an e-mail address) than Confab can send: create the account on the server&apos;s website instead.</source>
        <translation>伺服器不接受此名稱或密碼。伺服器可能需要 Confab 無法提供的資料（例如電子郵件地址），請改到伺服器的網站上建立帳號。</translation>
    </message>
    <message>
        <source>The server does not accept new accounts right now. Try again later.</source>
        <translation>伺服器目前不接受新帳號，請稍後再試。</translation>
    </message>
    <message>
        <source>The server could not create the account.</source>
        <translation>伺服器無法建立帳號。</translation>
    </message>
    <message>
        <source>You signed in somewhere else with the same device name, so this connection was closed.</source>
        <translation>您已在其他地方以相同的裝置名稱登入，因此此連線已關閉。</translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation>伺服器正在關閉。</translation>
    </message>
    <message>
        <source>This server does not serve the domain of your address.</source>
        <translation>此伺服器不服務您地址中的網域。</translation>
    </message>
    <message>
        <source>The server no longer accepts your sign-in. Your password may have been changed.</source>
        <translation>伺服器不再接受您的登入。您的密碼可能已被變更。</translation>
    </message>
    <message>
        <source>The server closed the connection because a limit was exceeded.</source>
        <translation>伺服器因超出限制而關閉了連線。</translation>
    </message>
    <message>
        <source>The server closed the connection because it was idle too long.</source>
        <translation>伺服器因閒置過久而關閉了連線。</translation>
    </message>
    <message>
        <source>The server has a problem and closed the connection.</source>
        <translation>伺服器發生問題，已關閉連線。</translation>
    </message>
    <message>
        <source>The server closed the connection because of an error.</source>
        <translation>伺服器因發生錯誤而關閉了連線。</translation>
    </message>
    <message>
        <source>The server closed the connection because of an error (%1).</source>
        <translation>伺服器因發生錯誤而關閉了連線（%1）。</translation>
    </message>
    <message>
        <source>The server could not be found. Check the part of your address after the @, the server name under Advanced, and your Internet connection.</source>
        <translation>找不到伺服器。請檢查地址中「@」後面的部分、「進階」中的伺服器名稱，以及您的網路連線。</translation>
    </message>
    <message>
        <source>Confab could not reach the server. Check your network connection; the server may also be down.</source>
        <translation>Confab 無法連上伺服器。請檢查您的網路連線；伺服器也可能已停止服務。</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>與伺服器的連線已中斷。</translation>
    </message>
    <message>
        <source>The server does not offer an encrypted connection, so Confab did not sign in.</source>
        <translation>伺服器不提供加密連線，因此 Confab 沒有登入。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so Confab did not send your password.</source>
        <translation>伺服器的憑證不受信任，因此 Confab 沒有傳送您的密碼。</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be set up.</source>
        <translation>無法與伺服器建立安全連線。</translation>
    </message>
    <message>
        <source>Unencrypted connections are only allowed to this computer.</source>
        <translation>只允許與本機建立未加密的連線。</translation>
    </message>
    <message>
        <source>The server offers no sign-in method that keeps your password safe.</source>
        <translation>伺服器沒有提供能保護您密碼安全的登入方式。</translation>
    </message>
    <message>
        <source>The server sent something Confab cannot accept, so the connection was closed.</source>
        <translation>伺服器傳來 Confab 無法接受的資料，因此連線已關閉。</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later.</source>
        <translation>伺服器未及時回應，請稍後再試。</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>sending</source>
        <translation>傳送中</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已傳送</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送達</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已讀</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未送出</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>you</source>
        <translation>您</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1，已編輯</translation>
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
        <translation>「@」前的名稱超過 1023 位元組。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; is not valid text.</source>
        <translation>「@」前的名稱不是有效的文字。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; may not contain spaces.</source>
        <translation>「@」前的名稱不能包含空格。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; may not contain %1.</source>
        <translation>「@」前的名稱不能包含 %1。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; mixes left-to-right and right-to-left text in a way that is not allowed.</source>
        <translation>「@」前的名稱以不允許的方式混用了由左至右和由右至左的文字。</translation>
    </message>
    <message>
        <source>The address has nothing before &quot;@&quot;.</source>
        <translation>地址中「@」前面沒有內容。</translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; is longer than 1023 bytes.</source>
        <translation>「/」後的資源超過 1023 位元組。</translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; is not valid text.</source>
        <translation>「/」後的資源不是有效的文字。</translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; may not contain %1.</source>
        <translation>「/」後的資源不能包含 %1。</translation>
    </message>
    <message>
        <source>The address ends with &quot;/&quot; but has no resource after it.</source>
        <translation>地址以「/」結尾，但後面沒有資源。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name or IP address.</source>
        <translation>「%1」不是有效的網域名稱或 IP 位址。</translation>
    </message>
    <message>
        <source>The domain is longer than 1023 bytes.</source>
        <translation>網域超過 1023 位元組。</translation>
    </message>
    <message>
        <source>The address has no domain.</source>
        <translation>地址沒有網域。</translation>
    </message>
    <message>
        <source>A label of the domain &quot;%1&quot; is longer than 63 bytes.</source>
        <translation>網域「%1」中有一段標籤超過 63 位元組。</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>地址是空的。</translation>
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
        <translation>上線</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>離開</translation>
    </message>
    <message>
        <source>Extended away</source>
        <translation>長時間離開</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>請勿打擾</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
</context>
<context>
    <name>RecentChatsModel</name>
    <message numerus="yes">
        <source>%1, %n unread: %2</source>
        <translation>
            <numerusform>%1，%n 則未讀：%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>%1, %2 of %3 online</source>
        <translation>%1，%2/%3 人上線</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n 則未讀</numerusform>
        </translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>已封鎖</translation>
    </message>
</context>
<context>
    <name>XmppError</name>
    <message>
        <source>The request was malformed.</source>
        <translation>請求格式錯誤。</translation>
    </message>
    <message>
        <source>It already exists.</source>
        <translation>已經存在。</translation>
    </message>
    <message>
        <source>The other side does not support this.</source>
        <translation>對方不支援此功能。</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>您沒有權限執行此操作。</translation>
    </message>
    <message>
        <source>The address is no longer in use.</source>
        <translation>此地址已不再使用。</translation>
    </message>
    <message>
        <source>The server had an internal error.</source>
        <translation>伺服器發生內部錯誤。</translation>
    </message>
    <message>
        <source>It was not found.</source>
        <translation>找不到。</translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation>地址無效。</translation>
    </message>
    <message>
        <source>The request was not acceptable.</source>
        <translation>請求無法被接受。</translation>
    </message>
    <message>
        <source>This is not allowed.</source>
        <translation>不允許此操作。</translation>
    </message>
    <message>
        <source>You are not authorized.</source>
        <translation>您未獲授權。</translation>
    </message>
    <message>
        <source>The server&apos;s policy does not allow this.</source>
        <translation>伺服器的政策不允許此操作。</translation>
    </message>
    <message>
        <source>The recipient is not available.</source>
        <translation>收件人目前無法接收。</translation>
    </message>
    <message>
        <source>The contact&apos;s server could not be found.</source>
        <translation>找不到聯絡人的伺服器。</translation>
    </message>
    <message>
        <source>The contact&apos;s server did not answer in time.</source>
        <translation>聯絡人的伺服器未及時回應。</translation>
    </message>
    <message>
        <source>The server is too busy.</source>
        <translation>伺服器太忙碌。</translation>
    </message>
    <message>
        <source>The service is not available.</source>
        <translation>服務無法使用。</translation>
    </message>
    <message>
        <source>A presence subscription is required.</source>
        <translation>需要先訂閱對方的上線狀態。</translation>
    </message>
    <message>
        <source>An error occurred.</source>
        <translation>發生錯誤。</translation>
    </message>
    <message>
        <source>The request was not expected.</source>
        <translation>非預期的請求。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
    <message>
        <source>No answer came in time.</source>
        <translation>未及時收到回應。</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>連線已中斷。</translation>
    </message>
    <message>
        <source>The server sent an invalid answer: %1</source>
        <translation>伺服器傳回無效的回應：%1</translation>
    </message>
</context>
<context>
    <name>XmppUri</name>
    <message>
        <source>The address has an empty user name.</source>
        <translation>地址中的使用者名稱是空的。</translation>
    </message>
    <message>
        <source>The address is not correctly percent-encoded UTF-8.</source>
        <translation>地址不是正確以百分比編碼的 UTF-8。</translation>
    </message>
    <message>
        <source>The address has no domain.</source>
        <translation>地址沒有網域。</translation>
    </message>
    <message>
        <source>The address ends in an empty resource.</source>
        <translation>地址以空的資源結尾。</translation>
    </message>
    <message>
        <source>This is not an xmpp: address.</source>
        <translation>這不是 xmpp: 地址。</translation>
    </message>
    <message>
        <source>The account in the address has no user name.</source>
        <translation>地址中的帳號沒有使用者名稱。</translation>
    </message>
    <message>
        <source>The address names an account but no contact.</source>
        <translation>地址指定了帳號，但沒有指定聯絡人。</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>地址是空的。</translation>
    </message>
    <message>
        <source>The address has an empty query.</source>
        <translation>地址中的查詢是空的。</translation>
    </message>
    <message>
        <source>The address has a query parameter without a name.</source>
        <translation>地址中有沒有名稱的查詢參數。</translation>
    </message>
</context>
<context>
    <name>confab::ChatManager</name>
    <message>
        <source>The message could not be delivered.</source>
        <translation>訊息無法送達。</translation>
    </message>
    <message>
        <source>Your disk is full, so your message could not be saved. It is kept and will be sent as soon as space is freed.</source>
        <translation>磁碟已滿，無法儲存你的訊息。訊息已保留，騰出空間後會立即傳送。</translation>
    </message>
    <message>
        <source>The message history could not be written, so your message could not be saved. It is kept and will be sent as soon as it can be saved.</source>
        <translation>無法寫入訊息紀錄，因此未能儲存你的訊息。訊息已保留，能夠儲存後會立即傳送。</translation>
    </message>
</context>
<context>
    <name>confab::Database</name>
    <message>
        <source>The message database was damaged. A copy was kept as %1 and a new, empty database was started.</source>
        <translation>訊息資料庫已損毀。已將副本保存為 %1，並建立了新的空白資料庫。</translation>
    </message>
</context>
<context>
    <name>confab::ui::AccountController</name>
    <message>
        <source>Confab could not open this account&apos;s data folder: %1</source>
        <translation>Confab 無法開啟此帳號的資料夾：%1</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>已取消登入。</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>您已登出。</translation>
    </message>
</context>
<context>
    <name>confab::ui::AddContactDialog</name>
    <message>
        <source>Ask to see their presence</source>
        <translation>請求查看對方的上線狀態</translation>
    </message>
    <message>
        <source>Add Contact</source>
        <translation>新增聯絡人</translation>
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
        <translation>選填</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群組</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
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
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>群組(&amp;G)：</translation>
    </message>
    <message>
        <source>Enter an address.</source>
        <translation>請輸入地址。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; is missing.</source>
        <translation>缺少「@」前的名稱。</translation>
    </message>
    <message>
        <source>The server after &quot;@&quot; is missing.</source>
        <translation>缺少「@」後的伺服器。</translation>
    </message>
    <message>
        <source>Nothing may follow a &quot;/&quot; that ends the address.</source>
        <translation>地址結尾的「/」後面不能有任何內容。</translation>
    </message>
    <message>
        <source>The address is too long.</source>
        <translation>地址太長。</translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; contains a character that is not allowed (such as a space, quote or &quot;/&quot;).</source>
        <translation>「@」前的名稱包含不允許的字元（例如空格、引號或「/」）。</translation>
    </message>
    <message>
        <source>The server after &quot;@&quot; is not a valid domain name.</source>
        <translation>「@」後的伺服器不是有效的網域名稱。</translation>
    </message>
    <message>
        <source>The part after &quot;/&quot; contains a character that is not allowed.</source>
        <translation>「/」後的部分包含不允許的字元。</translation>
    </message>
    <message>
        <source>This is not a valid address.</source>
        <translation>這不是有效的地址。</translation>
    </message>
    <message>
        <source>Enter the address without &quot;/%1&quot;.</source>
        <translation>請輸入不含「/%1」的地址。</translation>
    </message>
    <message>
        <source>This is your own address.</source>
        <translation>這是您自己的地址。</translation>
    </message>
    <message>
        <source>%1 is already in your contacts. Adding again changes the name and group.</source>
        <translation>%1 已在您的聯絡人中。再次新增會變更其名稱和群組。</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>正在新增…</translation>
    </message>
    <message>
        <source>The contact could not be added: %1</source>
        <translation>無法新增聯絡人：%1</translation>
    </message>
    <message>
        <source>The contact was added, but the request to see their presence failed: %1</source>
        <translation>已新增聯絡人，但請求查看對方上線狀態失敗：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ChatHistoryModel</name>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1，已編輯</translation>
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
        <translation>與 %1 聊天</translation>
    </message>
    <message>
        <source>Typing notification</source>
        <translation>輸入狀態通知</translation>
    </message>
    <message>
        <source>Editing your last message — Esc to cancel</source>
        <translation>正在編輯您的上一則訊息 — 按 Esc 取消</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消編輯</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>編輯中</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>頭像</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>傳送至</translation>
    </message>
    <message>
        <source>Where your messages go: automatically to the device that last wrote, or one device of your choice</source>
        <translation>訊息的傳送目標：自動傳送到最後發訊息的裝置，或由您指定一個裝置</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在輸入…</translation>
    </message>
    <message>
        <source>%1 stopped typing</source>
        <translation>%1 已停止輸入</translation>
    </message>
    <message>
        <source>That message can no longer be corrected.</source>
        <translation>該則訊息已無法再修改。</translation>
    </message>
    <message>
        <source>Message not saved</source>
        <translation>訊息未儲存</translation>
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
        <translation>對話</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Tab title with unread messages: name (count)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1，%n 則未讀</numerusform>
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
            <numerusform>%n 則新訊息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confab::ui::CommandLine</name>
    <message>
        <source>Confab, a desktop XMPP messenger.</source>
        <translation>Confab，桌面版 XMPP 即時通訊軟體。</translation>
    </message>
    <message>
        <source>Sign in as JID (user@domain or user@domain/resource).</source>
        <translation>以 JID 登入（user@domain 或 user@domain/resource）。</translation>
    </message>
    <message>
        <source>Read the password from the first line of FILE (else the environment variable CONFAB_PASSWORD).</source>
        <translation>從 FILE 的第一行讀取密碼（否則使用環境變數 CONFAB_PASSWORD）。</translation>
    </message>
    <message>
        <source>Connect to HOST instead of looking up the domain.</source>
        <translation>連線到 HOST，而不查詢網域。</translation>
    </message>
    <message>
        <source>Port on HOST.</source>
        <translation>HOST 上的連接埠。</translation>
    </message>
    <message>
        <source>starttls (default), direct, or insecure-plaintext (loopback addresses only).</source>
        <translation>starttls（預設）、direct 或 insecure-plaintext（僅限迴路位址）。</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in FILE (PEM).</source>
        <translation>另外信任 FILE 中的 CA 憑證（PEM）。</translation>
    </message>
    <message>
        <source>Accept the server certificate with this SHA-256 fingerprint.</source>
        <translation>接受具有此 SHA-256 指紋的伺服器憑證。</translation>
    </message>
    <message>
        <source>Keep settings, history and caches in DIR.</source>
        <translation>將設定、歷史記錄和快取存放在 DIR 中。</translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW (default: the system&apos;s).</source>
        <translation>語言：en、zh_CN 或 zh_TW（預設：系統語言）。</translation>
    </message>
    <message>
        <source>An xmpp: address to open, such as xmpp:user@example.com?message.</source>
        <translation>要開啟的 xmpp: 地址，例如 xmpp:user@example.com?message。</translation>
    </message>
    <message>
        <source>Give at most one xmpp: address.</source>
        <translation>最多只能指定一個 xmpp: 地址。</translation>
    </message>
    <message>
        <source>--%1 needs --jid.</source>
        <translation>--%1 需要搭配 --jid。</translation>
    </message>
    <message>
        <source>Not a valid JID: %1</source>
        <translation>無效的 JID：%1</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>無法讀取密碼檔案 %1：%2</translation>
    </message>
    <message>
        <source>No password: use --password-file FILE or set CONFAB_PASSWORD.</source>
        <translation>沒有密碼：請使用 --password-file FILE 或設定 CONFAB_PASSWORD。</translation>
    </message>
    <message>
        <source>Not a valid port: %1</source>
        <translation>無效的連接埠：%1</translation>
    </message>
    <message>
        <source>Not a TLS mode: %1 (starttls, direct or insecure-plaintext)</source>
        <translation>不是有效的 TLS 模式：%1（starttls、direct 或 insecure-plaintext）</translation>
    </message>
    <message>
        <source>Not a SHA-256 fingerprint: %1</source>
        <translation>不是有效的 SHA-256 指紋：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>輸入訊息…</translation>
    </message>
</context>
<context>
    <name>confab::ui::ContactEditDialog</name>
    <message>
        <source>&amp;New Group</source>
        <translation>新增群組(&amp;N)</translation>
    </message>
    <message>
        <source>Edit Contact %1</source>
        <translation>編輯聯絡人 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群組</translation>
    </message>
    <message>
        <source>New group name</source>
        <translation>新群組名稱</translation>
    </message>
    <message>
        <source>Add new group</source>
        <translation>新增群組</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>群組(&amp;G)：</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>The contact could not be changed: %1</source>
        <translation>無法變更聯絡人：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::ContactInfoDialog</name>
    <message>
        <source>Profile of %1</source>
        <translation>%1 的個人資料</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>頭像</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
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
        <translation>暱稱：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>電子郵件：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>組織：</translation>
    </message>
    <message>
        <source>Job title:</source>
        <translation>職稱：</translation>
    </message>
    <message>
        <source>Web page:</source>
        <translation>網頁：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>簡介：</translation>
    </message>
    <message>
        <source>Loading profile…</source>
        <translation>正在載入個人資料…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>個人資料</translation>
    </message>
    <message>
        <source>Online devices</source>
        <translation>在線裝置</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>狀態訊息</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>%1 has not published a profile.</source>
        <translation>%1 尚未公開個人資料。</translation>
    </message>
    <message>
        <source>The profile could not be loaded: %1</source>
        <translation>無法載入個人資料：%1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Not online, or not sharing presence with you</source>
        <translation>不在線，或未與您分享上線狀態</translation>
    </message>
</context>
<context>
    <name>confab::ui::DesktopApp</name>
    <message>
        <source>Message History Damaged</source>
        <translation>訊息紀錄已損毀</translation>
    </message>
    <message>
        <source>Confab could not read your message history: the file was damaged. It kept the damaged file as %1 and started a new, empty history. Messages still on the server are fetched again.</source>
        <translation>Confab 無法讀取您的訊息紀錄：檔案已損毀。損毀的檔案已保留為 %1，並已建立新的空白訊息紀錄。仍存放在伺服器上的訊息會重新取得。</translation>
    </message>
</context>
<context>
    <name>confab::ui::Dialogs</name>
    <message>
        <source>The connection went away before the server answered.</source>
        <translation>伺服器回應前連線就已中斷。</translation>
    </message>
</context>
<context>
    <name>confab::ui::LoginDialog</name>
    <message>
        <source>&amp;Remember password</source>
        <translation>記住密碼(&amp;R)</translation>
    </message>
    <message>
        <source>Sign in &amp;automatically</source>
        <translation>自動登入(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>信任此憑證(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登入(&amp;S)</translation>
    </message>
    <message>
        <source>Confab — Sign in</source>
        <translation>Confab — 登入</translation>
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
        <translation>密碼</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>確認密碼</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>記住密碼</translation>
    </message>
    <message>
        <source>Sign in automatically</source>
        <translation>自動登入</translation>
    </message>
    <message>
        <source>Password storage</source>
        <translation>密碼儲存</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>登入狀態</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>信任此憑證</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>進階</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>進階設定</translation>
    </message>
    <message>
        <source>Found from the address</source>
        <translation>依地址自動尋找</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
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
        <translation>僅使用系統憑證</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 憑證檔案</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>選擇 CA 憑證檔案</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>伺服器(&amp;V)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>連接埠(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>加密(&amp;E)：</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 檔案(&amp;F)：</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>確認密碼(&amp;C)：</translation>
    </message>
    <message>
        <source>Default (5223)</source>
        <translation>預設（5223）</translation>
    </message>
    <message>
        <source>Default (5222)</source>
        <translation>預設（5222）</translation>
    </message>
    <message>
        <source>name@%1</source>
        <translation>name@%1</translation>
    </message>
    <message>
        <source>Your administrator does not allow remembering passwords.</source>
        <translation>您的管理員不允許記住密碼。</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>建立新帳號</translation>
    </message>
    <message>
        <source>Sign in to your chat account</source>
        <translation>登入您的聊天帳號</translation>
    </message>
    <message>
        <source>&amp;Create Account</source>
        <translation>建立帳號(&amp;C)</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>建立帳號</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>我已經有帳號</translation>
    </message>
    <message>
        <source>Create a new account…</source>
        <translation>建立新帳號…</translation>
    </message>
    <message>
        <source>No password keychain answered on this computer, so your password will be kept for this session only and asked for again next time.</source>
        <translation>此電腦上沒有可用的密碼鑰匙圈，因此您的密碼只會保留到本次工作階段結束，下次需要重新輸入。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>取消登入</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>由您的管理員設定</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>正在建立您的帳號…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登入…</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>（未提供名稱）</translation>
    </message>
    <message>
        <source>Certificate issued to: %1
SHA-256 fingerprint:
%2

Trust it only if the server&apos;s administrator confirms this fingerprint.</source>
        <translation>憑證核發對象：%1
SHA-256 指紋：
%2

請僅在伺服器管理員確認此指紋後才信任它。</translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation>選擇 CA 憑證</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>憑證 (*.pem *.crt *.cer);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Enter your address, such as name@example.com.</source>
        <translation>請輸入您的地址，例如 name@example.com。</translation>
    </message>
    <message>
        <source>On this computer you can only use addresses ending in @%1.</source>
        <translation>在此電腦上只能使用以 @%1 結尾的地址。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>請輸入您的密碼。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>兩次輸入的密碼不一致。</translation>
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
        <translation>新聊天(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Add Contact…</source>
        <translation>新增聯絡人(&amp;A)…</translation>
    </message>
    <message>
        <source>Edit &amp;Profile…</source>
        <translation>編輯個人資料(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Offline Contacts</source>
        <translation>顯示離線聯絡人(&amp;O)</translation>
    </message>
    <message>
        <source>Sort by &amp;Name</source>
        <translation>依名稱排序(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Find Contact</source>
        <translation>尋找聯絡人(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Confab</source>
        <translation>關於 Confab(&amp;A)</translation>
    </message>
    <message>
        <source>About Confab</source>
        <translation>關於 Confab</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Confab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A desktop messenger for the open XMPP network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Confab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;適用於開放 XMPP 網路的桌面即時通訊軟體。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Confab — %1</source>
        <translation>Confab — %1</translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation>您的頭像</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的名稱</translation>
    </message>
    <message>
        <source>Your presence</source>
        <translation>您的上線狀態</translation>
    </message>
    <message>
        <source>Your status message</source>
        <translation>您的狀態訊息</translation>
    </message>
    <message>
        <source>Set a status message</source>
        <translation>設定狀態訊息</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>搜尋聯絡人</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>連線狀態</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>連線中…</translation>
    </message>
    <message>
        <source>%1 Reconnecting…</source>
        <translation>%1 正在重新連線…</translation>
    </message>
    <message numerus="yes">
        <source>%1 Trying again in %n second(s).</source>
        <translation>
            <numerusform>%1 將在 %n 秒後重試。</numerusform>
        </translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation>新聊天</translation>
    </message>
    <message>
        <source>Chat with (name@example.com):</source>
        <translation>聊天對象（name@example.com）：</translation>
    </message>
    <message>
        <source>“%1” is not an address. Addresses look like name@example.com.</source>
        <translation>「%1」不是地址。地址的格式類似 name@example.com。</translation>
    </message>
    <message>
        <source>Remove Contact</source>
        <translation>移除聯絡人</translation>
    </message>
    <message>
        <source>Remove %1 from your contacts? You will no longer see each other&apos;s presence.</source>
        <translation>要從聯絡人中移除 %1 嗎？你們將無法再看到彼此的上線狀態。</translation>
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
        <translation>新訊息</translation>
    </message>
    <message>
        <source>edited</source>
        <extracomment>Mark on a message that was corrected (XEP-0308).</extracomment>
        <translation>已編輯</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未送出</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未送出：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageView</name>
    <message>
        <source>Messages</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>複製連結(&amp;L)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全選(&amp;A)</translation>
    </message>
</context>
<context>
    <name>confab::ui::ProfileDialog</name>
    <message>
        <source>Choose &amp;Picture…</source>
        <translation>選擇頭像(&amp;P)…</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>暱稱</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>網頁</translation>
    </message>
    <message>
        <source>My Profile</source>
        <translation>我的個人資料</translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation>您的頭像</translation>
    </message>
    <message>
        <source>Choose picture</source>
        <translation>選擇頭像</translation>
    </message>
    <message>
        <source>Show birthday</source>
        <translation>顯示生日</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>About me</source>
        <translation>自我介紹</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重試(&amp;R)</translation>
    </message>
    <message>
        <source>Load the profile again</source>
        <translation>重新載入個人資料</translation>
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
        <translation>暱稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>電子郵件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>組織(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation>職稱(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Web page:</source>
        <translation>網頁(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>生日(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;About me:</source>
        <translation>自我介紹(&amp;A)：</translation>
    </message>
    <message>
        <source>Loading your profile…</source>
        <translation>正在載入您的個人資料…</translation>
    </message>
    <message>
        <source>Your profile could not be loaded: %1</source>
        <translation>無法載入您的個人資料：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Your profile could not be saved: %1</source>
        <translation>無法儲存您的個人資料：%1</translation>
    </message>
    <message>
        <source>Publishing your picture…</source>
        <translation>正在發布您的頭像…</translation>
    </message>
    <message>
        <source>Your profile was saved, but your picture could not be published: %1</source>
        <translation>已儲存個人資料，但無法發布您的頭像：%1</translation>
    </message>
    <message>
        <source>The new picture is published when you save.</source>
        <translation>新頭像會在儲存時發布。</translation>
    </message>
    <message>
        <source>This file is not an image Confab can read: %1</source>
        <translation>此檔案不是 Confab 可讀取的圖片：%1</translation>
    </message>
    <message>
        <source>Choose Picture</source>
        <translation>選擇頭像</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>圖片 (%1)</translation>
    </message>
</context>
<context>
    <name>confab::ui::RosterDelegate</name>
    <message>
        <source>Blocked</source>
        <translation>已封鎖</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>等待對方同意</translation>
    </message>
</context>
<context>
    <name>confab::ui::RosterView</name>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Contact actions</source>
        <translation>聯絡人操作</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>View &amp;profile</source>
        <translation>檢視個人資料(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重新命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Groups…</source>
        <translation>群組(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>解除封鎖(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>封鎖(&amp;B)</translation>
    </message>
    <message>
        <source>R&amp;emove…</source>
        <translation>移除(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>confab::ui::SearchBar</name>
    <message>
        <source>Search bar</source>
        <translation>搜尋列</translation>
    </message>
    <message>
        <source>Search this conversation</source>
        <translation>搜尋此對話</translation>
    </message>
    <message>
        <source>Search in this conversation</source>
        <translation>在此對話中搜尋</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Previous (older) result (Shift+Enter)</source>
        <translation>上一個（較舊的）結果（Shift+Enter）</translation>
    </message>
    <message>
        <source>Previous result</source>
        <translation>上一個結果</translation>
    </message>
    <message>
        <source>Next (newer) result (Enter)</source>
        <translation>下一個（較新的）結果（Enter）</translation>
    </message>
    <message>
        <source>Next result</source>
        <translation>下一個結果</translation>
    </message>
    <message>
        <source>Close search (Esc)</source>
        <translation>關閉搜尋（Esc）</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>關閉搜尋</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>沒有結果</translation>
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
        <translation>設定</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>設定頁面</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帳號</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外觀</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隱私</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>尚未登入</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>由您的管理員設定</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>目前登入身分</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>目前登入身分：</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>與系統相同</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系統預設</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字型大小</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主題(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>字型大小(&amp;F)：</translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation>收到新訊息時顯示通知</translation>
    </message>
    <message>
        <source>Let contacts see when I am typing</source>
        <translation>讓聯絡人看到我正在輸入</translation>
    </message>
    <message>
        <source>Send delivery receipts</source>
        <translation>傳送送達回條</translation>
    </message>
    <message>
        <source>Let contacts see when I have read their messages</source>
        <translation>讓聯絡人知道我已讀取他們的訊息</translation>
    </message>
    <message>
        <source>As tabs in one window</source>
        <translation>以分頁顯示在同一個視窗中</translation>
    </message>
    <message>
        <source>Each in its own window</source>
        <translation>各自在獨立的視窗中</translation>
    </message>
    <message>
        <source>Open chats</source>
        <translation>開啟聊天</translation>
    </message>
    <message>
        <source>&amp;Open chats:</source>
        <translation>開啟聊天(&amp;O)：</translation>
    </message>
    <message>
        <source>Show offline contacts</source>
        <translation>顯示離線聯絡人</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>Away after idle minutes</source>
        <translation>閒置幾分鐘後設為離開</translation>
    </message>
    <message>
        <source>Extended away after idle minutes</source>
        <translation>閒置幾分鐘後設為長時間離開</translation>
    </message>
    <message>
        <source>&amp;Away when idle for:</source>
        <translation>閒置多久後設為離開(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Extended away when idle for:</source>
        <translation>閒置多久後設為長時間離開(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language takes effect after Confab is restarted.</source>
        <translation>新的語言將在重新啟動 Confab 後生效。</translation>
    </message>
</context>
<context>
    <name>confab::ui::SubscriptionRequestsWidget</name>
    <message>
        <source>Contact Requests</source>
        <translation>聯絡人請求</translation>
    </message>
    <message>
        <source>Contact requests</source>
        <translation>聯絡人請求</translation>
    </message>
    <message>
        <source>%1 wants to add you</source>
        <translation>%1 想要加您為聯絡人</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <source>Add to my contacts</source>
        <translation>加入我的聯絡人</translation>
    </message>
    <message>
        <source>Add %1 to my contacts</source>
        <translation>將 %1 加入我的聯絡人</translation>
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
        <translation>拒絕</translation>
    </message>
    <message>
        <source>Deny %1</source>
        <translation>拒絕 %1</translation>
    </message>
    <message>
        <source>Could not answer: %1</source>
        <translation>無法回覆：%1</translation>
    </message>
</context>
<context>
    <name>confab::ui::TrayIcon</name>
    <message>
        <source>Show Confab</source>
        <translation>顯示 Confab</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message numerus="yes">
        <source>Confab — %n unread message(s)</source>
        <translation>
            <numerusform>Confab — %n 則未讀訊息</numerusform>
        </translation>
    </message>
    <message>
        <source>Confab — %1</source>
        <translation>Confab — %1</translation>
    </message>
</context>
</TS>

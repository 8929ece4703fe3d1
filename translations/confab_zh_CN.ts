<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectionErrorText</name>
    <message>
        <source>This account has been disabled. Contact the server&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password has expired. Change it with the server&apos;s administrator, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not check your password just now. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server requires an encrypted connection for this sign-in method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account with this address already exists. Sign in instead, or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not allow creating accounts from Confab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this name or password. It may ask for more details (such as an e-mail address) than Confab can send: create the account on the server&apos;s website instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept new accounts right now. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not create the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in somewhere else with the same device name, so this connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not serve the domain of your address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer accepts your sign-in. Your password may have been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection because a limit was exceeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection because it was idle too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has a problem and closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection because of an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection because of an error (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be found. Check the part of your address after the @, the server name under Advanced, and your Internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confab could not reach the server. Check your network connection; the server may also be down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not offer an encrypted connection, so Confab did not sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so Confab did not send your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the server could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted connections are only allowed to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server offers no sign-in method that keeps your password safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent something Confab cannot accept, so the connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3, %4</source>
        <extracomment>Read out for one chat message: time, sender, text, delivery state.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jid</name>
    <message>
        <source>The name before &quot;@&quot; is longer than 1023 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; is not valid text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; may not contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; may not contain %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; mixes left-to-right and right-to-left text in a way that is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has nothing before &quot;@&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; is longer than 1023 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; is not valid text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource after &quot;/&quot; may not contain %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address ends with &quot;/&quot; but has no resource after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain is longer than 1023 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label of the domain &quot;%1&quot; is longer than 63 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresenceStyle</name>
    <message>
        <source>Free for chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentChatsModel</name>
    <message numerus="yes">
        <source>%1, %n unread: %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 of %3 online</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>XmppError</name>
    <message>
        <source>The request was malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other side does not support this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is no longer in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server had an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not acceptable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not authorized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s policy does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s server could not be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact&apos;s server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is too busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A presence subscription is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer came in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an invalid answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>XmppUri</name>
    <message>
        <source>The address has an empty user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is not correctly percent-encoded UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has no domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address ends in an empty resource.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an xmpp: address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account in the address has no user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address names an account but no contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has an empty query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has a query parameter without a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ChatManager</name>
    <message>
        <source>The message could not be delivered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::Database</name>
    <message>
        <source>The message database was damaged. A copy was kept as %1 and a new, empty database was started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::AccountController</name>
    <message>
        <source>Confab could not open this account&apos;s data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::AddContactDialog</name>
    <message>
        <source>Ask to see their presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server after &quot;@&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing may follow a &quot;/&quot; that ends the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name before &quot;@&quot; contains a character that is not allowed (such as a space, quote or &quot;/&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server after &quot;@&quot; is not a valid domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part after &quot;/&quot; contains a character that is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address without &quot;/%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your own address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in your contacts. Adding again changes the name and group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact could not be added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact was added, but the request to see their presence failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::ChatHistoryModel</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3, %4</source>
        <extracomment>Read out for one chat message: time, sender, text, delivery state.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::ChatTab</name>
    <message>
        <source>Chat with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing your last message — Esc to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your messages go: automatically to the device that last wrote, or one device of your choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That message can no longer be corrected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::ChatWindow</name>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Tab title with unread messages: name (count)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Confab</source>
        <extracomment>Chat window title: the contact&apos;s name — application name</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::CommandLine</name>
    <message>
        <source>Confab, a desktop XMPP messenger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as JID (user@domain or user@domain/resource).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the password from the first line of FILE (else the environment variable CONFAB_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to HOST instead of looking up the domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port on HOST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starttls (default), direct, or insecure-plaintext (loopback addresses only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also trust the CA certificates in FILE (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the server certificate with this SHA-256 fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep settings, history and caches in DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: en, zh_CN or zh_TW (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An xmpp: address to open, such as xmpp:user@example.com?message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at most one xmpp: address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs --jid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid JID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password: use --password-file FILE or set CONFAB_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a TLS mode: %1 (starttls, direct or insecure-plaintext)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a SHA-256 fingerprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::ContactEditDialog</name>
    <message>
        <source>&amp;New Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add new group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::ContactInfoDialog</name>
    <message>
        <source>Profile of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not published a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not online, or not sharing presence with you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::Dialogs</name>
    <message>
        <source>The connection went away before the server answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::LoginDialog</name>
    <message>
        <source>&amp;Remember password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in &amp;automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confab — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found from the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (usual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the system&apos;s certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (5223)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (5222)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator does not allow remembering passwords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to your chat account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password keychain answered on this computer, so your password will be kept for this session only and asked for again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate issued to: %1
SHA-256 fingerprint:
%2

Trust it only if the server&apos;s administrator confirms this fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your address, such as name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer you can only use addresses ending in @%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::MainWindow</name>
    <message>
        <source>&amp;Confab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Chat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Offline Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by &amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Confab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Confab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Confab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A desktop messenger for the open XMPP network.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confab — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 Trying again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat with (name@example.com):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an address. Addresses look like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from your contacts? You will no longer see each other&apos;s presence.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] %2: %3</source>
        <extracomment>A chat message copied to the clipboard: [time] sender: text</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <extracomment>Mark on a message that was corrected (XEP-0308).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::MessageView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::ProfileDialog</name>
    <message>
        <source>Choose &amp;Picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the profile again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ull name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing your picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile was saved, but your picture could not be published: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new picture is published when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not an image Confab can read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::RosterDelegate</name>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::RosterView</name>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &amp;profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Groups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;emove…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::SearchBar</name>
    <message>
        <source>Search bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (older) result (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (newer) result (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close search (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Search position: &quot;2 of 7&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let contacts see when I am typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send delivery receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let contacts see when I have read their messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As tabs in one window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each in its own window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open chats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show offline contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended away after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Away when idle for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Extended away when idle for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect after Confab is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::SubscriptionRequestsWidget</name>
    <message>
        <source>Contact Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wants to add you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to my contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 to my contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>confab::ui::TrayIcon</name>
    <message>
        <source>Show Confab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Confab — %n unread message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Confab — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

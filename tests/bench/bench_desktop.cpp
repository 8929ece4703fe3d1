// SPDX-License-Identifier: Apache-2.0
// The desktop client from the outside (issue 5, Performance): the real `confab` binary, started with the
// command-line sign-in under a private Xvfb, signed in to the fixture's Prosody with 5,000 contacts in 50
// groups, 200 of them online (bare libcore Clients in this process). Every sign-in (desktop or cli) has its
// own account (you1, you2, ...) and its own observing contact (obs1, obs2, ...; the roster's "Contact 0000"),
// the other 199 online contacts are shared: each burst adds 5,000 messages to both archives, and Prosody
// 0.12's internal archive store rewrites a whole archive past 10,000 items per user (about a second per
// message at that size, see bench_receipts), so reused accounts measured Prosody, not the client. Measured:
// - cold start: process start to the main window mapped with the title "Confab — you@example.test"
//   (X MapNotify/PropertyNotify seen by our own X connection, no polling); baseline: a minimal Qt window
//   (this binary with --trivial-window) started the same way;
// - start to initial presence, as received by an online contact's client; then a XEP-0199 ping from that
//   contact to our full JID, answered how fast; baseline: `confab-cli listen` (headless, same account);
// - CPU seconds (utime+stime, /proc/PID/stat) from start to 10 s after the presence arrived, and VmRSS
//   then; baseline: confab-cli listen measured the same way;
// - 5,000 chat messages with a XEP-0184 <request/> from an online contact to our full JID: time from the
//   first send to the last <received/> back, and confab's CPU seconds for it (until its CPU time stops
//   moving); baseline: confab-cli listen, in the same run, against the same server.
// Medians of CONFAB_BENCH_RUNS runs (default 3); CONFAB_BENCH_MAM=1 repeats everything with mod_mam on.
//
//   bench_desktop                           the benchmark (needs Xvfb, prosody, and confab built)
//   bench_desktop --trivial-window TITLE    a minimal Qt window, the cold start baseline
#include "base/Namespaces.h"
#include "client/Client.h"
#include "client/ClientExtension.h"
#include "testlib/PrivateXServer.h"
#include "testlib/ProsodyFixture.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

#if __has_include(<xcb/xcb.h>)
#include <dlfcn.h>
#include <xcb/xcb.h>
#define CONFAB_BENCH_HAS_XCB 1
#endif

using namespace Qt::StringLiterals;
using namespace confab;
using namespace confab::test;

namespace {

constexpr int Contacts = 5000;
constexpr int Groups = 50;
constexpr int Online = 200;
constexpr int Messages = 5000;
constexpr int DefaultRuns = 3;
constexpr int AfterSignInMs = 10'000;
constexpr int StartTimeoutMs = 30'000;
constexpr int BurstTimeoutMs = 120'000;
constexpr QStringView ReceiptsNs = u"urn:xmpp:receipts";

const QString You = u"you"_s; // registered by the fixture; its credentials are copied to every you<N>
const QString Template = u"contact"_s; // registered by the fixture; its credentials are copied to every contact

double median(QList<double> values)
{
    values.removeAll(-1); // figures a failed step did not reach
    std::sort(values.begin(), values.end());
    if (values.isEmpty()) {
        return -1;
    }
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

// CONFAB_DESKTOP=PATH measures another build of the desktop client.
QString desktopPath()
{
    const QString path = qEnvironmentVariable("CONFAB_DESKTOP");
    return path.isEmpty() ? QStringLiteral(CONFAB_DESKTOP_PATH) : path;
}

QString contactUser(int i)
{
    return u"c%1"_s.arg(i, 4, 10, QChar(u'0'));
}

// The account of sign-in number `n` (from 1), and the contact that watches it, pings it and sends its burst.
QString youUser(int n)
{
    return You + QString::number(n);
}

QString observerUser(int n)
{
    return u"obs%1"_s.arg(n);
}

// Contact 0 of you<N>'s roster is obs<N>; the others are shared.
QString rosterContact(int i, int n)
{
    return i == 0 ? observerUser(n) : contactUser(i);
}

void childDiesWithUs(QProcess &process)
{
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(127);
        }
    });
}

// Runs the event loop until `condition` holds or `timeoutMs` pass; a timer wakes us so we never spin.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QTimer tick;
    tick.start(5);
    while (!condition()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// ---- /proc ----

struct ProcSample
{
    double cpu = -1; // utime + stime, seconds
    double rssMb = -1; // VmRSS
};

ProcSample sampleProcess(qint64 pid)
{
    ProcSample sample;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        // Fields after "(comm)": state is field 3, utime 14, stime 15.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 12) {
            const double ticks = double(::sysconf(_SC_CLK_TCK));
            sample.cpu = (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
        }
    }
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:")) {
                sample.rssMb = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
            }
        }
    }
    return sample;
}

// Waits until the process's CPU time has not moved for 500 ms (bounded): the end of its work on a burst.
double cpuWhenSettled(qint64 pid, int timeoutMs = 15'000)
{
    double last = sampleProcess(pid).cpu;
    QElapsedTimer still;
    still.start();
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QDeadlineTimer step(100);
        waitUntil([&] { return step.hasExpired(); }, 1000);
        const double now = sampleProcess(pid).cpu;
        if (now != last) {
            last = now;
            still.restart();
        } else if (still.elapsed() >= 500) {
            break;
        }
    }
    return last;
}

// ---- X: when is the window shown? ----

#ifdef CONFAB_BENCH_HAS_XCB
// libxcb through dlopen: the bench needs no link dependency beyond Qt, and a machine without the headers
// falls back to polling xwininfo.
struct Xcb
{
    decltype(&xcb_connect) connect = nullptr;
    decltype(&xcb_connection_has_error) hasError = nullptr;
    decltype(&xcb_disconnect) disconnect = nullptr;
    decltype(&xcb_get_setup) getSetup = nullptr;
    decltype(&xcb_setup_roots_iterator) roots = nullptr;
    decltype(&xcb_change_window_attributes) changeAttributes = nullptr;
    decltype(&xcb_flush) flush = nullptr;
    decltype(&xcb_get_file_descriptor) fd = nullptr;
    decltype(&xcb_poll_for_event) pollEvent = nullptr;
    decltype(&xcb_intern_atom) internAtom = nullptr;
    decltype(&xcb_intern_atom_reply) internAtomReply = nullptr;
    decltype(&xcb_get_property) getProperty = nullptr;
    decltype(&xcb_get_property_reply) getPropertyReply = nullptr;
    decltype(&xcb_get_property_value) propertyValue = nullptr;
    decltype(&xcb_get_property_value_length) propertyLength = nullptr;

    bool load()
    {
        void *lib = ::dlopen("libxcb.so.1", RTLD_NOW);
        if (!lib) {
            return false;
        }
        const auto get = [lib](auto &fn, const char *name) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(::dlsym(lib, name));
            return fn != nullptr;
        };
        return get(connect, "xcb_connect") && get(hasError, "xcb_connection_has_error")
            && get(disconnect, "xcb_disconnect") && get(getSetup, "xcb_get_setup")
            && get(roots, "xcb_setup_roots_iterator") && get(changeAttributes, "xcb_change_window_attributes")
            && get(flush, "xcb_flush") && get(fd, "xcb_get_file_descriptor") && get(pollEvent, "xcb_poll_for_event")
            && get(internAtom, "xcb_intern_atom") && get(internAtomReply, "xcb_intern_atom_reply")
            && get(getProperty, "xcb_get_property") && get(getPropertyReply, "xcb_get_property_reply")
            && get(propertyValue, "xcb_get_property_value") && get(propertyLength, "xcb_get_property_value_length");
    }
};
#endif

// Watches the X server for a top-level window with a given title being mapped. With xcb: our own connection
// selects SubstructureNotify on the root (no window manager runs, so top-levels are its children) and
// PropertyChange on mapped windows; the time is taken when the event is read. Without: xwininfo every 5 ms.
class WindowWatch
{
public:
    explicit WindowWatch(const QString &display)
        : m_display(display)
    { }

    ~WindowWatch()
    {
#ifdef CONFAB_BENCH_HAS_XCB
        m_notifier.reset();
        if (m_connection) {
            m_xcb.disconnect(m_connection);
        }
#endif
    }

    bool open()
    {
#ifdef CONFAB_BENCH_HAS_XCB
        if (!m_xcb.load()) {
            return true; // fall back to xwininfo
        }
        m_connection = m_xcb.connect(m_display.toLocal8Bit().constData(), nullptr);
        if (m_xcb.hasError(m_connection)) {
            m_xcb.disconnect(m_connection);
            m_connection = nullptr;
            return false;
        }
        m_root = m_xcb.roots(m_xcb.getSetup(m_connection)).data->root;
        const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
        m_xcb.changeAttributes(m_connection, m_root, XCB_CW_EVENT_MASK, &mask);
        m_netWmName = atom("_NET_WM_NAME");
        m_utf8 = atom("UTF8_STRING");
        m_xcb.flush(m_connection);
        m_notifier = std::make_unique<QSocketNotifier>(m_xcb.fd(m_connection), QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this] { drain(); });
        return true;
#else
        return true;
#endif
    }

    bool usesXcb() const
    {
#ifdef CONFAB_BENCH_HAS_XCB
        return m_connection != nullptr;
#else
        return false;
#endif
    }

    // Starts watching for `title`; `timer` is the clock the caller started with the process.
    void expect(const QString &title, const QElapsedTimer *timer)
    {
        m_title = title;
        m_timer = timer;
        m_shownMs = -1;
        m_mapped.clear();
        if (!usesXcb()) {
            m_poll = std::make_unique<QTimer>();
            QObject::connect(m_poll.get(), &QTimer::timeout, [this] { pollXwininfo(); });
            m_poll->start(5);
        }
    }

    double shownMs() const { return m_shownMs; }

private:
    void found()
    {
        if (m_shownMs < 0 && m_timer) {
            m_shownMs = double(m_timer->nsecsElapsed()) / 1e6;
        }
        m_poll.reset();
    }

    void pollXwininfo()
    {
        // Blocking, but short; only without xcb.
        QProcess xwininfo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DISPLAY"_s, m_display);
        xwininfo.setProcessEnvironment(env);
        xwininfo.start(u"xwininfo"_s, { u"-root"_s, u"-tree"_s });
        xwininfo.waitForFinished(2000);
        if (QString::fromUtf8(xwininfo.readAllStandardOutput()).contains(u'"' + m_title + u'"')) {
            found();
        }
    }

#ifdef CONFAB_BENCH_HAS_XCB
    xcb_atom_t atom(const char *name)
    {
        xcb_intern_atom_reply_t *reply = m_xcb.internAtomReply(
            m_connection, m_xcb.internAtom(m_connection, 0, uint16_t(strlen(name)), name), nullptr);
        const xcb_atom_t result = reply ? reply->atom : xcb_atom_t(XCB_ATOM_NONE);
        free(reply);
        return result;
    }

    QString title(xcb_window_t window)
    {
        for (const auto &[property, type] : { std::pair { m_netWmName, m_utf8 },
                 std::pair { xcb_atom_t(XCB_ATOM_WM_NAME), xcb_atom_t(XCB_ATOM_STRING) } }) {
            xcb_get_property_reply_t *reply = m_xcb.getPropertyReply(
                m_connection, m_xcb.getProperty(m_connection, 0, window, property, type, 0, 1024), nullptr);
            QString text;
            if (reply) {
                text = QString::fromUtf8(
                    static_cast<const char *>(m_xcb.propertyValue(reply)), m_xcb.propertyLength(reply));
            }
            free(reply);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return {};
    }

    void drain()
    {
        while (xcb_generic_event_t *event = m_xcb.pollEvent(m_connection)) {
            const uint8_t type = event->response_type & 0x7f;
            if (type == XCB_MAP_NOTIFY) {
                const auto *map = reinterpret_cast<const xcb_map_notify_event_t *>(event);
                if (map->event == m_root) {
                    m_mapped.insert(map->window);
                    const uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
                    m_xcb.changeAttributes(m_connection, map->window, XCB_CW_EVENT_MASK, &mask);
                    m_xcb.flush(m_connection);
                    if (!m_title.isEmpty() && title(map->window) == m_title) {
                        found();
                    }
                }
            } else if (type == XCB_PROPERTY_NOTIFY) {
                const auto *property = reinterpret_cast<const xcb_property_notify_event_t *>(event);
                if (m_mapped.contains(property->window)
                    && (property->atom == m_netWmName || property->atom == XCB_ATOM_WM_NAME) && !m_title.isEmpty()
                    && title(property->window) == m_title) {
                    found();
                }
            } else if (type == XCB_UNMAP_NOTIFY) {
                m_mapped.remove(reinterpret_cast<const xcb_unmap_notify_event_t *>(event)->window);
            }
            free(event);
        }
    }

    Xcb m_xcb;
    xcb_connection_t *m_connection = nullptr;
    xcb_window_t m_root = 0;
    xcb_atom_t m_netWmName = 0;
    xcb_atom_t m_utf8 = 0;
    QSet<xcb_window_t> m_mapped;
    std::unique_ptr<QSocketNotifier> m_notifier;
#else
    QSet<quint32> m_mapped;
#endif
    QString m_display;
    QString m_title;
    const QElapsedTimer *m_timer = nullptr;
    double m_shownMs = -1;
    std::unique_ptr<QTimer> m_poll;
};

// ---- the server, populated ----

QString luaString(const QString &s)
{
    QString escaped = s;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

bool writeFile(const QString &path, const QByteArray &data)
{
    // No QSaveFile: 10,000 fsyncs would make populating take a minute on a busy disk.
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// Prosody's internal storage (mod_storage_internal, one Lua table per user and store): accounts/<user>.dat
// holds the internal_hashed SCRAM credentials (copied from the fixture's accounts, so every contact has the
// template's password and every you<N> has you's), roster/<user>.dat the roster items keyed by JID plus the
// [false] metadata entry. Written before anyone signs in, so nothing is cached yet. Both sides of each
// subscription are written: Prosody answers a probe of a contact whose roster lacks us with "unsubscribed"
// (and rewrites ours). `signIns` accounts you1..you<signIns>, each with its observer obs<N>.
std::optional<QString> populate(const ProsodyFixture &server, int signIns)
{
    const QString hostDir = server.directory() + u"/data/"_s + QString(server.domain()).replace(u'.', u"%2e"_s);
    const auto credentialsOf = [&](const QString &user) -> std::optional<QByteArray> {
        QFile file(hostDir + u"/accounts/"_s + user + u".dat"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            return std::nullopt;
        }
        return file.readAll();
    };
    const std::optional<QByteArray> contactCredentials = credentialsOf(Template);
    const std::optional<QByteArray> youCredentials = credentialsOf(You);
    if (!contactCredentials || !youCredentials) {
        return u"no fixture account files under "_s + hostDir;
    }
    QDir().mkpath(hostDir + u"/roster/"_s);
    const QString header = u"return {\n\t[false] = {\n\t\t[\"version\"] = 1;\n\t\t[\"pending\"] = {};\n\t};\n"_s;
    const auto item = [](const QString &jid, const QString &name, const QString &group) -> QString {
        QString text = u"\t["_s + luaString(jid) + u"] = {\n\t\t[\"subscription\"] = \"both\";\n"_s;
        if (!name.isEmpty()) {
            text += u"\t\t[\"name\"] = "_s + luaString(name) + u";\n"_s;
        }
        if (group.isEmpty()) {
            return text + u"\t\t[\"groups\"] = {};\n\t};\n"_s;
        }
        return text + u"\t\t[\"groups\"] = {\n\t\t\t["_s + luaString(group) + u"] = true;\n\t\t};\n\t};\n"_s;
    };
    // A shared contact knows every you<N>; an observer only its own.
    QString sharedRoster = header;
    for (int n = 1; n <= signIns; ++n) {
        sharedRoster += item(server.jid(youUser(n)), {}, {});
    }
    sharedRoster += u"};\n"_s;
    const QByteArray shared = sharedRoster.toUtf8();
    for (int i = 1; i < Contacts; ++i) {
        const QString user = contactUser(i);
        if (!writeFile(hostDir + u"/accounts/"_s + user + u".dat"_s, *contactCredentials)
            || !writeFile(hostDir + u"/roster/"_s + user + u".dat"_s, shared)) {
            return u"cannot write the storage of "_s + user;
        }
    }
    for (int n = 1; n <= signIns; ++n) {
        const QString observer = observerUser(n);
        const QString you = youUser(n);
        if (!writeFile(hostDir + u"/accounts/"_s + observer + u".dat"_s, *contactCredentials)
            || !writeFile(hostDir + u"/roster/"_s + observer + u".dat"_s,
                (header + item(server.jid(you), {}, {}) + u"};\n"_s).toUtf8())) {
            return u"cannot write the storage of "_s + observer;
        }
        QString roster = header;
        for (int i = 0; i < Contacts; ++i) {
            roster += item(server.jid(rosterContact(i, n)), u"Contact %1"_s.arg(i, 4, 10, QChar(u'0')),
                u"Group %1"_s.arg(i % Groups, 2, 10, QChar(u'0')));
        }
        roster += u"};\n"_s;
        if (!writeFile(hostDir + u"/accounts/"_s + you + u".dat"_s, *youCredentials)
            || !writeFile(hostDir + u"/roster/"_s + you + u".dat"_s, roster.toUtf8())) {
            return u"cannot write the storage of "_s + you;
        }
    }
    return std::nullopt;
}

ConnectionSettings settingsFor(
    const ProsodyFixture &server, const QString &user, const QString &password, const QString &resource)
{
    ConnectionSettings s;
    s.jid = Jid::fromString(QString(server.jid(user) + u'/' + resource));
    s.password = password;
    s.host = server.host();
    s.port = server.c2sPort();
    s.caFile = server.caFile();
    return s;
}

// The observing contact: sees our presence, pings us, sends the burst and counts the receipts.
class Observer : public ClientExtension
{
public:
    bool handleStanza(const XmlElement &stanza) override
    {
        if (stanza.name() == u"presence" && m_onPresence) {
            const Jid from = Jid::fromString(stanza.attribute(u"from"));
            const QString type = stanza.attribute(u"type");
            if (from.bare().toString() == m_watchedBare && type.isEmpty()) {
                m_onPresence(from.toString());
            }
            return false;
        }
        if (stanza.name() == u"message") {
            if (const XmlElement *received = stanza.firstChild(u"received", ReceiptsNs)) {
                if (received->attribute(u"id").startsWith(m_prefix)) {
                    m_receipts.insert(received->attribute(u"id"));
                }
                return true;
            }
        }
        return false;
    }

    void watchPresence(const QString &bare, std::function<void(const QString &)> onPresence)
    {
        m_watchedBare = bare;
        m_onPresence = std::move(onPresence);
    }
    void stopWatching() { m_onPresence = nullptr; }

    void startBurst(const QString &prefix)
    {
        m_prefix = prefix;
        m_receipts.clear();
        m_receipts.reserve(Messages);
    }
    qsizetype receipts() const { return m_receipts.size(); }

private:
    QString m_watchedBare;
    std::function<void(const QString &)> m_onPresence;
    QString m_prefix;
    QSet<QString> m_receipts;
};

struct Figures
{
    double shownMs = -1; // start to window mapped with its title (desktop) or to the trivial window
    double presenceMs = -1; // start to initial presence at a contact
    double pingMs = -1; // ping sent at that moment, answered after
    QString pingError; // the error condition when the answer was an error
    double cpuAfter = -1; // CPU seconds at sign-in + 10 s
    double rssMb = -1;
    double burstMs = -1; // first message sent to last receipt back
    double burstCpu = -1; // CPU seconds for the burst
};

class Bench
{
public:
    Bench(const ProsodyFixture &server, const QString &display, WindowWatch &windows)
        : m_server(server)
        , m_display(display)
        , m_windows(windows)
    { }

    // The shared online contacts (c0001..), for the whole pass.
    std::optional<QString> connectContacts()
    {
        const QString password = m_server.password(Template);
        for (int i = 1; i < Online; ++i) {
            m_contacts.push_back(connectContact(contactUser(i), password, nullptr, m_connected));
        }
        if (!waitUntil([&] { return m_connected + m_failed >= Online - 1; }, 120'000) || m_failed > 0) {
            return u"only %1 of %2 contacts signed in (%3 failed)"_s.arg(m_connected).arg(Online - 1).arg(m_failed);
        }
        return std::nullopt;
    }

    std::optional<QString> writePasswordFile()
    {
        if (!m_files.isValid()) {
            return u"no temporary directory"_s;
        }
        m_passwordFile = m_files.filePath(u"password"_s);
        if (!writeFile(m_passwordFile, m_server.password(You).toUtf8() + '\n')) {
            return u"cannot write the password file"_s;
        }
        return std::nullopt;
    }

    // A minimal Qt window (this binary): the cold start baseline.
    double trivialWindow()
    {
        QProcess child;
        child.setProcessEnvironment(guiEnvironment());
        child.setStandardOutputFile(QProcess::nullDevice());
        childDiesWithUs(child);
        const QString title = u"Baseline — %1"_s.arg(++m_serial);
        QElapsedTimer timer;
        m_windows.expect(title, &timer);
        timer.start();
        child.start(QCoreApplication::applicationFilePath(), { u"--trivial-window"_s, title });
        waitUntil([&] { return m_windows.shownMs() >= 0 || child.state() == QProcess::NotRunning; }, StartTimeoutMs);
        const double shown = m_windows.shownMs();
        m_windows.expect({}, nullptr);
        stopProcess(child);
        return shown;
    }

    // fork+exec+exit of /bin/true: the floor of any process start on this machine.
    double trueProcess()
    {
        QProcess child;
        QElapsedTimer timer;
        timer.start();
        child.start(u"/bin/true"_s, {});
        child.waitForFinished(10'000);
        return double(timer.nsecsElapsed()) / 1e6;
    }

    // One sign-in of `confab` (desktop) or `confab-cli listen` (baseline), all figures.
    std::optional<QString> measure(bool desktop, Figures &f)
    {
        if (m_failed > 0) {
            return u"%1 contacts lost their connection"_s.arg(m_failed);
        }
        // This sign-in's own account and observer (see populate()).
        const int signIn = ++m_signIns;
        if (m_observerClient) {
            QObject::disconnect(m_observerClient.get(), nullptr, nullptr, nullptr); // its end is no failure
            m_observerClient.reset();
        }
        m_observer = new Observer; // owned by the observer's Client
        m_observerConnected = 0;
        m_observerClient
            = connectContact(observerUser(signIn), m_server.password(Template), m_observer, m_observerConnected);
        if (!waitUntil([&] { return m_observerConnected > 0 || m_failed > 0; }, StartTimeoutMs) || m_failed > 0) {
            return u"the observer %1 did not sign in"_s.arg(observerUser(signIn));
        }
        QTemporaryDir profile;
        QProcess child;
        childDiesWithUs(child);
        QProcessEnvironment env = guiEnvironment();
        env.insert(u"CONFAB_DATA_DIR"_s, profile.path());
        child.setProcessEnvironment(env);
        child.setStandardOutputFile(QProcess::nullDevice());
        child.setStandardErrorFile(profile.filePath(u"stderr.txt"_s));
        const QString youBare = m_server.jid(youUser(signIn));
        const QStringList connection { u"--password-file"_s, m_passwordFile, u"--host"_s, m_server.host(), u"--port"_s,
            QString::number(m_server.c2sPort()), u"--ca-file"_s, m_server.caFile() };
        QString program;
        QStringList arguments;
        if (desktop) {
            program = desktopPath();
            arguments = QStringList { u"--profile"_s, profile.path(), u"--jid"_s, youBare } + connection
                + QStringList { u"--lang"_s, u"en"_s };
        } else {
            program = QStringLiteral(CONFAB_CLI_PATH);
            arguments = QStringList { u"--jid"_s, youBare + u"/cli"_s } + connection
                + QStringList { u"--timeout"_s, u"600"_s, u"listen"_s };
        }

        QString fullJid;
        double presenceMs = -1;
        QElapsedTimer timer;
        m_observer->watchPresence(youBare, [&](const QString &from) {
            if (presenceMs < 0) {
                presenceMs = double(timer.nsecsElapsed()) / 1e6;
                fullJid = from;
            }
        });
        if (desktop) {
            m_windows.expect(u"Confab — "_s + youBare, &timer);
        }
        timer.start();
        child.start(program, arguments);
        const auto stderrText = [&] {
            QFile err(profile.filePath(u"stderr.txt"_s));
            return err.open(QIODevice::ReadOnly) ? QString::fromUtf8(err.readAll().right(2000)) : QString();
        };
        if (!waitUntil([&] { return presenceMs >= 0 || child.state() == QProcess::NotRunning; }, StartTimeoutMs)
            || presenceMs < 0) {
            m_observer->stopWatching();
            stopProcess(child);
            return u"%1 sent no presence within %2 s: %3"_s.arg(program).arg(StartTimeoutMs / 1000).arg(stderrText());
        }
        m_observer->stopWatching();
        f.presenceMs = presenceMs;

        // XEP-0199 ping to our full JID, sent the moment the presence arrived.
        Client &observer = *m_observerClient;
        XmlElement ping(u"iq"_s, ns::Client.toString());
        ping.setAttribute(u"type"_s, u"get"_s);
        ping.setAttribute(u"to"_s, fullJid);
        ping.appendChild(XmlElement(u"ping"_s, ns::Ping.toString()));
        QElapsedTimer pingTimer;
        pingTimer.start();
        QFuture<IqResult> pong = observer.sendIq(ping);
        waitUntil([&] { return pong.isFinished(); }, 30'000);
        if (pong.isFinished()) {
            // An error answer counts as answered (the client was not busy), but is reported.
            const IqResult answer = pong.result();
            if (const auto *error = std::get_if<XmppError>(&answer)) {
                f.pingError = describeError(*error);
                if (!std::holds_alternative<StanzaError>(*error)) {
                    f.pingError += u" (not answered)"_s;
                } else {
                    f.pingMs = double(pingTimer.nsecsElapsed()) / 1e6;
                }
            } else {
                f.pingMs = double(pingTimer.nsecsElapsed()) / 1e6;
            }
        }

        if (desktop) {
            waitUntil(
                [&] { return m_windows.shownMs() >= 0 || child.state() == QProcess::NotRunning; }, StartTimeoutMs);
            f.shownMs = m_windows.shownMs();
            m_windows.expect({}, nullptr);
        }

        // CPU and memory 10 s after sign-in (the presence at the contact).
        const qint64 pid = child.processId();
        waitUntil(
            [&] {
                return double(timer.nsecsElapsed()) / 1e6 >= presenceMs + AfterSignInMs
                    || child.state() == QProcess::NotRunning;
            },
            AfterSignInMs + 5000);
        if (child.state() == QProcess::NotRunning) {
            return u"%1 exited: %2"_s.arg(program, stderrText());
        }
        const ProcSample settled = sampleProcess(pid);
        f.cpuAfter = settled.cpu;
        f.rssMb = settled.rssMb;

        // The burst: 5,000 messages with receipt requests from the observing contact to our full JID.
        const QString prefix = u"burst-%1-%2-"_s.arg(desktop ? u"desktop"_s : u"cli"_s).arg(++m_serial);
        m_observer->startBurst(prefix);
        const double cpuBefore = sampleProcess(pid).cpu;
        QElapsedTimer burst;
        burst.start();
        for (int i = 0; i < Messages; ++i) {
            XmlElement message(u"message"_s, ns::Client.toString());
            message.setAttribute(u"to"_s, fullJid);
            message.setAttribute(u"type"_s, u"chat"_s);
            message.setAttribute(u"id"_s, prefix + QString::number(i));
            message.appendTextChild(u"body"_s, u"Benchmark message number %1, a line of ordinary length."_s.arg(i));
            message.appendChild(XmlElement(u"request"_s, ReceiptsNs.toString()));
            observer.send(message);
            if (i % 100 == 99) {
                QCoreApplication::processEvents(); // let the socket write, and receipts come in meanwhile
            }
        }
        const bool all
            = waitUntil([&] { return m_observer->receipts() >= Messages || child.state() == QProcess::NotRunning; },
                BurstTimeoutMs);
        const double burstMs = double(burst.nsecsElapsed()) / 1e6;
        if (!all || m_observer->receipts() < Messages) {
            const qsizetype got = m_observer->receipts();
            // Whether it exited by itself, before we stop it.
            const QString exit = child.state() == QProcess::NotRunning
                ? u" (it exited: %1 %2)"_s
                      .arg(child.exitStatus() == QProcess::CrashExit ? u"crash, signal"_s : u"code"_s)
                      .arg(child.exitCode())
                : u" (still running after %1 s)"_s.arg(BurstTimeoutMs / 1000);
            stopProcess(child);
            return u"%1: only %2 of %3 receipts%4: %5"_s.arg(program).arg(got).arg(Messages).arg(exit, stderrText());
        }
        f.burstMs = burstMs;
        f.burstCpu = cpuWhenSettled(pid) - cpuBefore;
        stopProcess(child);
        return std::nullopt;
    }

private:
    std::unique_ptr<Client> connectContact(
        const QString &user, const QString &password, ClientExtension *extension, int &connected)
    {
        auto client = std::make_unique<Client>();
        client->setAutoReconnect(false);
        if (extension) {
            client->addExtension(extension);
        }
        Client *c = client.get();
        QObject::connect(c, &Client::connected, c, [c, &connected](bool) {
            c->send(XmlElement(u"presence"_s, ns::Client.toString()));
            ++connected;
        });
        QObject::connect(c, &Client::disconnected, c, [this](const ConnectionError &) { ++m_failed; });
        c->connectToServer(settingsFor(m_server, user, password, u"bench"_s));
        return client;
    }

    QProcessEnvironment guiEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DISPLAY"_s, m_display);
        env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        return env;
    }

    static void stopProcess(QProcess &child)
    {
        if (child.state() == QProcess::NotRunning) {
            return;
        }
        child.terminate();
        if (!waitUntil([&] { return child.state() == QProcess::NotRunning; }, 5000)) {
            child.kill();
            child.waitForFinished(5000);
        }
    }

    const ProsodyFixture &m_server;
    QString m_display;
    WindowWatch &m_windows;
    std::vector<std::unique_ptr<Client>> m_contacts;
    std::unique_ptr<Client> m_observerClient; // the current sign-in's observer
    Observer *m_observer = nullptr; // owned by m_observerClient
    int m_observerConnected = 0;
    QTemporaryDir m_files;
    QString m_passwordFile;
    int m_serial = 0;
    int m_signIns = 0;
    int m_connected = 0; // shared contacts signed in
    int m_failed = 0; // a contact that lost its connection (any time) counts here
};

QString ratio(double value, double baseline)
{
    return value >= 0 && baseline > 0 ? QString::number(value / baseline, 'f', 2) + u'x' : u"-"_s;
}

void line(
    const char *figure, double value, const char *unit, const char *target, const char *baselineName, double baseline)
{
    const QString v = value >= 0
        ? QString::number(value, 'f', qstrcmp(unit, " s") == 0 ? 3 : 1) + QLatin1StringView(unit)
        : (figure[0] ? u"n/a"_s : QString());
    const QString b = baseline >= 0
        ? QString::number(baseline, 'f', qstrcmp(unit, " s") == 0 ? 3 : 1) + QLatin1StringView(unit)
        : u"n/a"_s;
    std::printf("%-34s %11s  %-9s  %-30s %11s  %7s\n", figure, qPrintable(v), target, baselineName, qPrintable(b),
        qPrintable(ratio(value, baseline)));
    std::fflush(stdout);
}

int runBenchmark(bool mam, int runs, PrivateXServer &x, WindowWatch &windows)
{
    QElapsedTimer setup;
    setup.start();
    ProsodyFixture server(ProsodyFixture::Options { .mam = mam, .accounts = { You, Template } });
    if (const auto error = server.start()) {
        std::fprintf(stderr, "cannot start Prosody: %s\n", qPrintable(*error));
        return 1;
    }
    if (const auto error = populate(server, 2 * runs)) { // one account per sign-in: cli and desktop per run
        std::fprintf(stderr, "%s\n", qPrintable(*error));
        return 1;
    }
    const double populateS = double(setup.nsecsElapsed()) / 1e9;
    Bench bench(server, x.display(), windows);
    if (const auto error = bench.connectContacts()) {
        std::fprintf(stderr, "%s\n%s\n", qPrintable(*error), qPrintable(server.logText().right(3000)));
        return 1;
    }
    if (const auto error = bench.writePasswordFile()) {
        std::fprintf(stderr, "%s\n", qPrintable(*error));
        return 1;
    }
    std::fprintf(stderr, "mod_mam %s: server with %d contacts populated in %.1f s, %d online after %.1f s\n",
        mam ? "on" : "off", Contacts, populateS, Online, double(setup.nsecsElapsed()) / 1e9);

    QList<Figures> desktop;
    QList<Figures> cli;
    QList<double> trivial;
    QList<double> trueStart;
    for (int run = 1; run <= runs; ++run) {
        trueStart.append(bench.trueProcess());
        trivial.append(bench.trivialWindow());
        // A failed step is reported; the figures it did not reach stay out of the medians (-1).
        Figures c;
        if (const auto error = bench.measure(false, c)) {
            std::fprintf(stderr, "confab-cli run %d: %s\n", run, qPrintable(*error));
        }
        cli.append(c);
        Figures d;
        if (!QFileInfo::exists(desktopPath())) {
            desktop.append(d);
            continue;
        }
        if (const auto error = bench.measure(true, d)) {
            std::fprintf(stderr, "confab run %d: %s\n", run, qPrintable(*error));
        }
        desktop.append(d);
        std::fprintf(stderr,
            "  run %d: window %.0f ms (Qt window %.0f, /bin/true %.1f); presence %.0f ms (cli %.0f); ping %.1f ms "
            "(cli %.1f); CPU@+10s %.2f s (cli %.2f); RSS %.0f MB (cli %.0f); burst %.0f ms / %.2f CPU s (cli %.0f ms / "
            "%.2f)\n",
            run, d.shownMs, trivial.last(), trueStart.last(), d.presenceMs, c.presenceMs, d.pingMs, c.pingMs,
            d.cpuAfter, c.cpuAfter, d.rssMb, c.rssMb, d.burstMs, d.burstCpu, c.burstMs, c.burstCpu);
        if (!d.pingError.isEmpty() || !c.pingError.isEmpty()) {
            std::fprintf(stderr, "  run %d: ping answers: confab \"%s\", cli \"%s\"\n", run, qPrintable(d.pingError),
                qPrintable(c.pingError));
        }
    }
    const auto med = [](const QList<Figures> &list, double Figures::*field) {
        QList<double> values;
        for (const Figures &f : list) {
            values.append(f.*field);
        }
        return median(values);
    };
    QList<double> burstRatios;
    for (int i = 0; i < runs; ++i) {
        if (desktop[i].burstMs > 0 && cli[i].burstMs > 0) {
            burstRatios.append(desktop[i].burstMs / cli[i].burstMs);
        }
    }

    std::printf("\nconfab desktop, %d contacts in %d groups, %d online, Prosody 0.12 (STARTTLS, mod_mam %s), "
                "Xvfb; medians of %d runs\n",
        Contacts, Groups, Online, mam ? "on" : "off", runs);
    std::printf("%-34s %11s  %-9s  %-30s %11s  %7s\n", "figure", "confab", "target", "baseline (same run)", "baseline",
        "ratio");
    line("start -> main window shown", med(desktop, &Figures::shownMs), " ms", "< 300 ms", "minimal Qt window",
        median(trivial));
    line("", -1, " ms", "", "fork+exec /bin/true", median(trueStart));
    line("start -> presence at a contact", med(desktop, &Figures::presenceMs), " ms", "< 600 ms", "confab-cli listen",
        med(cli, &Figures::presenceMs));
    line("ping answered (sent at presence)", med(desktop, &Figures::pingMs), " ms", "< 1000 ms", "confab-cli listen",
        med(cli, &Figures::pingMs));
    line("CPU, start to sign-in + 10 s", med(desktop, &Figures::cpuAfter), " s", "< 1 s", "confab-cli listen",
        med(cli, &Figures::cpuAfter));
    line("idle RSS at sign-in + 10 s", med(desktop, &Figures::rssMb), " MB", "< 80 MB", "confab-cli listen",
        med(cli, &Figures::rssMb));
    line("5,000 receipts back", med(desktop, &Figures::burstMs), " ms", "<= 1.2x", "confab-cli listen",
        med(cli, &Figures::burstMs));
    std::printf("%-34s %11s  %-9s  %-30s %11s  %7s\n", "  (median of per-run ratios)", "", "", "", "",
        qPrintable(ratio(median(burstRatios), 1)));
    line("CPU for the 5,000 messages", med(desktop, &Figures::burstCpu), " s", "< 1 s", "confab-cli listen",
        med(cli, &Figures::burstCpu));
    std::printf("window: %s\n",
        windows.usesXcb() ? "MapNotify of the titled top-level on our own X connection (no window manager)"
                          : "xwininfo -root -tree polled every 5 ms");
    return 0;
}

int trivialWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QString::fromLocal8Bit(argv[2]));
    window.resize(800, 600);
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--trivial-window") == 0) {
        return trivialWindow(argc, argv);
    }
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"confab.*.info=false\nconfab.*.debug=false"_s);
    if (!QFileInfo::exists(desktopPath())) {
        std::fprintf(stderr, "confab is not built (%s): measuring the baselines only\n", qPrintable(desktopPath()));
    }
    test::PrivateXServer x;
    if (const auto error = x.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(*error));
        return 1;
    }
    WindowWatch windows(x.display());
    if (!windows.open()) {
        std::fprintf(stderr, "cannot connect to the X server %s\n", qPrintable(x.display()));
        return 1;
    }
    bool ok = false;
    int runs = qEnvironmentVariableIntValue("CONFAB_BENCH_RUNS", &ok);
    if (!ok || runs < 1) {
        runs = DefaultRuns;
    }
    const bool withMam = qEnvironmentVariableIntValue("CONFAB_BENCH_MAM") != 0;
    for (const bool mam : { false, true }) {
        if (mam && !withMam) {
            break;
        }
        if (const int code = runBenchmark(mam, runs, x, windows); code != 0) {
            return code;
        }
    }
    std::printf("targets from issue 5 (Performance); CONFAB_BENCH_MAM=1 adds a pass with mod_mam on\n");
    return 0;
}

// signal_bench measures kvd's signaling relay (/v1/signal) under many peers: it starts a kvd,
// connects N authenticated WebSocket peers in N/2 rooms over loopback, has each pair exchange
// candidate messages at a fixed rate for a bounded time, and prints the forwarded messages per
// second, the p50/p99 forward latency and kvd's memory. In the same run the same clients drive a
// trivial in-process Beast WebSocket relay (no auth, no validation, no JSON: it forwards the bytes
// to the other peer of the pair), the reference the ratios are taken against. bench/README.md says
// how to run it and read its lines.

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr double kTargetP99Ms = 5.0;
/// WebSocket handshakes in flight at once while the peers connect: kvd's accept queue and the
/// API-key check are not what this measures.
constexpr int kConnectWindow = 64;
/// After the last send, how long the clients wait for messages still on their way.
constexpr auto kDrain = 2s;

struct BenchFailure
{
    std::string message;
};

[[noreturn]] void fail(std::string message)
{
    throw BenchFailure { std::move(message) };
}

struct Options
{
    int peers = 1000;
    double rate = 5.0; // messages per second each peer sends
    int duration = 20; // measured seconds
    int warmup = 2; // seconds sent but not measured
    int serverThreads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    std::string kvd =
#ifdef KV_KVD_PATH
        KV_KVD_PATH;
#else
        "";
#endif
};

// --- kvd -----------------------------------------------------------------------------------------

std::string runAndReadLastLine(const std::string& command)
{
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        fail("cannot run " + command);
    }
    std::string output;
    std::array<char, 4096> chunk {};
    size_t read = 0;
    while ((read = std::fread(chunk.data(), 1, chunk.size(), pipe)) > 0) {
        output.append(chunk.data(), read);
    }
    if (::pclose(pipe) != 0) {
        fail(command + " failed:\n" + output);
    }
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r' || output.back() == ' ')) {
        output.pop_back();
    }
    return output.substr(output.rfind('\n') + 1);
}

std::string shellQuote(const std::string& text)
{
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

/// A kvd serving a fresh data directory on a free loopback port, stopped (SIGTERM) by the
/// destructor; its log goes to a file in the data directory's parent.
class Kvd
{
public:
    Kvd(const Options& options, const std::filesystem::path& dir)
    {
        const std::string binary = shellQuote(options.kvd);
        const std::string data = shellQuote((dir / "data").string());
        // The last line of each is the secret (kvd prints the key once, last).
        runAndReadLastLine(binary + " init --data " + data + " 2>&1");
        m_key = runAndReadLastLine(
            binary + " apikey create --data " + data + " --name signal-bench --scopes signal 2>&1");
        if (m_key.rfind("kvd_", 0) != 0) {
            fail("kvd apikey create printed no key last: " + m_key);
        }
        const std::string log = (dir / "kvd.log").string();
        const std::string threads = std::to_string(options.serverThreads);
        const std::string maxConnections = std::to_string(options.peers + 64);
        const std::string dataPath = (dir / "data").string();
        m_pid = ::fork();
        if (m_pid < 0) {
            fail(std::string("fork: ") + std::strerror(errno));
        }
        if (m_pid == 0) {
            FILE* out = std::freopen(log.c_str(), "w", stderr);
            if (out == nullptr) {
                ::_exit(127);
            }
            ::execl(options.kvd.c_str(), options.kvd.c_str(), "serve", "--data", dataPath.c_str(), "--listen",
                "127.0.0.1:0", "--threads", threads.c_str(), "--max-connections", maxConnections.c_str(),
                static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // kvd logs one JSON line per event; "listening" carries the port it picked.
        const auto deadline = Clock::now() + 15s;
        while (m_port == 0) {
            std::ifstream in(log);
            std::string line;
            while (std::getline(in, line)) {
                if (line.find("\"msg\":\"listening\"") != std::string::npos) {
                    const auto at = line.find("\"port\":");
                    if (at != std::string::npos) {
                        m_port = static_cast<unsigned short>(std::strtoul(line.c_str() + at + 7, nullptr, 10));
                    }
                }
            }
            int status = 0;
            if (m_port == 0 && (::waitpid(m_pid, &status, WNOHANG) == m_pid || Clock::now() > deadline)) {
                m_pid = -1;
                std::ifstream again(log);
                std::stringstream text;
                text << again.rdbuf();
                fail("kvd did not log \"listening\":\n" + text.str());
            }
            if (m_port == 0) {
                std::this_thread::sleep_for(20ms); // polling a log file for start-up, not a measurement
            }
        }
    }
    ~Kvd() { stop(); }
    Kvd(const Kvd&) = delete;
    Kvd& operator=(const Kvd&) = delete;

    void stop()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
            m_pid = -1;
        }
    }

    [[nodiscard]] unsigned short port() const { return m_port; }
    [[nodiscard]] const std::string& key() const { return m_key; }
    [[nodiscard]] pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    unsigned short m_port = 0;
    std::string m_key;
};

/// A "VmRSS:" or "VmHWM:" line of /proc/PID/status, in KiB; 0 when not found.
long procStatusKiB(pid_t pid, const char* field)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    const size_t length = std::strlen(field);
    while (std::getline(in, line)) {
        if (line.compare(0, length, field) == 0) {
            return std::strtol(line.c_str() + length, nullptr, 10);
        }
    }
    return 0;
}

/// utime + stime of a process, in seconds.
double processCpuSeconds(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    // After "(comm)": state is field 3; utime and stime are fields 14 and 15.
    for (int index = 3; index <= 15 && fields >> field; ++index) {
        if (index == 14) {
            utime = std::stoull(field);
        } else if (index == 15) {
            stime = std::stoull(field);
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double threadCpuSeconds()
{
    rusage usage {};
    ::getrusage(RUSAGE_THREAD, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double selfCpuSeconds()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// --- the reference: a trivial WebSocket relay ------------------------------------------------------

/// What a relay costs at the least, on the same Beast and Asio as kvd: answers the client's auth and
/// join with the lines the client waits for, then forwards each message, bytes unchanged, to the
/// other peer of its room. No key check, no JSON parsing, no validation, no limits, no records.
class ReferenceRelay
{
public:
    explicit ReferenceRelay(int threads)
        : m_acceptor(m_io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0))
    {
        m_acceptor.listen(net::socket_base::max_listen_connections);
        accept();
        for (int i = 0; i < threads; ++i) {
            m_threads.emplace_back([this] { m_io.run(); });
        }
    }
    ~ReferenceRelay()
    {
        m_io.stop();
        for (std::thread& thread : m_threads) {
            thread.join();
        }
    }
    ReferenceRelay(const ReferenceRelay&) = delete;
    ReferenceRelay& operator=(const ReferenceRelay&) = delete;

    [[nodiscard]] unsigned short port() const { return m_acceptor.local_endpoint().port(); }

private:
    class Session : public std::enable_shared_from_this<Session>
    {
    public:
        Session(tcp::socket socket, ReferenceRelay& relay)
            : m_ws(std::move(socket))
            , m_relay(relay)
        { }

        void start()
        {
            m_ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
            m_ws.async_accept([self = shared_from_this()](beast::error_code error) {
                if (!error) {
                    self->read();
                }
            });
        }

        /// From any thread: queues a message on this session's strand.
        void send(std::shared_ptr<const std::string> message)
        {
            net::dispatch(m_ws.get_executor(), [self = shared_from_this(), message = std::move(message)] {
                self->m_out.push_back(message);
                if (self->m_out.size() == 1) {
                    self->write();
                }
            });
        }

    private:
        void read()
        {
            m_ws.async_read(m_buffer, [self = shared_from_this()](beast::error_code error, size_t) {
                if (error) {
                    self->m_relay.forget(self->m_room + '/' + self->m_peer, self.get());
                    return;
                }
                self->handle(beast::buffers_to_string(self->m_buffer.data()));
                self->m_buffer.consume(self->m_buffer.size());
                self->read();
            });
        }

        static std::string field(const std::string& text, std::string_view name)
        {
            const std::string key = "\"" + std::string(name) + "\":\"";
            const auto at = text.find(key);
            if (at == std::string::npos) {
                return {};
            }
            const auto begin = at + key.size();
            return text.substr(begin, text.find('"', begin) - begin);
        }

        void handle(std::string text)
        {
            if (m_room.empty()) {
                if (text.find(R"("type":"auth")") != std::string::npos) {
                    send(std::make_shared<const std::string>(R"({"type":"authenticated"})"));
                } else if (text.find(R"("type":"join")") != std::string::npos) {
                    m_room = field(text, "room");
                    m_peer = field(text, "peer");
                    m_relay.remember(m_room + '/' + m_peer, shared_from_this());
                    send(std::make_shared<const std::string>(R"({"type":"joined"})"));
                }
                return;
            }
            if (auto target = m_relay.find(m_room + '/' + field(text, "to"))) {
                target->send(std::make_shared<const std::string>(std::move(text)));
            }
        }

        void write()
        {
            m_ws.text(true);
            m_ws.async_write(net::buffer(*m_out.front()), [self = shared_from_this()](beast::error_code error, size_t) {
                if (error) {
                    return;
                }
                self->m_out.pop_front();
                if (!self->m_out.empty()) {
                    self->write();
                }
            });
        }

        websocket::stream<beast::tcp_stream> m_ws;
        ReferenceRelay& m_relay;
        beast::flat_buffer m_buffer;
        std::deque<std::shared_ptr<const std::string>> m_out;
        std::string m_room;
        std::string m_peer;
    };

    void accept()
    {
        m_acceptor.async_accept(net::make_strand(m_io), [this](beast::error_code error, tcp::socket socket) {
            if (!error) {
                std::make_shared<Session>(std::move(socket), *this)->start();
            }
            accept();
        });
    }

    void remember(const std::string& key, const std::shared_ptr<Session>& session)
    {
        const std::lock_guard lock(m_mutex);
        m_sessions[key] = session;
    }
    void forget(const std::string& key, const Session* session)
    {
        const std::lock_guard lock(m_mutex);
        const auto found = m_sessions.find(key);
        if (found != m_sessions.end() && found->second.lock().get() == session) {
            m_sessions.erase(found);
        }
    }
    std::shared_ptr<Session> find(const std::string& key)
    {
        const std::lock_guard lock(m_mutex);
        const auto found = m_sessions.find(key);
        return found == m_sessions.end() ? nullptr : found->second.lock();
    }

    net::io_context m_io;
    tcp::acceptor m_acceptor;
    std::mutex m_mutex;
    std::map<std::string, std::weak_ptr<Session>> m_sessions;
    std::vector<std::thread> m_threads;
};

// --- the clients ---------------------------------------------------------------------------------

struct PhaseResult
{
    double seconds = 0; // the measured window
    long long sent = 0; // messages sent in the window
    long long received = 0; // of those, forwarded back to a client
    std::vector<long long> latenciesNs; // send to receive, of the messages sent in the window
    long long errors = 0; // kvd "error" messages or lost connections
    std::string firstError;
    double clientCpuSeconds = 0; // the client thread's CPU time over the window
    double connectSeconds = 0; // to connect, authenticate and join every peer
};

/// N WebSocket peers on one thread, in pairs: peer 2k is "a" and 2k+1 is "b" of room PREFIXk.
/// (Each run takes new rooms: kvd holds the ids of peers that closed without `leave` for a resume.)
/// Each authenticates, joins, and once all have joined sends `candidate` messages to its partner
/// at a fixed rate, the send time (steady clock, ns) in `usernameFragment`; the receiver takes
/// the difference when the message arrives.
class Clients
{
public:
    /// onSample runs every 100 ms, onWindow(true) and onWindow(false) at the start and the end of
    /// the measured window; all on the client thread.
    Clients(const Options& options, unsigned short port, std::string key, std::string roomPrefix,
        std::function<void()> onSample, std::function<void(bool)> onWindow)
        : m_options(options)
        , m_port(port)
        , m_key(std::move(key))
        , m_roomPrefix(std::move(roomPrefix))
        , m_onSample(std::move(onSample))
        , m_onWindow(std::move(onWindow))
        , m_sampler(m_io)
        , m_deadline(m_io)
    { }

    PhaseResult run()
    {
        m_begin = Clock::now();
        m_peers.reserve(static_cast<size_t>(m_options.peers));
        for (int i = 0; i < m_options.peers; ++i) {
            m_peers.push_back(std::make_unique<Peer>(*this, i));
        }
        for (int i = 0; i < std::min(kConnectWindow, m_options.peers); ++i) {
            connectNext();
        }
        // Nothing may hang the run: connecting has a minute, everything else its bounded time.
        m_deadline.expires_after(60s + std::chrono::seconds(m_options.warmup + m_options.duration) + kDrain + 10s);
        m_deadline.async_wait([this](beast::error_code error) {
            if (!error) {
                m_failure = "the run did not finish in time (" + std::to_string(m_ready) + " of "
                    + std::to_string(m_options.peers) + " peers joined)";
                m_io.stop();
            }
        });
        sample();
        m_io.run();
        if (!m_failure.empty()) {
            fail(m_failure);
        }
        return std::move(m_result);
    }

private:
    struct Peer
    {
        Peer(Clients& clients, int peerIndex)
            : owner(clients)
            , index(peerIndex)
            , ws(clients.m_io)
            , timer(clients.m_io)
        { }

        Clients& owner;
        int index;
        websocket::stream<beast::tcp_stream> ws;
        net::steady_timer timer;
        beast::flat_buffer buffer;
        std::deque<std::string> out;
        int stage = 0; // 0 connecting, 1 auth sent, 2 join sent, 3 joined
        bool closing = false;
        Clock::time_point nextSend;
    };

    void connectNext()
    {
        if (m_nextToConnect >= m_options.peers) {
            return;
        }
        Peer& peer = *m_peers[static_cast<size_t>(m_nextToConnect++)];
        peer.ws.next_layer().expires_after(30s);
        peer.ws.next_layer().async_connect(
            tcp::endpoint(net::ip::make_address("127.0.0.1"), m_port), [this, &peer](beast::error_code error) {
                if (error) {
                    return lost(peer, "connect", error);
                }
                peer.ws.next_layer().expires_never();
                // Browsers send WebSocket frames without Nagle's delay; so do these clients.
                peer.ws.next_layer().socket().set_option(tcp::no_delay(true));
                peer.ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
                peer.ws.async_handshake(
                    "127.0.0.1:" + std::to_string(m_port), "/v1/signal", [this, &peer](beast::error_code e) {
                        if (e) {
                            return lost(peer, "handshake", e);
                        }
                        peer.stage = 1;
                        send(peer, R"({"type":"auth","key":")" + m_key + "\"}");
                        read(peer);
                    });
            });
    }

    void read(Peer& peer)
    {
        peer.ws.async_read(peer.buffer, [this, &peer](beast::error_code error, size_t) {
            if (error) {
                if (!peer.closing) {
                    lost(peer, "read", error);
                }
                return;
            }
            const auto data = peer.buffer.cdata();
            const std::string_view text(static_cast<const char*>(data.data()), data.size());
            received(peer, text);
            peer.buffer.consume(peer.buffer.size());
            read(peer);
        });
    }

    void received(Peer& peer, std::string_view text)
    {
        const auto now = Clock::now();
        static constexpr std::string_view stampKey = R"("usernameFragment":"t)";
        if (const auto at = text.find(stampKey); at != std::string_view::npos) {
            long long stamp = 0;
            const char* begin = text.data() + at + stampKey.size();
            std::from_chars(begin, text.data() + text.size(), stamp);
            const auto sentAt = m_begin + std::chrono::nanoseconds(stamp);
            if (sentAt >= m_windowStart && sentAt < m_windowEnd) {
                ++m_result.received;
                m_result.latenciesNs.push_back(std::chrono::nanoseconds(now - sentAt).count());
            }
            ++m_inFlightDone;
            maybeFinish();
            return;
        }
        if (text.find(R"("type":"error")") != std::string_view::npos) {
            ++m_result.errors;
            if (m_result.firstError.empty()) {
                m_result.firstError = std::string(text);
            }
            if (peer.stage < 3) {
                m_failure = "peer " + std::to_string(peer.index) + " could not join: " + std::string(text);
                m_io.stop();
            }
            return;
        }
        if (peer.stage == 1 && text.find(R"("type":"authenticated")") != std::string_view::npos) {
            peer.stage = 2;
            send(peer,
                R"({"type":"join","room":")" + m_roomPrefix + std::to_string(peer.index / 2) + R"(","peer":")"
                    + (peer.index % 2 == 0 ? "a" : "b") + "\"}");
        } else if (peer.stage == 2 && text.find(R"("type":"joined")") != std::string_view::npos) {
            peer.stage = 3;
            ++m_ready;
            connectNext();
            if (m_ready == m_options.peers) {
                allJoined();
            }
        }
        // peer_joined and peer_left need nothing.
    }

    void send(Peer& peer, std::string message)
    {
        peer.out.push_back(std::move(message));
        if (peer.out.size() == 1) {
            write(peer);
        }
    }

    void write(Peer& peer)
    {
        peer.ws.text(true);
        peer.ws.async_write(net::buffer(peer.out.front()), [this, &peer](beast::error_code error, size_t) {
            if (error) {
                if (!peer.closing) {
                    lost(peer, "write", error);
                }
                return;
            }
            peer.out.pop_front();
            if (!peer.out.empty()) {
                write(peer);
            }
        });
    }

    void lost(Peer& peer, const char* what, const beast::error_code& error)
    {
        ++m_result.errors;
        if (m_result.firstError.empty()) {
            m_result.firstError = "peer " + std::to_string(peer.index) + ": " + what + " failed: " + error.message();
        }
        if (peer.stage < 3) {
            m_failure = m_result.firstError;
            m_io.stop();
        }
    }

    void allJoined()
    {
        const auto now = Clock::now();
        m_result.connectSeconds = std::chrono::duration<double>(now - m_begin).count();
        m_windowStart = now + std::chrono::seconds(m_options.warmup);
        m_windowEnd = m_windowStart + std::chrono::seconds(m_options.duration);
        const auto period
            = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / m_options.rate));
        // Spread the first sends over one period so that the peers do not send in lockstep.
        std::mt19937_64 random(0x5167'6e61'6c62);
        std::uniform_int_distribution<long long> phase(0, period.count());
        for (auto& peer : m_peers) {
            peer->nextSend = now + Clock::duration(phase(random));
            schedule(*peer, period);
        }
        m_windowTimer = std::make_unique<net::steady_timer>(m_io, m_windowStart);
        m_windowTimer->async_wait([this](beast::error_code) {
            m_cpuAtStart = threadCpuSeconds();
            m_onWindow(true);
            m_windowTimer->expires_at(m_windowEnd);
            m_windowTimer->async_wait([this](beast::error_code) {
                m_result.clientCpuSeconds = threadCpuSeconds() - m_cpuAtStart;
                m_onWindow(false);
                m_result.seconds = static_cast<double>(m_options.duration);
                m_sendingDone = true;
                maybeFinish();
                // Messages lost on the way must not hold the run: close after the drain time.
                m_windowTimer->expires_after(kDrain);
                m_windowTimer->async_wait([this](beast::error_code) { closeAll(); });
            });
        });
    }

    void schedule(Peer& peer, Clock::duration period)
    {
        peer.timer.expires_at(peer.nextSend);
        peer.timer.async_wait([this, &peer, period](beast::error_code error) {
            if (error || peer.closing || m_closing) {
                return;
            }
            const auto now = Clock::now();
            if (now >= m_windowEnd) {
                return;
            }
            const long long stamp = std::chrono::nanoseconds(now - m_begin).count();
            if (now >= m_windowStart) {
                ++m_result.sent;
            }
            ++m_inFlight;
            send(peer,
                R"({"type":"candidate","to":")" + std::string(peer.index % 2 == 0 ? "b" : "a")
                    + R"(","candidate":"candidate:842163049 1 udp 2122260223 127.0.0.1 )"
                    + std::to_string(40000 + peer.index)
                    + R"( typ host generation 0 network-id 1","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"t)"
                    + std::to_string(stamp) + "\"}");
            peer.nextSend += period; // a fixed schedule, not "period after the last send"
            schedule(peer, period);
        });
    }

    void maybeFinish()
    {
        if (m_sendingDone && m_inFlightDone >= m_inFlight && !m_closing) {
            closeAll();
        }
    }

    void closeAll()
    {
        if (m_closing) {
            return;
        }
        m_closing = true;
        m_sampler.cancel();
        for (auto& peer : m_peers) {
            peer->closing = true;
            peer->timer.cancel();
            peer->ws.async_close(websocket::close_code::normal, [this](beast::error_code) {
                if (++m_closed == m_options.peers) {
                    m_deadline.cancel();
                }
            });
        }
    }

    void sample()
    {
        m_onSample();
        m_sampler.expires_after(100ms);
        m_sampler.async_wait([this](beast::error_code error) {
            if (!error) {
                sample();
            }
        });
    }

    const Options& m_options;
    unsigned short m_port;
    std::string m_key;
    std::string m_roomPrefix;
    std::function<void()> m_onSample;
    std::function<void(bool)> m_onWindow;
    net::io_context m_io { 1 };
    net::steady_timer m_sampler;
    net::steady_timer m_deadline;
    std::unique_ptr<net::steady_timer> m_windowTimer;
    std::vector<std::unique_ptr<Peer>> m_peers;
    int m_nextToConnect = 0;
    int m_ready = 0;
    int m_closed = 0;
    long long m_inFlight = 0;
    long long m_inFlightDone = 0;
    bool m_sendingDone = false;
    bool m_closing = false;
    double m_cpuAtStart = 0;
    Clock::time_point m_begin;
    Clock::time_point m_windowStart = Clock::time_point::max();
    Clock::time_point m_windowEnd = Clock::time_point::max();
    std::string m_failure;
    PhaseResult m_result;
};

// --- results -------------------------------------------------------------------------------------

struct Summary
{
    double rate = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

void merge(PhaseResult& into, PhaseResult&& from)
{
    into.seconds += from.seconds;
    into.sent += from.sent;
    into.received += from.received;
    into.latenciesNs.insert(into.latenciesNs.end(), from.latenciesNs.begin(), from.latenciesNs.end());
    into.errors += from.errors;
    if (into.firstError.empty()) {
        into.firstError = std::move(from.firstError);
    }
    into.clientCpuSeconds += from.clientCpuSeconds;
    into.connectSeconds = std::max(into.connectSeconds, from.connectSeconds);
}

Summary summarize(PhaseResult& result)
{
    Summary summary;
    auto& values = result.latenciesNs;
    if (values.empty()) {
        return summary;
    }
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) {
        const auto index = static_cast<size_t>(q * static_cast<double>(values.size() - 1));
        return static_cast<double>(values[index]) / 1e6;
    };
    summary.rate = static_cast<double>(result.received) / result.seconds;
    summary.p50Ms = at(0.50);
    summary.p99Ms = at(0.99);
    summary.maxMs = static_cast<double>(values.back()) / 1e6;
    return summary;
}

void printLine(const char* name, const PhaseResult& result, const Summary& summary, double serverCpu)
{
    std::printf("%-10s %8.0f msg/s   p50 %6.3f ms   p99 %6.3f ms   max %7.3f ms   lost %lld   errors %lld   "
                "server CPU %3.0f%%   client CPU %3.0f%%   connect %.2f s\n",
        name, summary.rate, summary.p50Ms, summary.p99Ms, summary.maxMs, result.sent - result.received, result.errors,
        100.0 * serverCpu / result.seconds, 100.0 * result.clientCpuSeconds / result.seconds, result.connectSeconds);
    if (!result.firstError.empty()) {
        std::printf("           first error: %s\n", result.firstError.c_str());
    }
}

void usage(const char* program)
{
    std::fprintf(stderr,
        "usage: %s [--peers N] [--rate R] [--duration S] [--warmup S] [--server-threads N] [--kvd PATH]\n"
        "  --peers N           WebSocket peers, two per room (default 1000, even)\n"
        "  --rate R            messages per second each peer sends (default 5)\n"
        "  --duration S        measured seconds (default 20)\n"
        "  --warmup S          seconds sent before measuring (default 2)\n"
        "  --server-threads N  kvd --threads and the reference relay's threads (default: cores)\n"
        "  --kvd PATH          the kvd binary (default: the one built with this benchmark)\n",
        program);
}

std::optional<Options> parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            usage(argv[0]);
            std::exit(0);
        }
        if (i + 1 >= argc) {
            return std::nullopt;
        }
        const char* value = argv[++i];
        if (arg == "--peers") {
            options.peers = std::atoi(value);
        } else if (arg == "--rate") {
            options.rate = std::atof(value);
        } else if (arg == "--duration") {
            options.duration = std::atoi(value);
        } else if (arg == "--warmup") {
            options.warmup = std::atoi(value);
        } else if (arg == "--server-threads") {
            options.serverThreads = std::atoi(value);
        } else if (arg == "--kvd") {
            options.kvd = value;
        } else {
            return std::nullopt;
        }
    }
    if (options.peers < 2 || options.peers % 2 != 0 || options.rate <= 0 || options.duration < 1 || options.warmup < 0
        || options.serverThreads < 1 || options.kvd.empty()) {
        return std::nullopt;
    }
    return options;
}

/// Each peer needs a socket here and one in kvd: lift the soft limit on open files to the hard one
/// (kvd, started later, inherits it).
void raiseFileLimit(int peers)
{
    rlimit limit {};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < static_cast<rlim_t>(peers) + 256) {
        fail("the open-file limit (" + std::to_string(limit.rlim_cur) + ") is too low for " + std::to_string(peers)
            + " peers; raise it with ulimit -n");
    }
}

} // namespace

int main(int argc, char** argv)
{
    const std::optional<Options> parsed = parse(argc, argv);
    if (!parsed) {
        usage(argv[0]);
        return 2;
    }
    const Options& options = *parsed;
    std::signal(SIGPIPE, SIG_IGN);
    std::filesystem::path dir;
    try {
        raiseFileLimit(options.peers);
        std::string pattern = (std::filesystem::temp_directory_path() / "signal_bench-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            fail(std::string("mkdtemp: ") + std::strerror(errno));
        }
        dir = pattern;

        std::printf("# signal_bench: %d peers in %d rooms, each sending %.1f candidate messages/s to its partner "
                    "(%.0f msg/s offered, kept modest so the one client thread is not the bottleneck), %d s "
                    "measured per side in halves (kvd, reference, reference, kvd), each after %d s warm-up; kvd "
                    "--threads %d, reference relay %d threads; %s\n",
            options.peers, options.peers / 2, options.rate, options.rate * options.peers,
            2 * std::max(1, options.duration / 2), options.warmup, options.serverThreads, options.serverThreads,
            dir.c_str());
        std::fflush(stdout);

        Kvd kvd(options, dir);
        const long rssBefore = procStatusKiB(kvd.pid(), "VmRSS:");
        long rssPeak = 0;
        ReferenceRelay relay(options.serverThreads);
        Options half = options;
        half.duration = std::max(1, options.duration / 2);
        PhaseResult kvdResult;
        PhaseResult referenceResult;
        double kvdCpu = 0;
        double referenceCpu = 0;
        // Each side measured in two halves, in the order kvd, reference, reference, kvd, so that
        // neither always runs while the machine is busier. The idle side waits in epoll meanwhile.
        int round = 0;
        for (const bool onKvd : { true, false, false, true }) {
            ++round;
            double cpuAtStart = 0;
            if (onKvd) {
                Clients clients(
                    half, kvd.port(), kvd.key(), "bench-" + std::to_string(round) + "-",
                    [&] { rssPeak = std::max(rssPeak, procStatusKiB(kvd.pid(), "VmRSS:")); },
                    [&](bool start) {
                        const double cpu = processCpuSeconds(kvd.pid());
                        if (start) {
                            cpuAtStart = cpu;
                        } else {
                            kvdCpu += cpu - cpuAtStart;
                        }
                    });
                merge(kvdResult, clients.run());
            } else {
                // The relay's threads are this process less the client thread, where onWindow runs.
                Clients clients(
                    half, relay.port(), "reference", "bench-" + std::to_string(round) + "-", [] {},
                    [&](bool start) {
                        const double cpu = selfCpuSeconds() - threadCpuSeconds();
                        if (start) {
                            cpuAtStart = cpu;
                        } else {
                            referenceCpu += cpu - cpuAtStart;
                        }
                    });
                merge(referenceResult, clients.run());
            }
        }
        rssPeak = std::max(rssPeak, procStatusKiB(kvd.pid(), "VmHWM:"));
        kvd.stop();

        const Summary kvdSummary = summarize(kvdResult);
        const Summary referenceSummary = summarize(referenceResult);
        printLine("kvd", kvdResult, kvdSummary, kvdCpu);
        printLine("reference", referenceResult, referenceSummary, referenceCpu);
        const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
        std::printf("ratio      msg/s %.2f   p50 %.2f   p99 %.2f   (kvd / reference; latency ratios above 1 are "
                    "kvd's extra cost)\n",
            ratio(kvdSummary.rate, referenceSummary.rate), ratio(kvdSummary.p50Ms, referenceSummary.p50Ms),
            ratio(kvdSummary.p99Ms, referenceSummary.p99Ms));
        std::printf("kvd memory RSS %.1f MiB before the peers, %.1f MiB at peak (%.1f KiB per peer)\n",
            static_cast<double>(rssBefore) / 1024.0, static_cast<double>(rssPeak) / 1024.0,
            static_cast<double>(rssPeak - rssBefore) / options.peers);
        const bool met = kvdSummary.p99Ms < kTargetP99Ms && kvdResult.received > 0;
        std::printf(
            "target     p99 under %.0f ms at %d peers: %s\n", kTargetP99Ms, options.peers, met ? "met" : "MISSED");
        std::filesystem::remove_all(dir);
        return 0;
    } catch (const BenchFailure& failure) {
        std::fprintf(stderr, "signal_bench: %s\n", failure.message.c_str());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "signal_bench: %s\n", error.what());
    }
    if (!dir.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    return 1;
}

import Foundation
import Synchronization
import Testing
import TestSupport

/// Issue 7: "every key gets a response at once, even during … a flood of SIP messages". The
/// UI runs registered to kamailio while this test sends it thousands of OPTIONS a second on
/// its SIP port; it reports the key → screen time and the UI's memory over the flood. A figure,
/// not an assertion on time (no wall-clock upper bounds in tests), so it runs only with
/// `DIALTONE_FIGURES=1`.
@Suite(.timeLimit(.minutes(4))) struct FloodFigures {
    static let perSecond = 3000
    static let floodSeconds = 40

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DIALTONE_FIGURES"] == "1"))
    func keyLatencyAndMemoryDuringAnOptionsFlood() async throws {
        let kamailio = try await InteractiveUITests.kamailio("ui-flood")
        let setup = try InteractiveUITests.Setup(kamailio: kamailio)
        let sipPort = try LoopbackPort.free()
        let config = try String(contentsOfFile: setup.configPath, encoding: .utf8)
            .replacingOccurrences(of: "\"udp:127.0.0.1:0\"", with: "\"udp:127.0.0.1:\(sipPort)\"")
        try config.write(toFile: setup.configPath, atomically: true, encoding: .utf8)
        let log = setup.directory.file("latency.log")
        let tmux = try await setup.start(extraEnvironment: ["DIALTONE_LATENCY_LOG": log])
        try await tmux.waitFor("registered") { InteractiveUITests.statusBar($0).contains("home ● ") }
        let pid = try await tmux.programPID()

        let quiet = try await Self.tabLatencies(tmux, rounds: 2)
        let rssBefore = Self.residentKilobytes(pid)
        let flood = try OptionsFlood(port: sipPort, perSecond: Self.perSecond)
        flood.start()
        try await Task.sleep(for: .seconds(3))  // the flood is under way before keys go in
        var rss: [Int] = []
        var loaded: [Double] = []
        let clock = ContinuousClock()
        let end = clock.now + .seconds(Self.floodSeconds - 3)
        while clock.now < end {
            loaded += try await Self.tabLatencies(tmux, rounds: 1)
            rss.append(Self.residentKilobytes(pid))
            try await Task.sleep(for: .seconds(2))
        }
        let (sent, replies) = flood.stop()
        try await Task.sleep(for: .seconds(2))
        let rssAfter = Self.residentKilobytes(pid)
        // The debug pane still answers and lists the flood's OPTIONS.
        try await tmux.press("F5")
        let debug = try await tmux.waitFor("the SIP list") { $0.contains("OPTIONS") }

        print("FIGURE flood: \(sent) OPTIONS sent in \(Self.floodSeconds) s (\(sent / Self.floodSeconds)/s), \(replies) replies read back")
        print("FIGURE key → screen via tmux, quiet: \(Self.summary(quiet)); during the flood: \(Self.summary(loaded))")
        print("FIGURE dialtone RSS: before \(rssBefore / 1024) MiB, during \(rss.map { String($0 / 1024) }.joined(separator: " ")) MiB, after \(rssAfter / 1024) MiB")
        let measured = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n")
            .compactMap { Double($0.split(separator: " ")[1]) }.sorted() ?? []
        if !measured.isEmpty {
            print("FIGURE key → screen inside dialtone (poll wake to wrefresh), \(measured.count) keys: \(Self.summary(measured))")
        }
        #expect(!loaded.isEmpty)
        #expect(sent > 0)
        #expect(debug.contains("OPTIONS"))
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]", within: .seconds(60))
        await kamailio.stop()
    }

    /// Switches tabs and waits for each tab's title; milliseconds per key.
    static func tabLatencies(_ tmux: TmuxSession, rounds: Int) async throws -> [Double] {
        let tabs: [(String, String)] = [("F2", "Contacts"), ("F3", "History"), ("F5", "Debug — SIP"), ("F4", "Messages")]
        let clock = ContinuousClock()
        var samples: [Double] = []
        for round in 0..<rounds {
            for (key, title) in tabs {
                let sent = clock.now
                try await tmux.press(key)
                try await tmux.waitFor("tab \(title) round \(round)", within: .seconds(60)) { screen in
                    screen.split(separator: "\n").dropFirst(2).first(where: { $0.contains("┌") }).map { $0.contains(title) } ?? false
                }
                let elapsed = clock.now - sent
                samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            }
        }
        return samples
    }

    static func summary(_ values: [Double]) -> String {
        guard !values.isEmpty else { return "no samples" }
        let sorted = values.sorted()
        return "\(sorted.count) keys, median \(String(format: "%.1f", sorted[sorted.count / 2])) ms, "
            + "max \(String(format: "%.1f", sorted.last!)) ms"
    }

    /// VmRSS from /proc/PID/status, in KiB (0 when unreadable).
    static func residentKilobytes(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// OPTIONS requests (RFC 3261 §11), each a new transaction with its own Call-ID, sent at a
/// steady rate from a thread of its own (never the cooperative pool), reading back the replies.
final class OptionsFlood: Sendable {
    private let socket: RawUDPSocket
    private let port: UInt16
    private let perSecond: Int
    private let running = Atomic<Bool>(false)
    private let counts = Mutex<(sent: Int, replies: Int, done: Bool)>((0, 0, false))

    init(port: UInt16, perSecond: Int) throws {
        socket = try RawUDPSocket()
        self.port = port
        self.perSecond = perSecond
    }

    func start() {
        running.store(true, ordering: .relaxed)
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Stops sending; returns how many requests went out and how many replies came back.
    func stop() -> (sent: Int, replies: Int) {
        running.store(false, ordering: .relaxed)
        while !counts.withLock({ $0.done }) { usleep(1000) }
        return counts.withLock { ($0.sent, $0.replies) }
    }

    private func run() {
        let batch = max(1, perSecond / 100)  // every 10 ms
        var sequence = 0
        let clock = ContinuousClock()
        var next = clock.now
        while running.load(ordering: .relaxed) {
            for _ in 0..<batch {
                sequence += 1
                if socket.send(Array(request(sequence).utf8), to: "127.0.0.1", port: port) {
                    counts.withLock { $0.sent += 1 }
                }
            }
            while socket.tryReceive() != nil { counts.withLock { $0.replies += 1 } }
            next += .milliseconds(10)
            let wait = next - clock.now
            if wait > .zero { usleep(UInt32(wait.components.attoseconds / 1_000_000_000_000)) }
        }
        counts.withLock { $0.done = true }
    }

    private func request(_ n: Int) -> String {
        let local = socket.port
        return "OPTIONS sip:alice@127.0.0.1:\(port) SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:\(local);branch=z9hG4bK-flood-\(n);rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:flood@127.0.0.1:\(local)>;tag=f\(n)\r\n"
            + "To: <sip:alice@127.0.0.1:\(port)>\r\n"
            + "Call-ID: flood-\(n)@127.0.0.1\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Contact: <sip:flood@127.0.0.1:\(local)>\r\n"
            + "Accept: application/sdp\r\n"
            + "Content-Length: 0\r\n\r\n"
    }
}

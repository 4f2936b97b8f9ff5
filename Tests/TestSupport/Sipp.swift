import Foundation

/// sipp (Debian's `sip-tester`) running one scenario from `Tests/Peers/sipp/` against a
/// loopback target, for what the phones cannot do on demand (MWI NOTIFYs, odd servers).
public final class Sipp: Sendable {
    private let peer: PeerProcess
    private let directory: TemporaryDirectory
    public let port: UInt16

    /// Starts `scenario` (a file name in Tests/Peers/sipp) as a client towards `target`
    /// (`host:port`), or as a server when `target` is nil; sipp exits after `calls` calls
    /// (one per Call-ID). `arguments` go before the target (`-s alice`, `-key name value`).
    public init(scenario: String, target: String?, calls: Int = 1, transport: String = "u1", port: UInt16? = nil,
                arguments extra: [String] = []) throws {
        directory = try TemporaryDirectory(prefix: "sipp")
        let chosen = try port ?? LoopbackPort.free(onAll: ["127.0.0.1"])
        self.port = chosen
        let scenarioFile = Fixtures.repositoryRoot.appendingPathComponent("Tests/Peers/sipp/\(scenario)").path
        var arguments = ["-sf", scenarioFile, "-i", "127.0.0.1", "-p", String(chosen), "-m", String(calls), "-nostdin",
                         "-t", transport, "-trace_err", "-timeout", "60s", "-timeout_error"] + extra
        if let target { arguments.append(target) }
        peer = try PeerProcess(.init(
            name: "sipp \(scenario)", executable: "/usr/bin/sipp", arguments: arguments,
            workingDirectory: directory.path, logFile: directory.file("sipp.log")))
    }

    public var isRunning: Bool { peer.isRunning }
    public var log: String { peer.log() }

    /// Waits (off the cooperative pool) until sipp exits; its exit status, or nil if it is still
    /// running after `limit`.
    public func waitForExit(within limit: Duration) async -> Int32? {
        await peer.waitForExitOffPool(within: limit)
    }

    public func stop() async {
        await peer.stopOffPool()
    }
}

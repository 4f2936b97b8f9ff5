import Foundation

/// A private PulseAudio daemon for one test (TOOLCHAIN.md §4): user mode with `-n` (no
/// default.pa, so no hardware modules), its socket in a fresh runtime directory, and one null
/// sink whose `.monitor` source records what is played into it.
public final class PulseAudioServer: Sendable {
    public let directory: TemporaryDirectory
    public let process: PeerProcess
    /// Pass as libpulse's `server` argument (or `PULSE_SERVER`).
    public let server: String
    public let sinkName: String
    public var monitorName: String { sinkName + ".monitor" }

    public init(sinkName: String = "test_sink", rate: Int = 48000) async throws {
        directory = try TemporaryDirectory(prefix: "pulse")
        chmod(directory.path, 0o700)
        let socket = directory.file("native")
        server = "unix:" + socket
        self.sinkName = sinkName
        process = try PeerProcess(.init(
            name: "pulseaudio", executable: "/usr/bin/pulseaudio",
            arguments: [
                "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit=yes", "-n", "--use-pid-file=no",
                "--load=module-native-protocol-unix socket=\(socket) auth-anonymous=1",
                "--load=module-null-sink sink_name=\(sinkName) rate=\(rate) channels=1",
                "--log-target=stderr",
            ],
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_RUNTIME_DIR": directory.path,
                "XDG_CONFIG_HOME": directory.file("config"),
            ],
            logFile: directory.file("pulse.log")))
        let server = server
        try await process.waitUntilReady(within: .seconds(30), every: .milliseconds(50)) {
            FileManager.default.fileExists(atPath: socket) && Self.pactl(["info"], server: server) == 0
        }
    }

    /// Runs `pactl` against this server; returns its exit status.
    @discardableResult
    public static func pactl(_ arguments: [String], server: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pactl")
        process.arguments = ["--server=\(server)"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Adds another null sink (e.g. a "microphone" that `paplay` feeds and a call captures
    /// from its `.monitor`).
    public func addNullSink(_ name: String, rate: Int = 48000) throws(PeerProcess.Failure) {
        let status = Self.pactl(["load-module", "module-null-sink", "sink_name=\(name)", "rate=\(rate)", "channels=1"], server: server)
        guard status == 0 else { throw .launchFailed(name: "pactl load-module", reason: "exit status \(status)") }
    }

    /// `paplay` of a WAV file into `sink`, running until the file ends (or `stop`).
    public func play(_ file: String, into sink: String) throws(PeerProcess.Failure) -> PeerProcess {
        try tool("paplay", ["--server=\(server)", "--device=\(sink)", "--latency-msec=20", file], log: "paplay-\(sink).log")
    }

    /// `parecord` of `source` into a WAV file until stopped (SIGTERM: it closes the file). A
    /// 20 ms latency, or a killed recorder can leave an empty file (TOOLCHAIN.md §4).
    public func record(_ source: String, to file: String) throws(PeerProcess.Failure) -> PeerProcess {
        try tool("parecord", [
            "--server=\(server)", "--device=\(source)", "--latency-msec=20", "--rate=48000", "--channels=1",
            "--format=s16le", "--file-format=wav", file,
        ], log: "parecord-\(source).log")
    }

    private func tool(_ name: String, _ arguments: [String], log: String) throws(PeerProcess.Failure) -> PeerProcess {
        try PeerProcess(.init(
            name: name, executable: "/usr/bin/\(name)", arguments: arguments,
            environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_RUNTIME_DIR": directory.path],
            logFile: directory.file(log)))
    }

    public func stop() { process.stop() }

    public func stopOffPool() async { await process.stopOffPool() }
}

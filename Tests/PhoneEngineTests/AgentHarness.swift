import Foundation
import TestSupport

/// A `dialtone agent` process for tests: account "alice" (`sip:alice@alice.test`, no
/// registration) listening on its own loopback UDP port, history in a temporary directory.
struct AgentHarness {
    let directory: TemporaryDirectory
    let port: UInt16
    let config: String
    var history: String { directory.file("history.sqlite") }
    var controlSocket: String { directory.file("control.sock") }
    /// Where peers reach the agent directly.
    var uri: String { "sip:alice@127.0.0.1:\(port)" }

    init(prefix: String) throws {
        directory = try TemporaryDirectory(prefix: prefix)
        port = try LoopbackPort.free()
        config = directory.file("config.toml")
        try """
            [general]
            listen = ["udp:127.0.0.1:\(port)"]
            history_file = "\(directory.file("history.sqlite"))"

            [[accounts]]
            name = "alice"
            aor = "sip:alice@alice.test"
            register = false
            mwi = false

            """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// Starts `dialtone agent --config … arguments…`.
    func start(_ arguments: [String], stopGracePeriod: Duration = .seconds(10)) throws -> PeerProcess {
        try PeerProcess(.init(
            name: "dialtone agent", executable: DialtoneBinary.path, arguments: ["agent", "--config", config] + arguments,
            environment: ["HOME": directory.path, "PATH": "/usr/bin:/bin"], logFile: directory.file("agent.log"),
            stopGracePeriod: stopGracePeriod))
    }
}

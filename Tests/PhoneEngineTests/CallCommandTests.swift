import Foundation
import Testing
import TestSupport

/// `dialtone call` as a script runs it: the real binary, a config file, exit statuses and
/// `--json` lines, against baresip (auto-answer) and sipp (busy).
@Suite(.timeLimit(.minutes(3))) struct CallCommandTests {
    static func config(in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("config.toml")
        try """
            [general]
            listen = ["udp:127.0.0.1:0"]
            history_file = "\(directory.file("history.sqlite"))"

            [[accounts]]
            name = "alice"
            aor = "sip:alice@alice.test"
            mwi = false

            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func environment(_ directory: TemporaryDirectory) -> [String: String] {
        ["HOME": directory.path, "XDG_DATA_HOME": directory.file("data"), "PATH": "/usr/bin:/bin"]
    }

    @Test func aDirectCallToBaresipIsAnsweredAndExitsZero() async throws {
        let baresip = try await Baresip(.init(name: "bob-direct", user: "bob"))
        let directory = try TemporaryDirectory(prefix: "call-command")
        let config = try Self.config(in: directory)
        let outcome = try await DialtoneBinary.run(
            ["call", baresip.directURI, "--config", config, "--hangup-after", "0.5", "--json"],
            environment: Self.environment(directory))
        #expect(outcome.status == 0, "\(outcome.errors)\n\(outcome.output)\n\(baresip.log)")
        let lines = try DialtoneBinary.jsonLines(outcome)
        let names = lines.compactMap { $0["event"] as? String }
        #expect(names.contains("answered"), "\(names)")
        #expect(names.last == "ended", "\(names)")
        // A direct call needs no registration.
        #expect(!names.contains("registering"))
        let answered = try #require(lines.first { $0["event"] as? String == "answered" })
        #expect(answered["codec"] as? String == "PCMU/8000")
        #expect(answered["account"] as? String == "alice")
        #expect(answered["call"] as? String == "c1")
        #expect((answered["time"] as? String)?.hasSuffix("Z") == true)
        await baresip.stop()
    }

    @Test func aBusyCalleeExitsThreeWith486() async throws {
        let sipp = try Sipp(scenario: "uas-busy.xml", target: nil)
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        let directory = try TemporaryDirectory(prefix: "call-command")
        let config = try Self.config(in: directory)
        let outcome = try await DialtoneBinary.run(
            ["call", "sip:busy@127.0.0.1:\(sipp.port)", "--config", config, "--json"], environment: Self.environment(directory))
        #expect(outcome.status == 3, "\(outcome.errors)\n\(outcome.output)\n\(sipp.log)")
        let lines = try DialtoneBinary.jsonLines(outcome)
        let ended = try #require(lines.first { $0["event"] as? String == "ended" })
        #expect(ended["code"] as? Int == 486)
        #expect(lines.contains { $0["event"] as? String == "ringing" })
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)")
    }

    @Test func aBadTargetIsRefusedBeforeAnythingIsSent() async throws {
        let directory = try TemporaryDirectory(prefix: "call-command")
        let config = try Self.config(in: directory)
        let outcome = try await DialtoneBinary.run(["call", "bob smith", "--config", config], environment: Self.environment(directory))
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("cannot call bob smith"))
        let usage = try await DialtoneBinary.run(["call", "bob", "--dtmf", "12x", "--config", config], environment: Self.environment(directory))
        #expect(usage.status == 2)
    }
}

/// Without any configuration file, `dialtone call` still reaches a full SIP address directly
/// (the engine's hidden, never-registering "direct" account), and refuses a bare number clearly.
@Suite(.timeLimit(.minutes(3))) struct CallWithoutConfigurationTests {
    static func environment(_ directory: TemporaryDirectory) -> [String: String] {
        ["HOME": directory.path, "XDG_CONFIG_HOME": directory.file("config"), "XDG_DATA_HOME": directory.file("data"),
         "PATH": "/usr/bin:/bin"]
    }

    @Test func aDirectCallWorksWithNoConfigurationFile() async throws {
        let baresip = try await Baresip(.init(name: "bob-noconfig", user: "bob"))
        let directory = try TemporaryDirectory(prefix: "call-noconfig")
        let outcome = try await DialtoneBinary.run(
            ["call", baresip.directURI, "--hangup-after", "0.5", "--json"], environment: Self.environment(directory))
        #expect(outcome.status == 0, "\(outcome.errors)\n\(outcome.output)\n\(baresip.log)")
        let names = try DialtoneBinary.jsonLines(outcome).compactMap { $0["event"] as? String }
        #expect(names.contains("answered"), "\(names)")
        #expect(!names.contains("registering"))
        await baresip.stop()
    }

    @Test func aBareNumberWithNoAccountIsRefusedWithAReason() async throws {
        let directory = try TemporaryDirectory(prefix: "call-noconfig")
        let outcome = try await DialtoneBinary.run(["call", "1234"], environment: Self.environment(directory))
        #expect(outcome.status == 1, "\(outcome.errors)\n\(outcome.output)")
        #expect(outcome.errors.contains("no account is configured"), "\(outcome.errors)")
    }
}

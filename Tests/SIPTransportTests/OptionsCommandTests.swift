import Foundation
import Testing
import TestSupport

/// `dialtone options` as a user runs it: exit statuses and output, without a SIP server.
@Suite(.timeLimit(.minutes(1))) struct OptionsCommandTests {
    @Test func usageErrorsExitWith2() async throws {
        for arguments in [["options", "mailto:someone@example.test"], ["options", "sip:example.test", "--transport", "sctp"],
                          ["options", "sips:example.test", "--transport", "udp"], ["options"]] {
            let run = try await DialtoneBinary.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.errors)")
        }
        let bad = try await DialtoneBinary.run(["options", "sip:example.test", "--dns-server", "dns.example"])
        #expect(bad.errors.contains("--dns-server dns.example: expected an IP address"))
    }

    @Test func aSilentServerIsATimeoutAndExit1() async throws {
        let silent = try SilentUDPPeer()
        let run = try await DialtoneBinary.run(["options", "sip:127.0.0.1:\(silent.port);transport=udp", "--timeout", "0.3", "--json"])
        #expect(run.status == 1)
        let json = try DialtoneBinary.json(run)
        #expect(json["answered"] as? Bool == false)
        #expect((json["failure"] as? [String: Any])?["kind"] as? String == "timeout")
        let attempts = try #require(json["attempts"] as? [[String: Any]])
        #expect(attempts.map { $0["result"] as? String } == ["timeout"])
        let text = try await DialtoneBinary.run(["options", "sip:127.0.0.1:\(silent.port);transport=udp", "--timeout", "0.3"])
        #expect(text.status == 1)
        #expect(text.output.hasSuffix("Result: no server answered: no response from UDP 127.0.0.1:\(silent.port) (timeout)\n"))
        withExtendedLifetime(silent) {}
    }
}

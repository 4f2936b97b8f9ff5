import Foundation
import Testing
import TestSupport

/// RFC 4733 telephone-events both ways with a real baresip, through the `dialtone` binary
/// (which runs real RTP media): digits we send are logged by baresip, digits baresip sends
/// come out as `dtmf` JSON events.
@Suite(.timeLimit(.minutes(3))) struct DTMFPeerTests {
    @Test func digitsWeSendReachBaresip() async throws {
        let baresip = try await Baresip(.init(name: "dtmf-in", user: "bob"))
        defer { Task { await baresip.stop() } }
        let directory = try TemporaryDirectory(prefix: "dtmf-send")
        let config = try CallCommandTests.config(in: directory)
        let outcome = try await DialtoneBinary.run(
            ["call", baresip.directURI, "--config", config, "--dtmf", "19#*", "--hangup-after", "3", "--json"],
            environment: CallCommandTests.environment(directory))
        #expect(outcome.status == 0, "\(outcome.errors)\n\(outcome.output)\n\(baresip.log)")
        // baresip logs each telephone-event it decodes, start and end (RFC 4733 §2.5.1.3):
        // `received event: '1' (end=0)`, then `received event: '1' (end=1)`.
        let received = Self.digits(in: baresip.log)
        #expect(received == "19#*", "\(baresip.log)")
    }

    @Test func digitsBaresipSendsArriveAsEvents() async throws {
        let baresip = try await Baresip(.init(name: "dtmf-out", user: "bob"))
        defer { Task { await baresip.stop() } }
        let harness = try AgentHarness(prefix: "dtmf-receive")
        let port = harness.port
        let agent = try harness.start(["--auto-answer", "--json"])
        defer { Task { await agent.stopOffPool() } }
        #expect(await UDPPortProbe.waitUntilBound(port))
        try await baresip.command("dial", "sip:alice@127.0.0.1:\(port)")
        try await agent.waitUntilReady(within: .seconds(30)) { agent.log().contains(#""event":"answered""#) }
        try await baresip.command("sndcode", "42*")
        try await agent.waitUntilReady(within: .seconds(30)) {
            agent.log().components(separatedBy: #""event":"dtmf""#).count - 1 >= 3
        }
        let digits = agent.log().split(separator: "\n").compactMap { line -> String? in
            guard line.contains(#""event":"dtmf""#),
                  let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["digit"] as? String
        }
        #expect(digits.joined() == "42*", "\(agent.log())\n\(baresip.log)")
        try await baresip.command("hangup")
    }

    /// The digits of the events baresip saw end.
    static func digits(in log: String) -> String {
        let marker = "received event: '"
        return String(log.split(separator: "\n").filter { $0.contains(marker) && $0.contains("(end=1)") }
            .compactMap { $0.components(separatedBy: marker).last?.first })
    }
}

import Foundation
import Testing
import TestSupport

/// `dialtone agent` as a test endpoint: auto-answers baresip's call, takes commands on its
/// control socket (mode 0600), streams JSON events there, and exits 0 on SIGTERM.
@Suite(.timeLimit(.minutes(3))) struct AgentCommandTests {
    @Test func autoAnswersAndObeysTheControlSocket() async throws {
        let baresip = try await Baresip(.init(name: "bob-agent", user: "bob"))
        let harness = try AgentHarness(prefix: "agent")
        let port = harness.port
        let control = harness.controlSocket
        let agent = try harness.start(["--auto-answer", "--control", harness.controlSocket, "--json"])
        try await agent.waitUntilReady(within: .seconds(30)) { FileManager.default.fileExists(atPath: control) }
        let mode = try FileManager.default.attributesOfItem(atPath: control)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let client = try UnixLineClient(path: control)

        // baresip calls the agent, which answers by itself.
        try await baresip.command("dial", "sip:alice@127.0.0.1:\(port)")
        let answered = try await OffPool.run { client.waitFor { $0["event"] == "answered" } }
        let call = try #require(answered?["call"], "\(agent.log())\n\(baresip.log)")
        client.send(#"{"command":"hangup","call":"\#(call)"}"#)
        // The reply and the call's end may come in either order.
        var seen = try await OffPool.run { client.lines { $0["event"] == "reply" || $0["event"] == "ended" } }
        if !seen.contains(where: { $0["event"] == "ended" }) || !seen.contains(where: { $0["event"] == "reply" }) {
            seen += try await OffPool.run { client.lines { $0["event"] == "reply" || $0["event"] == "ended" } }
        }
        #expect(seen.first { $0["event"] == "reply" }?["ok"] == "true")
        #expect(seen.first { $0["event"] == "ended" }?["call"] == call)

        // The agent dials out on command.
        client.send(#"{"command":"dial","target":"\#(baresip.directURI)"}"#)
        let dialed = try await OffPool.run { client.waitFor { $0["event"] == "reply" } }
        let outgoing = try #require(dialed?["call"])
        let up = try await OffPool.run { client.waitFor { $0["event"] == "answered" && $0["call"] == outgoing } }
        #expect(up != nil)
        client.send("not json")
        let refused = try await OffPool.run { client.waitFor { $0["event"] == "reply" } }
        #expect(refused?["ok"] == "false")

        // SIGTERM: the call is hung up and the agent exits 0.
        kill(agent.pid, SIGTERM)
        let status = await agent.waitForExitOffPool(within: .seconds(20))
        #expect(status == 0, "\(agent.log())")
        #expect(agent.log().contains(#""event":"ended""#))
        #expect(!FileManager.default.fileExists(atPath: control))
        await baresip.stop()
    }
}

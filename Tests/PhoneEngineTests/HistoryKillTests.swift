import CallHistory
import Foundation
import Testing
import TestSupport

/// Issue 8: no record is lost when Dialtone is killed right after a call. A real `dialtone agent`
/// answers a real call from baresip; baresip hangs up; the moment the agent reports the end,
/// it gets SIGKILL — and the call's record is in the history database.
@Suite(.timeLimit(.minutes(3))) struct HistoryKillTests {
    @Test func theRecordSurvivesKillNineRightAfterTheCall() async throws {
        let baresip = try await Baresip(.init(name: "bob-kill", user: "bob"))
        let harness = try AgentHarness(prefix: "agent-kill")
        let port = harness.port
        let database = harness.history
        let control = harness.controlSocket
        let agent = try harness.start(["--auto-answer", "--control", harness.controlSocket], stopGracePeriod: .seconds(2))
        try await agent.waitUntilReady(within: .seconds(30)) { FileManager.default.fileExists(atPath: control) }
        let client = try UnixLineClient(path: control)

        try await baresip.command("dial", "sip:alice@127.0.0.1:\(port)")
        let answered = try await OffPool.run { client.waitFor { $0["event"] == "answered" } }
        #expect(answered != nil, "\(agent.log())\n\(baresip.log)")
        try await baresip.command("hangup")
        let ended = try await OffPool.run { client.waitFor { $0["event"] == "ended" } }
        kill(agent.pid, SIGKILL)
        #expect(ended != nil, "\(agent.log())")
        #expect(await agent.waitForExitOffPool(within: .seconds(10)) == 128 + SIGKILL)

        let store = try CallHistoryStore(databaseURL: URL(fileURLWithPath: database))
        let calls = try store.latestCalls(10)
        #expect(calls.count == 1)
        let call = try #require(calls.first)
        #expect(call.direction == .incoming)
        #expect(call.times.answer != nil)
        #expect(call.remote.uri.contains("bob"))
        await baresip.stop()
    }
}

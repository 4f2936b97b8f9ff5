import Foundation
import Testing
import TestSupport

/// The control socket runs one client's commands in the order sent, so a script can write
/// `dial` and `hangup` together; replies come back in order and echo the request's `id`.
@Suite(.timeLimit(.minutes(3))) struct ControlSocketOrderTests {
    @Test func commandsSentTogetherRunInOrderAndRepliesEchoTheirIDs() async throws {
        let harness = try AgentHarness(prefix: "agent-order")
        let control = harness.controlSocket
        let agent = try harness.start(["--control", harness.controlSocket, "--json"])
        defer { agent.stop() }
        try await agent.waitUntilReady(within: .seconds(30)) { FileManager.default.fileExists(atPath: control) }
        let client = try UnixLineClient(path: control)

        // One write, three commands: the hang-up names the call the dial creates (the local echo
        // test, which needs no peer), so it only works if the dial has finished first.
        client.send("""
            {"id":7,"command":"dial","target":"echo"}
            {"id":"two","command":"hangup","call":"c1"}
            {"id":3,"command":"launch"}
            """)
        // Events stream on the same socket: read until three replies and the call's end are in.
        var seen: [[String: String]] = []
        let done: @Sendable ([[String: String]]) -> Bool = { lines in
            lines.filter { $0["event"] == "reply" }.count == 3 && lines.contains { $0["event"] == "ended" && $0["call"] == "c1" }
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while !done(seen), ContinuousClock.now < deadline {
            seen += try await OffPool.run { client.lines(within: .seconds(5)) { _ in true } }
        }
        let replies = seen.filter { $0["event"] == "reply" }
        try #require(replies.count == 3, "\(seen)\n\(agent.log())")
        #expect(replies.map { $0["id"] } == ["7", "two", "3"])
        #expect(replies[0]["call"] == "c1" && replies[0]["ok"] == "true", "\(replies[0])")
        #expect(replies[1]["ok"] == "true", "the hang-up ran after the dial: \(replies[1])")
        #expect(replies[2]["ok"] == "false")
        #expect(seen.contains { $0["event"] == "ended" && $0["call"] == "c1" }, "\(seen)")
    }
}

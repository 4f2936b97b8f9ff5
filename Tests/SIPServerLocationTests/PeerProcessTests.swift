import Foundation
import Testing
import TestSupport

/// The peer-process helper the dnsmasq tests (and later kamailio/baresip tests) rely on.
@Suite struct PeerProcessTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory(prefix: "peer")
    }

    func shell(_ script: String, environment: [String: String]? = nil) throws -> PeerProcess {
        try PeerProcess(.init(
            name: "sh", executable: "/bin/sh", arguments: ["-c", script],
            workingDirectory: directory.path, environment: environment, logFile: directory.file("sh.log")))
    }

    @Test func aPeerThatExitsEarlyIsReportedWithItsLog() async throws {
        let peer = try shell("echo 'bad config line 3' >&2; exit 3")
        do {
            try await peer.waitUntilReady(within: .seconds(5)) { false }
            Issue.record("expected the peer's exit to be reported")
        } catch {
            guard case .exited(_, let status, let log) = error else { Issue.record("\(error)"); return }
            #expect(status == 3 << 8)  // wait status of exit(3)
            #expect(log.contains("bad config line 3"))
        }
    }

    @Test func aPeerThatNeverGetsReadyTimesOut() async throws {
        let peer = try shell("echo starting; exec sleep 30")
        await #expect {
            try await peer.waitUntilReady(within: .milliseconds(100)) { false }
        } throws: { error in
            if case PeerProcess.Failure.notReady(_, _, let log) = error { log.contains("starting") } else { false }
        }
    }

    @Test func stopEndsThePeerAndItsChildrenPromptly() async throws {
        let peer = try shell("sleep 30 & echo child $!; exec sleep 30")
        try await peer.waitUntilReady(within: .seconds(30)) { peer.log().contains("child ") }
        let child = try #require(Int32(peer.log().split(separator: " ").last!.trimmingCharacters(in: .whitespacesAndNewlines)))
        let started = ContinuousClock.now
        peer.stop()
        #expect(ContinuousClock.now - started < .seconds(1))  // SIGTERM worked: no SIGKILL fallback
        #expect(!peer.isRunning)
        var dead = false
        for _ in 0..<100 where !dead {
            dead = Self.isDeadOrZombie(child)  // init reaps the orphan, whenever it gets to it
            if !dead { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(dead)
    }

    /// Whether `pid` no longer runs: absent, or a zombie waiting for its reaper.
    static func isDeadOrZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ")
        else { return true }
        return stat[afterName.upperBound...].hasPrefix("Z")
    }

    @Test func workingDirectoryAndEnvironmentAreApplied() async throws {
        let peer = try shell("pwd; echo \"X=$X\"; exec sleep 30", environment: ["X": "42", "PATH": "/usr/bin:/bin"])
        try await peer.waitUntilReady(within: .seconds(30)) { peer.log().contains("X=") }
        let log = peer.log()
        #expect(log.contains(directory.path))
        #expect(log.contains("X=42"))
    }
}

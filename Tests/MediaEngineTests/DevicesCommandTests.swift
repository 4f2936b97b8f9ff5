import Foundation
import Testing
import TestSupport

/// `dialtone devices` against a PulseAudio server started here: the names it prints are the
/// ones `[audio]` takes; no server is a clear failure.
@Suite(.timeLimit(.minutes(2))) struct DevicesCommandTests {
    @Test func listsTheServersSinksAndSourcesWithTheDefaults() async throws {
        let pulse = try await PulseAudioServer(sinkName: "desk_speakers")
        defer { pulse.stop() }
        let environment = ["PULSE_SERVER": pulse.server, "HOME": pulse.directory.path, "PATH": "/usr/bin:/bin",
                           "XDG_RUNTIME_DIR": pulse.directory.path]
        let text = try await DialtoneBinary.run(["devices"], environment: environment)
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.contains("* desk_speakers"), "\(text.output)")
        #expect(text.output.contains("desk_speakers.monitor"))
        let json = try await DialtoneBinary.run(["devices", "--json"], environment: environment)
        let object = try DialtoneBinary.json(json)
        #expect(object["default_sink"] as? String == "desk_speakers")
        let sinks = try #require(object["sinks"] as? [[String: Any]])
        #expect(sinks.contains { $0["name"] as? String == "desk_speakers" })
    }

    @Test func noSoundServerIsAClearFailure() async throws {
        let directory = try TemporaryDirectory(prefix: "nopulse")
        let outcome = try await DialtoneBinary.run(
            ["devices"],
            environment: ["PULSE_SERVER": "unix:" + directory.file("none"), "HOME": directory.path, "PATH": "/usr/bin:/bin",
                          "XDG_RUNTIME_DIR": directory.path])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("dialtone devices:"), "\(outcome.errors)")
    }
}

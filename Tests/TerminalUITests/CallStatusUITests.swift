import Foundation
import Testing
import TestSupport

/// The call row's warnings and `:record` as a person sees them: the built binary in tmux,
/// a silent sipp or a baresip playing a tone as the other phone, the screen read back and the
/// recording checked with sox.
@Suite(.timeLimit(.minutes(3))) struct CallStatusUITests {
    /// `sox ARGS` off the pool; its standard error too (`stat` reports there).
    static func sox(_ arguments: [String], tool: String = "/usr/bin/sox") async throws -> (status: Int32, output: String) {
        try await OffPool.run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    /// A number from `sox … stat` output (`Length (seconds):    3.120000`).
    static func stat(_ name: String, in output: String) -> Double? {
        output.split(separator: "\n").first { $0.hasPrefix(name) }
            .flatMap { $0.split(separator: ":").last }
            .flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Seconds of audio in a WAV as far as written (its header is kept current while recording).
    static func seconds(_ path: String) async -> Double {
        guard let result = try? await sox([ "-D", path], tool: "/usr/bin/soxi"), result.status == 0 else { return 0 }
        return Double(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    @Test func aSilentPeerIsFlaggedNoAudioOnTheCallRow() async throws {
        let sipp = try Sipp(scenario: "uas-early-media-answer.xml", target: nil)
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        let pulse = try await PulseAudioServer()
        let setup = try InteractiveUITests.Setup(kamailio: nil, ui: "no_rtp_timeout = 2\n")
        let tmux = try await setup.start(extraEnvironment: ["PULSE_SERVER": pulse.server, "XDG_RUNTIME_DIR": setup.directory.path])
        do {
            try await tmux.waitFor("F1 Dialer")
            try await tmux.type(":call sip:silent@127.0.0.1:\(sipp.port)")
            try await tmux.press("Enter")
            let flagged = try await tmux.waitFor("no audio on the row") { CallUITests.callRow($0, "silent")?.contains("no audio ") == true }
            let row = CallUITests.callRow(flagged, "silent") ?? ""
            #expect(!row.contains("talking"), "the flag stands where the state was: \(row)")
            #expect(flagged.contains("no audio from sip:silent@127.0.0.1"), "the notice says who:\n\(flagged)")
            // The count goes on with the clock, not with engine events (there are none).
            try await tmux.waitFor("the count growing") { screen in
                guard let text = CallUITests.callRow(screen, "silent"), let range = text.range(of: "no audio ") else { return false }
                return Int(text[range.upperBound...].prefix { $0.isNumber }).map { $0 >= 4 } == true
            }
            // The dark theme's call.no_media: black on yellow (SGR 43), so it cannot be missed.
            let styled = try await tmux.captureStyled().split(separator: "\n").first { $0.contains("no audio") } ?? ""
            #expect(styled.contains("43m"), "\(styled.debugDescription)")

            try await tmux.press("h")
            try await tmux.waitFor("the call gone") { CallUITests.callRow($0, "silent") == nil }
            #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "sipp got our BYE:\n\(sipp.log)")
            try await tmux.press("q")
            try await tmux.waitFor("[exited 0]")
        } catch {
            if let pid = try? await tmux.programPID() { kill(pid, SIGKILL) }
            await sipp.stop()
            await pulse.stopOffPool()
            throw error
        }
        await sipp.stop()
        await pulse.stopOffPool()
    }

    /// Issue 6/7: `:record on file=PATH` during a call to a phone playing a 440 Hz tone, then
    /// `:record off`: the notices name the file, and sox finds the tone in it, as long as the
    /// recording ran.
    @Test func recordOnAndOffFromThePromptWritesTheToneToTheNamedFile() async throws {
        try await CallUITests.Rig.with("ui-record-file", columns: 160, rows: 50) { rig in
            let tone = rig.setup.directory.file("tone.wav")
            let made = try await Self.sox(["-n", "-r", "48000", "-c", "1", "-b", "16", tone, "synth", "40", "sine", "440", "vol", "0.5"])
            #expect(made.status == 0, "\(made.output)")
            _ = try await rig.baresip("bob", autoAnswer: true, playFile: tone)
            let path = rig.setup.directory.file("call.wav")

            try await rig.tmux.type(":call sip:bob@example.test")
            try await rig.tmux.press("Enter")
            try await rig.tmux.waitFor("talking") { CallUITests.callRow($0, "bob")?.contains("talking") == true }

            let started = ContinuousClock.now
            try await rig.tmux.type(":record on file=\(path)")
            try await rig.tmux.press("Enter")
            try await rig.tmux.waitFor("the start notice naming the file") {
                $0.contains("recording to \(path)") && CallUITests.callRow($0, "bob")?.contains("REC") == true
            }
            // Three seconds of the call on disk, however slow the machine.
            let deadline = ContinuousClock.now + .seconds(30)
            while await Self.seconds(path) < 3, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(200)) }
            try await rig.tmux.type(":record off")
            try await rig.tmux.press("Enter")
            try await rig.tmux.waitFor("the stop notice naming the file") {
                $0.contains("recording stopped: \(path)") && CallUITests.callRow($0, "bob").map { !$0.contains("REC") } == true
            }
            let elapsed = ContinuousClock.now - started
            try await rig.tmux.press("h")
            try await rig.tmux.waitFor("the call gone") { CallUITests.callRow($0, "bob") == nil }

            let stat = try await Self.sox([path, "-n", "stat"])
            #expect(stat.status == 0, "\(stat.output)")
            let length = Self.stat("Length (seconds)", in: stat.output) ?? 0
            let rms = Self.stat("RMS     amplitude", in: stat.output) ?? 0
            let frequency = Self.stat("Rough   frequency", in: stat.output) ?? 0
            // Only what was said between on and off: at least the three seconds waited for, and
            // no more than the time between the two commands (not the call before it).
            #expect(length >= 3 && length <= Double(elapsed.components.seconds) + 1, "length \(length) s of \(elapsed)\n\(stat.output)")
            #expect(rms > 0.05, "not silence:\n\(stat.output)")
            #expect((380...500).contains(frequency), "the tone baresip played:\n\(stat.output)")
            try await rig.quit()
        }
    }
}

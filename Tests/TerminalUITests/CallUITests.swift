import Foundation
import Testing
import TestSupport

/// Calls in the full-screen UI as a person makes them: the built binary in tmux, registered to
/// a real kamailio, with baresip as the other phone; keys in, the screen read back. Dialtone's
/// audio goes to a private PulseAudio null sink.
@Suite(.timeLimit(.minutes(3))) struct CallUITests {
    static let users = [("alice", "alicepw"), ("bob", "bobpw"), ("carol", "carolpw")]

    /// kamailio, PulseAudio and Dialtone (account `home` = alice) in tmux, and the baresips a
    /// test starts through it. `with` tears everything down even when the test fails midway,
    /// so no peer outlives its test.
    final class Rig {
        let kamailio: Kamailio
        let pulse: PulseAudioServer
        let setup: InteractiveUITests.Setup
        let tmux: TmuxSession
        private var phones: [Baresip] = []

        private init(kamailio: Kamailio, pulse: PulseAudioServer, setup: InteractiveUITests.Setup, tmux: TmuxSession) {
            self.kamailio = kamailio
            self.pulse = pulse
            self.setup = setup
            self.tmux = tmux
        }

        static func with(
            _ name: String, columns: Int = 80, rows: Int = 24, ui: String = "", _ body: (Rig) async throws -> Void
        ) async throws {
            let pki = try await TestCertificateAuthority()
            let kamailio = try await Kamailio(.init(name: name, certificate: pki.server, users: CallUITests.users))
            let pulse: PulseAudioServer
            do { pulse = try await PulseAudioServer() } catch {
                await kamailio.stop()
                throw error
            }
            do {
                let setup = try InteractiveUITests.Setup(kamailio: kamailio, ui: ui)
                let tmux = try await setup.start(
                    columns: columns, rows: rows,
                    extraEnvironment: ["PULSE_SERVER": pulse.server, "XDG_RUNTIME_DIR": setup.directory.path])
                let rig = Rig(kamailio: kamailio, pulse: pulse, setup: setup, tmux: tmux)
                do {
                    try await tmux.waitFor("home registered") { InteractiveUITests.statusBar($0).contains("home ● ") }
                    try await body(rig)
                } catch {
                    // Dialtone would otherwise linger un-registering from a kamailio about to go.
                    if let pid = try? await tmux.programPID() { kill(pid, SIGKILL) }
                    await rig.stopPhones()
                    throw error
                }
                await rig.stopPhones()
            } catch {
                await kamailio.stop()
                await pulse.stopOffPool()
                throw error
            }
            await kamailio.stop()
            await pulse.stopOffPool()
        }

        /// `playFile`: a WAV baresip plays as its microphone (the call ends when it does).
        func baresip(_ user: String, autoAnswer: Bool = false, playFile: String? = nil) async throws -> Baresip {
            let password = CallUITests.users.first { $0.0 == user }?.1
            var configuration = Baresip.Configuration(
                name: "\(user)-ui", user: user, password: password, proxy: "127.0.0.1:\(kamailio.port)", autoAnswer: autoAnswer)
            configuration.playFile = playFile
            let phone = try await Baresip(configuration)
            phones.append(phone)
            return phone
        }

        /// q, and Dialtone gives the terminal back with status 0.
        func quit() async throws {
            try await tmux.press("q")
            try await tmux.waitFor("[exited 0]")
        }

        private func stopPhones() async {
            for phone in phones { await phone.stop() }
            phones = []
        }
    }

    /// The calls area's row for a remote party (the line that names it, outside the popup).
    static func callRow(_ screen: String, _ who: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.hasPrefix("│") && $0.contains(who) && $0.contains(" 1 ") }
    }

    @Test(arguments: [(80, 24), (160, 50)])
    func anIncomingCallIsAnsweredHeldAndHungUpWithKeys(columns: Int, rows: Int) async throws {
        try await Rig.with("ui-call-\(columns)", columns: columns, rows: rows) { rig in
            let bob = try await rig.baresip("bob")
            try await bob.command("dial", "sip:alice@example.test")

            let popup = try await rig.tmux.waitFor("the incoming-call popup") { $0.contains("Incoming call") && $0.contains("bob") }
            #expect(popup.contains("sip:bob@example.test"), "\(popup)")
            try await rig.tmux.press("a")
            let talking = try await rig.tmux.waitFor("talking with the codec") { screen in
                guard let row = Self.callRow(screen, "bob") else { return false }
                return row.contains("talking") && row.contains("PCMU") && !screen.contains("Incoming call")
            }
            #expect(Self.callRow(talking, "bob")?.contains("RTP") == true, "the call says it is unencrypted:\n\(talking)")

            try await rig.tmux.press("p")
            try await rig.tmux.waitFor("on hold") { Self.callRow($0, "bob")?.contains("on hold") == true }
            // baresip got our re-INVITE with a=sendonly (RFC 3264 §8.4); "on hold" means it accepted it.
            #expect(await bob.waitForLog("got re-INVITE"), "\(bob.log)")
            try await rig.tmux.press("p")
            try await rig.tmux.waitFor("talking again") { Self.callRow($0, "bob")?.contains("talking") == true }

            try await rig.tmux.press("m")
            try await rig.tmux.waitFor("MUTED") { Self.callRow($0, "bob")?.contains("MUTED") == true }
            try await rig.tmux.type(":mute off")
            try await rig.tmux.press("Enter")
            try await rig.tmux.waitFor("unmuted") { Self.callRow($0, "bob").map { !$0.contains("MUTED") } == true }

            try await rig.tmux.press("h")
            try await rig.tmux.waitFor("the call gone from the calls area") { Self.callRow($0, "bob") == nil && $0.contains("ended") }
            try await rig.tmux.press("l")
            let history = try await rig.tmux.waitFor("the call in the history") { $0.contains("←") && $0.contains("bob") }
            #expect(!history.contains("missed"), "\(history)")
            try await rig.quit()
        }
    }

    @Test func aCallIsRecordedFromTheUI() async throws {
        try await Rig.with("ui-record") { rig in
            let bob = try await rig.baresip("bob")
            try await bob.command("dial", "sip:alice@example.test")
            try await rig.tmux.waitFor("Incoming call")
            try await rig.tmux.press("a")
            try await rig.tmux.waitFor("talking") { Self.callRow($0, "bob")?.contains("talking") == true }
            try await rig.tmux.press("R")
            try await rig.tmux.waitFor("REC") { Self.callRow($0, "bob")?.contains("REC") == true }
            try await Task.sleep(for: .milliseconds(1500))
            try await rig.tmux.type(":record off")
            try await rig.tmux.press("Enter")
            try await rig.tmux.waitFor("REC gone") { Self.callRow($0, "bob").map { !$0.contains("REC") } == true }
            // $XDG_DATA_HOME is unset in the test's environment: ~/.local/share/dialtone/recordings.
            let directory = rig.setup.directory.file(".local/share/dialtone/recordings")
            let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(files.count == 1 && files.first?.hasSuffix("_bob@example.test.wav") == true, "\(files)")
            let size = (try FileManager.default.attributesOfItem(atPath: directory + "/" + (files.first ?? "")))[.size] as? Int ?? 0
            #expect(size > 44 + 8000, "a WAV with at least a second of audio, got \(size) bytes")
            try await rig.tmux.press("h")
            try await rig.tmux.waitFor("the call gone") { Self.callRow($0, "bob") == nil }
            try await rig.quit()
        }
    }

    @Test func aBlindTransferFromThePrompt() async throws {
        try await Rig.with("ui-transfer", columns: 160, rows: 50) { rig in
            let bob = try await rig.baresip("bob")
            let carol = try await rig.baresip("carol")
            try await bob.command("dial", "sip:alice@example.test")
            try await rig.tmux.waitFor("Incoming call")
            try await rig.tmux.press("a")
            try await rig.tmux.waitFor("talking") { Self.callRow($0, "bob")?.contains("talking") == true }
            try await rig.tmux.press("t")
            try await rig.tmux.waitFor("the transfer prompt", { $0.contains("\n:transfer") })
            try await rig.tmux.type("carol")
            try await rig.tmux.press("Enter")
            // bob follows the REFER and calls carol: while carol rings, the row says so (the
            // sipfrag NOTIFYs, RFC 3515 §2.4.5); once she answers, our leg ends.
            try await rig.tmux.waitFor("the row shows the transfer in progress") {
                Self.callRow($0, "bob")?.contains("transferring…") == true
            }
            #expect(await carol.waitForLog("bob@example.test"), "carol never heard from bob:\n\(carol.log)\n\(bob.log)")
            try await carol.command("accept")
            try await rig.tmux.waitFor("our leg ended as transferred") {
                Self.callRow($0, "bob") == nil && $0.contains("bob") && $0.contains(" transferred")
            }
            try await rig.tmux.press("l")
            try await rig.tmux.waitFor("the transferred call in the history") { $0.contains("←") && $0.contains("bob") }
            try await rig.quit()
        }
    }

    @Test func aMissedCallIsCountedAndStyledAsMissed() async throws {
        try await Rig.with("ui-missed", ui: "[ui]\nbell = false\n") { rig in
            let bob = try await rig.baresip("bob")
            try await bob.command("dial", "sip:alice@example.test")
            try await rig.tmux.waitFor("Incoming call")
            try await bob.command("hangup")
            try await rig.tmux.waitFor("1 missed in the status bar") { InteractiveUITests.statusBar($0).contains("1 missed") }
            try await rig.tmux.press("l")
            let history = try await rig.tmux.waitFor("the missed call") { $0.contains("✗") && $0.contains("bob") }
            #expect(!history.contains("Incoming call"), "the popup went away when the caller gave up")
            #expect(try await rig.tmux.format("#{window_bell_flag}") == "0", "bell = false keeps the terminal quiet")
            // A second call, answered: the newest history row is selected, and the missed one below
            // it is drawn in the dark theme's history.missed colour (ANSI red, SGR 31).
            try await bob.command("dial", "sip:alice@example.test")
            try await rig.tmux.waitFor("Incoming call")
            try await rig.tmux.press("a")
            try await rig.tmux.waitFor("talking") { Self.callRow($0, "bob")?.contains("talking") == true }
            try await rig.tmux.press("h")
            try await rig.tmux.waitFor("two calls in the history") { $0.contains("←") && $0.contains("✗") && Self.callRow($0, "bob") == nil }
            let styled = try await rig.tmux.captureStyled().split(separator: "\n").map(String.init)
            let missedLine = styled.first { $0.contains("✗") } ?? ""
            let answeredLine = styled.first { $0.contains("←") } ?? ""
            #expect(missedLine.contains("\u{1B}[31m"), "the missed row is red: \(missedLine.debugDescription)")
            #expect(!answeredLine.contains("\u{1B}[31m"), "the answered row is not: \(answeredLine.debugDescription)")
            #expect(InteractiveUITests.statusBar(try await rig.tmux.capture()).contains("1 missed"))
            try await rig.quit()
        }
    }

    @Test func theEchoTestRunsFromThePromptWithNoAccount() async throws {
        let pulse = try await PulseAudioServer()
        let setup = try InteractiveUITests.Setup(kamailio: nil)
        let tmux = try await setup.start(extraEnvironment: ["PULSE_SERVER": pulse.server, "XDG_RUNTIME_DIR": setup.directory.path])
        try await tmux.waitFor("F1 Dialer")
        try await tmux.type(":call echo")
        try await tmux.press("Enter")
        let screen = try await tmux.waitFor("the echo test talking") { Self.callRow($0, "echo")?.contains("talking") == true }
        let row = Self.callRow(screen, "echo") ?? ""
        #expect(row.contains("local") && row.contains("echo (local"), "\(row)")
        try await tmux.press("h")
        try await tmux.waitFor("the echo test over") { Self.callRow($0, "echo") == nil }
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]")
        await pulse.stopOffPool()
    }
}

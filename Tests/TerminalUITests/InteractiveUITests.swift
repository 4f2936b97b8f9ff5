import Foundation
import Testing
import TestSupport

/// `dialtone` as a person uses it: the built binary in tmux at 80×24 (and 160×50), against a
/// real kamailio, keys in and the screen read back with capture-pane.
@Suite(.timeLimit(.minutes(3))) struct InteractiveUITests {
    /// A config directory with `config.toml` for one account `home` at `kamailio`.
    struct Setup {
        let directory: TemporaryDirectory
        var configPath: String { directory.file("config.toml") }
        var environment: [String: String] { ["HOME": directory.path, "PATH": "/usr/bin:/bin"] }

        init(kamailio: Kamailio?, password: String = "alicepw", ui: String = "") throws {
            directory = try TemporaryDirectory(prefix: "uiapp")
            var text = """
                [general]
                listen = ["udp:127.0.0.1:0", "tcp:127.0.0.1:0"]
                contacts_dir = "\(directory.file("contacts"))"
                history_file = "\(directory.file("history.sqlite"))"

                """
            if let kamailio {
                text += """
                    [[accounts]]
                    name = "home"
                    aor = "sip:alice@example.test"
                    password = "\(password)"
                    registrar = "sip:127.0.0.1:\(kamailio.port)"
                    transport = "udp"
                    expires = 60
                    mwi = false

                    """
            }
            try (text + ui).write(toFile: configPath, atomically: true, encoding: .utf8)
        }

        func start(columns: Int = 80, rows: Int = 24, extraEnvironment: [String: String] = [:]) async throws -> TmuxSession {
            try await TmuxSession(
                [DialtoneBinary.path, "--config", configPath], environment: environment.merging(extraEnvironment) { $1 },
                columns: columns, rows: rows)
        }
    }

    static func kamailio(_ name: String) async throws -> Kamailio {
        let pki = try await TestCertificateAuthority()
        return try await Kamailio(.init(name: name, certificate: pki.server, users: [("alice", "alicepw")]))
    }

    /// The first screen line (the status bar).
    static func statusBar(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    @Test func registersUnregistersResizesAndQuitsCleanly() async throws {
        let kamailio = try await Self.kamailio("ui-ok")
        let setup = try Setup(kamailio: kamailio)
        let tmux = try await setup.start()
        try await tmux.waitFor("home registered in the status bar") { Self.statusBar($0).contains("home ● ") }

        try await tmux.type(":unregister home")
        try await tmux.press("Enter")
        try await tmux.waitFor("home off") { Self.statusBar($0).contains("home ○ off") }

        try await tmux.resize(columns: 160, rows: 50)
        let wide = try await tmux.waitFor("a 160×50 layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            // The clock sits at the right end of the status bar; the main pane's box closes on row 49.
            return lines.count >= 50 && lines[0].count > 150 && lines[48].hasPrefix("└") && lines[48].count == 160
        }
        #expect(Self.statusBar(wide).contains("home ○ off"))

        try await tmux.press("q")
        let after = try await tmux.waitFor("[exited 0] and stty") { $0.contains("[exited 0]") && $0.contains("icanon") }
        #expect(after.contains(" icanon") && after.contains(" echo "), "the terminal is back in canonical mode with echo:\n\(after)")
        #expect(!after.contains("home ○ off"), "the UI's alternate screen is gone")
        await kamailio.stop()
    }

    @Test func aWrongPasswordShowsFailedWithTheDiagnosisInTheDebugPane() async throws {
        let kamailio = try await Self.kamailio("ui-bad")
        let setup = try Setup(kamailio: kamailio, password: "wrong")
        let tmux = try await setup.start(columns: 160, rows: 50)
        try await tmux.waitFor("home failed in the status bar") { Self.statusBar($0).contains("home ✖") }
        try await tmux.press("g")
        try await tmux.waitFor("the SIP message list") { $0.contains("REGISTER") && $0.contains("401 Unauthorized") }
        try await tmux.press("v")
        let timeline = try await tmux.waitFor("diagnosis:")
        #expect(timeline.contains("rejected the credentials"), "\(timeline)")
        #expect(!timeline.contains("password = "), "the password never reaches the screen")
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]")
        await kamailio.stop()
    }

    @Test func theTraceExportsAsPcapAndText() async throws {
        let kamailio = try await Self.kamailio("ui-export")
        let setup = try Setup(kamailio: kamailio)
        let tmux = try await setup.start(columns: 160, rows: 50)
        try await tmux.waitFor("home registered") { Self.statusBar($0).contains("home ● ") }
        let pcap = setup.directory.file("trace.pcap"), text = setup.directory.file("trace.txt")
        try await tmux.type(":export \(pcap)")
        try await tmux.press("Enter")
        try await tmux.waitFor("messages to \(pcap)")
        try await tmux.type(":export \(text) format=text")
        try await tmux.press("Enter")
        try await tmux.waitFor("messages to \(text)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pcap)))
        #expect(Array(bytes.prefix(4)) == [0xd4, 0xc3, 0xb2, 0xa1])
        let export = try String(contentsOfFile: text, encoding: .utf8)
        #expect(export.contains("sent UDP 127.0.0.1:"), "\(export)")
        #expect(export.contains("REGISTER sip:127.0.0.1:\(kamailio.port) SIP/2.0"))
        #expect(export.contains("SIP/2.0 200 OK"))
        #expect(!export.contains("alicepw"))
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]")
        await kamailio.stop()
    }

    @Test func sigtermUnregistersAndRestoresTheTerminal() async throws {
        let kamailio = try await Self.kamailio("ui-term")
        let setup = try Setup(kamailio: kamailio)
        let tmux = try await setup.start()
        try await tmux.waitFor("home registered") { Self.statusBar($0).contains("home ● ") }
        #expect(kill(try await tmux.programPID(), SIGTERM) == 0)
        // Wait for the shell's stty report too, not only the exit line (a loaded machine shows
        // them a moment apart).
        let after = try await tmux.waitFor("[exited 0] and stty") { $0.contains("[exited 0]") && $0.contains("icanon") }
        #expect(after.contains(" icanon") && after.contains(" echo "), "\(after)")
        await kamailio.stop()
    }

    @Test func aBrokenThemeFallsBackWithANotice() async throws {
        let setup = try Setup(kamailio: nil, ui: "[ui]\ntheme = \"broken\"\n")
        try FileManager.default.createDirectory(atPath: setup.directory.file("themes"), withIntermediateDirectories: true)
        try "[roles\nstatus_bar = 12".write(toFile: setup.directory.file("themes/broken.toml"), atomically: true, encoding: .utf8)
        let tmux = try await setup.start(columns: 160, rows: 50)
        let screen = try await tmux.waitFor("theme:")
        #expect(screen.contains("broken.toml"), "\(screen)")
        #expect(screen.contains("Dialer"), "the UI still draws")
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func firstRunOffersAStarterConfigAndNeverOverwrites() async throws {
        let home = try TemporaryDirectory(prefix: "uiapp-first")
        let environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
        let expected = home.file(".config/dialtone/config.toml")

        // A file that appears while the screen is up is never overwritten.
        let early = try await TmuxSession([DialtoneBinary.path], environment: environment, columns: 160, rows: 50)
        try await early.waitFor("First run")
        try FileManager.default.createDirectory(atPath: home.file(".config/dialtone"), withIntermediateDirectories: true)
        try "# mine\n".write(toFile: expected, atomically: true, encoding: .utf8)
        try await early.press("w")
        try await early.waitFor("already exists: left unchanged")
        #expect(try String(contentsOfFile: expected, encoding: .utf8) == "# mine\n")
        try await early.press("q")
        try await early.waitFor("[exited 0]")
        try FileManager.default.removeItem(atPath: expected)

        let tmux = try await TmuxSession([DialtoneBinary.path], environment: environment, columns: 160, rows: 50)
        try await tmux.waitFor("First run")
        try await tmux.waitFor(expected)
        try await tmux.press("w")
        try await tmux.waitFor("wrote ")
        let written = try String(contentsOfFile: expected, encoding: .utf8)
        #expect(written.contains("[general]") && written.contains("# [[accounts]]"))
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]")

        // The starter file is valid as written: the next start opens the normal screen.
        let again = try await TmuxSession([DialtoneBinary.path], environment: environment)
        try await again.waitFor("Dialer")
        #expect(!(try await again.capture()).contains("First run"))
        try await again.press("q")
        try await again.waitFor("[exited 0]")
    }

    @Test func contactsAreAddedEditedAndDeletedAsVCardFiles() async throws {
        let setup = try Setup(kamailio: nil)
        let tmux = try await setup.start(columns: 160, rows: 50)
        try await tmux.waitFor("Dialer")
        try await tmux.type(":contact-add \"Bob Smith\" sip:bob@example.com")
        try await tmux.press("Enter")
        try await tmux.waitFor("added Bob Smith")
        let files = try FileManager.default.contentsOfDirectory(atPath: setup.directory.file("contacts"))
        let card = try #require(files.first { $0.hasSuffix(".vcf") })
        #expect(try String(contentsOfFile: setup.directory.file("contacts/\(card)"), encoding: .utf8).contains("FN:Bob Smith"))
        try await tmux.press("c")
        try await tmux.waitFor("sip:bob@example.com")

        try await tmux.press("e")
        try await tmux.waitFor(":contact-edit ")
        try await tmux.press("Escape")
        let uid = String(card.dropLast(4))
        try await tmux.type(":contact-edit \(uid) \"Robert Smith\" sip:bob@example.com")
        try await tmux.press("Enter")
        try await tmux.waitFor("saved Robert Smith")
        #expect(try String(contentsOfFile: setup.directory.file("contacts/\(card)"), encoding: .utf8).contains("FN:Robert Smith"))

        try await tmux.press("D")
        try await tmux.waitFor("No contacts yet.")
        #expect(!FileManager.default.fileExists(atPath: setup.directory.file("contacts/\(card)")))
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func aBrokenConfigOrKeyBindingExitsWithItsLineBeforeTouchingTheTerminal() async throws {
        let setup = try Setup(kamailio: nil, ui: "[ui.keys]\nhang_up = \"nonsense-key\"\n")
        let keys = try await DialtoneBinary.run(["--config", setup.configPath], environment: setup.environment)
        #expect(keys.status == 2)
        #expect(keys.errors.contains("config.toml") && keys.errors.contains("line 6: unknown key \"nonsense-key\""), "\(keys.errors)")
        #expect(!keys.output.contains("\u{1b}["), "nothing was drawn")

        try "[general]\nlisten = 5\n".write(toFile: setup.configPath, atomically: true, encoding: .utf8)
        let broken = try await DialtoneBinary.run(["--config", setup.configPath], environment: setup.environment)
        #expect(broken.status == 2)
        #expect(broken.errors.contains("config.toml:2"), "\(broken.errors)")
    }
}

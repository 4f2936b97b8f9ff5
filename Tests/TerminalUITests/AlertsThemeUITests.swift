import Foundation
import Testing
import TestSupport

/// Runtime theme changes, the incoming-call bell and notification program, and contacts
/// edited on disk while the UI runs: the built binary in tmux.
@Suite(.timeLimit(.minutes(3))) struct AlertsThemeUITests {
    /// The status bar's line with its SGR escapes.
    static func styledStatusBar(_ tmux: TmuxSession) async throws -> String {
        String(try await tmux.captureStyled().split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    @Test func theThemeChangesWhileRunningAndTheConfigIsUntouched() async throws {
        let setup = try InteractiveUITests.Setup(kamailio: nil)
        let before = try String(contentsOfFile: setup.configPath, encoding: .utf8)
        let tmux = try await setup.start()
        try await tmux.waitFor("F1 Dialer")
        let dark = try await Self.styledStatusBar(tmux)

        try await tmux.type(":theme light")
        try await tmux.press("Enter")
        try await tmux.waitFor("theme light (the configuration file is unchanged)")
        let light = try await Self.styledStatusBar(tmux)
        #expect(light != dark, "the status bar's colours changed:\n\(dark.debugDescription)\n\(light.debugDescription)")

        try await tmux.press("C")  // the shipped theme after light
        try await tmux.waitFor("theme monochrome (the configuration file is unchanged)")
        let monochrome = try await Self.styledStatusBar(tmux)
        #expect(monochrome != light)
        #expect(monochrome.contains("\u{1B}[7m"), "the monochrome status bar is reverse video: \(monochrome.debugDescription)")

        try await tmux.type(":theme nosuchtheme")
        try await tmux.press("Enter")
        try await tmux.waitFor("theme: nosuchtheme")
        #expect(try await Self.styledStatusBar(tmux) == monochrome, "a broken theme keeps the current one")

        #expect(try String(contentsOfFile: setup.configPath, encoding: .utf8) == before)
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func anIncomingCallRingsTheBellAndRunsTheNotifyCommandWithoutAShell() async throws {
        let scratch = try TemporaryDirectory(prefix: "notify")
        let script = scratch.file("notify.sh"), output = scratch.file("notified.txt")
        try """
            #!/bin/sh
            out="$1"; shift
            { for a in "$@"; do printf 'arg=%s\\n' "$a"; done
              printf 'name=%s\\nuri=%s\\naccount=%s\\n' "$DIALTONE_CALLER_NAME" "$DIALTONE_CALLER_URI" "$DIALTONE_ACCOUNT"; } > "$out.tmp"
            mv "$out.tmp" "$out"

            """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let ui = """
            [ui]
            bell = true
            notify_command = ["\(script)", "\(output)"]

            """
        try await CallUITests.Rig.with("ui-notify", ui: ui) { rig in
            #expect(try await rig.tmux.format("#{window_bell_flag}") == "0")
            let bob = try await rig.baresip("bob")
            try await bob.command("dial", "sip:alice@example.test")
            try await rig.tmux.waitFor("Incoming call")
            let deadline = ContinuousClock.now + .seconds(30)
            while !FileManager.default.fileExists(atPath: output), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            let notified = try String(contentsOfFile: output, encoding: .utf8)
            #expect(notified.contains("arg=sip:bob@example.test\n"), "\(notified)")
            #expect(notified.contains("uri=sip:bob@example.test\n"))
            #expect(notified.contains("account=home\n"))
            #expect(try await rig.tmux.format("#{window_bell_flag}") == "1", "the terminal bell rang")
            try await rig.tmux.press("x")  // reject
            try await rig.tmux.waitFor("the popup gone") { !$0.contains("Incoming call") }
            try await rig.quit()
        }
    }

    @Test func contactsWrittenByAnotherProgramAppearWithoutARestart() async throws {
        let setup = try InteractiveUITests.Setup(kamailio: nil)
        let contacts = setup.directory.file("contacts")
        try FileManager.default.createDirectory(atPath: contacts, withIntermediateDirectories: true)
        let tmux = try await setup.start()
        try await tmux.press("c")
        try await tmux.waitFor("the contacts pane") { $0.contains("Contacts") && !$0.contains("Grace Hopper") }
        // Another program (vdirsyncer style): write elsewhere, rename into place.
        let vcard = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:ui-watch-1\r\nFN:Grace Hopper\r\nTEL;TYPE=cell:+1 555 0100\r\nEND:VCARD\r\n"
        try vcard.write(toFile: contacts + "/.tmp-grace", atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(atPath: contacts + "/.tmp-grace", toPath: contacts + "/grace.vcf")
        try await tmux.waitFor("Grace Hopper")
        // An edit on disk shows too.
        try vcard.replacingOccurrences(of: "Grace Hopper", with: "Grace B. Hopper")
            .write(toFile: contacts + "/grace.vcf", atomically: true, encoding: .utf8)
        try await tmux.waitFor("Grace B. Hopper")
        try FileManager.default.removeItem(atPath: contacts + "/grace.vcf")
        try await tmux.waitFor("the contact gone") { !$0.contains("Hopper") }
        try await tmux.press("q")
        try await tmux.waitFor("[exited 0]")
    }
}

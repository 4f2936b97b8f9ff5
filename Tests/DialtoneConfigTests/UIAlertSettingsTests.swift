import Testing
@testable import DialtoneConfig

/// `[ui] bell` and `[ui] notify_command` (issue 7, notifications).
@Suite struct UIAlertSettingsTests {
    @Test func bellDefaultsOnAndTheNotifyCommandIsAnArgumentVector() throws {
        let (defaults, _) = try parse(minimalAccount)
        #expect(defaults.ui.bell)
        #expect(defaults.ui.notifyCommand.isEmpty)
        let (config, _) = try parse(minimalAccount + "\n[ui]\nbell = false\nnotify_command = [\"notify-send\", \"Call\"]\n")
        #expect(!config.ui.bell)
        #expect(config.ui.notifyCommand == ["notify-send", "Call"])
    }

    @Test func aNotifyCommandStringIsRefusedWithItsLine() {
        #expect(throws: ConfigurationError.self) {
            _ = try parse(minimalAccount + "\n[ui]\nnotify_command = \"notify-send $CALLER\"\n")
        }
    }
}

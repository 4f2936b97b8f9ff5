import Testing
@testable import Themes

@Suite struct PartialLoadTests {
    @Test func goodEntriesSurviveBadOnes() {
        let result = load("""
            name = "mine"
            [roles]
            "call.ringing" = { fg = "#ff8000", bg = "color17", attrs = ["blink", "italic"] }
            "call.talking" = { fg = "gren", attrs = ["bold"] }
            "call.dialling" = { fg = "bright_magenta" }
            "bogus.role" = { fg = "red" }
            """)
        #expect(result.diagnostics.count == 2)
        #expect(result.theme.name == "mine")
        #expect(result.theme.style(for: .callRinging)
            == Style(foreground: .rgb(255, 128, 0), background: .indexed(17), attributes: [.blink, .italic]))
        #expect(result.theme.style(for: .callDialling) == Style(foreground: .ansi(13)))
        // The bad role falls back whole, not half its own and half the default's.
        #expect(result.theme.style(for: .callTalking) == Theme.builtinDefault.style(for: .callTalking))
        #expect(result.defaultedRoles == Role.all.filter { $0 != .callRinging && $0 != .callDialling })
        for role in result.defaultedRoles {
            #expect(result.theme.style(for: role) == Theme.builtinDefault.style(for: role))
        }
    }

    @Test func missingRolesTakeTheGivenFallback() {
        let result = ThemeLoader.load(
            text: "name = \"tiny\"\n[roles]\nprompt = { fg = \"default\" }\n", fileName: "tiny.toml",
            fallback: .builtinMonochrome)
        #expect(result.diagnostics == [])
        #expect(result.theme.style(for: .prompt) == .plain)
        #expect(result.theme.style(for: .statusBar) == Style(attributes: [.reverse]))
        #expect(result.defaultedRoles.count == Role.all.count - 1)
    }

    @Test func missingNameUsesTheFileName() {
        let result = ThemeLoader.load(text: "[roles]\n", fileName: "/home/u/.config/dialtone/themes/solar.toml")
        #expect(result.theme.name == "solar")
        #expect(result.diagnostics.map(\.problem) == [.missingName])
        #expect(result.theme.roles == Theme.builtinDefault.roles)
    }

    @Test func colourSpellings() throws {
        #expect(try ThemeColor(parsing: "default") == .default)
        #expect(try ThemeColor(parsing: "black") == .ansi(0))
        #expect(try ThemeColor(parsing: "white") == .ansi(7))
        #expect(try ThemeColor(parsing: "bright_black") == .ansi(8))
        #expect(try ThemeColor(parsing: "bright_white") == .ansi(15))
        #expect(try ThemeColor(parsing: "color0") == .indexed(0))
        #expect(try ThemeColor(parsing: "color255") == .indexed(255))
        #expect(try ThemeColor(parsing: "#0A0b0C") == .rgb(10, 11, 12))
        #expect(throws: ThemeProblem.colorIndexOutOfRange("color99999999999999999999")) {
            try ThemeColor(parsing: "color99999999999999999999")
        }
        #expect(throws: ThemeProblem.unknownColor("color-1", suggestion: nil)) { try ThemeColor(parsing: "color-1") }
        #expect(throws: ThemeProblem.unknownColor("Red", suggestion: "red")) { try ThemeColor(parsing: "Red") }
        #expect(throws: ThemeProblem.badHex("#fff")) { try ThemeColor(parsing: "#fff") }
    }
}

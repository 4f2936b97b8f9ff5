import Foundation
import TestSupport
import Testing
@testable import Themes

@Suite struct SelectionTests {
    @Test func noColorSelectsMonochrome() {
        let result = ThemeSelection.resolve(
            configuredName: "light", environment: ["NO_COLOR": "1"], themeDirectories: [shippedThemes])
        #expect(result.theme == Theme.builtinMonochrome)
        #expect(result.diagnostics == [])
    }

    @Test func emptyNoColorIsIgnored() {
        let result = ThemeSelection.resolve(
            configuredName: "light", environment: ["NO_COLOR": ""], themeDirectories: [shippedThemes])
        #expect(result.theme.name == "light")
        #expect(result.theme.style(for: .callTalking).foreground == .indexed(28))
        #expect(result.diagnostics == [])
    }

    @Test func noNameMeansTheBuiltinDefault() {
        let result = ThemeSelection.resolve(configuredName: nil, environment: [:], themeDirectories: [shippedThemes])
        #expect(result.theme == Theme.builtinDefault)
        #expect(result.diagnostics == [])
    }

    @Test func userDirectoryComesFirst() throws {
        let user = try TemporaryDirectory(prefix: "themes-user")
        try "name = \"my-light\"\n[roles]\nprompt = { fg = \"red\" }\n"
            .write(toFile: user.file("light.toml"), atomically: true, encoding: .utf8)
        let result = ThemeSelection.resolve(
            configuredName: "light", environment: [:],
            themeDirectories: [URL(fileURLWithPath: user.path), shippedThemes])
        #expect(result.theme.name == "my-light")
        #expect(result.theme.style(for: .prompt) == Style(foreground: .ansi(1)))
    }

    @Test func brokenUserThemeStillLoadsWithDiagnostics() throws {
        let user = try TemporaryDirectory(prefix: "themes-user")
        try "name = \"x\"\n[roles\n".write(toFile: user.file("x.toml"), atomically: true, encoding: .utf8)
        let result = ThemeSelection.resolve(
            configuredName: "x", environment: [:], themeDirectories: [URL(fileURLWithPath: user.path)])
        #expect(result.theme == Theme.builtinDefault)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.line == 2)
        #expect(result.diagnostics.first?.file == user.file("x.toml"))
    }

    @Test func missingThemeFallsBackWithADiagnostic() {
        let result = ThemeSelection.resolve(
            configuredName: "solarized", environment: [:], themeDirectories: [shippedThemes])
        #expect(result.theme == Theme.builtinDefault)
        #expect(result.diagnostics.map(\.problem) == [.themeNotFound("solarized", searched: [shippedThemes.path])])
    }

    @Test func builtinNameNeedsNoFile() {
        let result = ThemeSelection.resolve(configuredName: "monochrome", environment: [:], themeDirectories: [])
        #expect(result.theme == Theme.builtinMonochrome)
        #expect(result.diagnostics == [])
    }

    @Test(arguments: ["../dark", "", ".hidden", "a/b"])
    func pathLikeNamesAreRejected(name: String) {
        let result = ThemeSelection.resolve(configuredName: name, environment: [:], themeDirectories: [shippedThemes])
        #expect(result.theme == Theme.builtinDefault)
        #expect(result.diagnostics.map(\.problem) == [.invalidThemeName(name)])
    }
}

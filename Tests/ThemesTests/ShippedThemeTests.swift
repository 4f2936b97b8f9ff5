import Foundation
import Testing
@testable import Themes

@Suite struct ShippedThemeTests {
    @Test(arguments: ["dark", "light", "monochrome"])
    func shippedThemeLoadsCleanly(name: String) {
        let result = ThemeLoader.load(file: shippedThemes.appendingPathComponent(name + ".toml"))
        #expect(result.diagnostics == [])
        #expect(result.defaultedRoles == [])
        #expect(result.theme.name == name)
        #expect(Set(result.theme.roles.keys) == Set(Role.all))
    }

    @Test func builtinDefaultEqualsDarkFile() {
        let result = ThemeLoader.load(file: shippedThemes.appendingPathComponent("dark.toml"), fallback: Theme(name: "none", roles: [:]))
        #expect(result.theme == Theme.builtinDefault)
    }

    @Test func builtinMonochromeEqualsMonochromeFile() {
        let result = ThemeLoader.load(file: shippedThemes.appendingPathComponent("monochrome.toml"), fallback: Theme(name: "none", roles: [:]))
        #expect(result.theme == Theme.builtinMonochrome)
    }

    @Test func builtinsStyleEveryRole() {
        for theme in Theme.builtins {
            #expect(Set(theme.roles.keys) == Set(Role.all), "\(theme.name)")
        }
        #expect(Theme.builtinMonochrome.roles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
    }

    @Test func roleNamesAreUniqueAndRoundTrip() {
        #expect(Role.all.count == 23)
        #expect(Set(Role.all.map(\.name)).count == Role.all.count)
        for role in Role.all { #expect(Role(name: role.name) == role) }
        #expect(Role(name: "call.ring") == nil)
        #expect(Theme(name: "x", roles: [:]).style(for: .callRinging) == .plain)
    }
}

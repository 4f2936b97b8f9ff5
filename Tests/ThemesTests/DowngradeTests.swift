import Testing
@testable import Themes

@Suite struct DowngradeTests {
    @Test func rgbTo256() {
        #expect(ThemeColor.rgb(255, 0, 0).downgraded(to: .colors256) == .indexed(196))
        #expect(ThemeColor.rgb(0, 0, 0).downgraded(to: .colors256) == .indexed(16))
        #expect(ThemeColor.rgb(250, 250, 250).downgraded(to: .colors256) == .indexed(231))
        // Grey ramp beats the cube when nearer: 100 is 2 from grey 98 (241), 5 from cube level 95.
        #expect(ThemeColor.rgb(100, 100, 100).downgraded(to: .colors256) == .indexed(241))
        #expect(ThemeColor.rgb(128, 128, 128).downgraded(to: .colors256) == .indexed(244))
        #expect(ThemeColor.rgb(255, 135, 0).downgraded(to: .colors256) == .indexed(208))
    }

    @Test func everyPaletteEntryMapsBackToItself() {
        for n in UInt8(16)...UInt8(255) {
            let (r, g, b) = ThemeColor.rgbOfIndex(n)
            #expect(ThemeColor.rgb(r, g, b).downgraded(to: .colors256) == .indexed(n))
        }
    }

    @Test func to16And8() {
        // color208 is (255,135,0): nearest reference ANSI colour is yellow (205,205,0).
        #expect(ThemeColor.indexed(208).downgraded(to: .colors16) == .ansi(3))
        #expect(ThemeColor.indexed(244).downgraded(to: .colors16) == .ansi(8))
        #expect(ThemeColor.indexed(250).downgraded(to: .colors8) == .ansi(7))
        #expect(ThemeColor.indexed(4).downgraded(to: .colors16) == .ansi(4))
        #expect(ThemeColor.indexed(12).downgraded(to: .colors8) == .ansi(4))
        #expect(ThemeColor.ansi(9).downgraded(to: .colors8) == .ansi(1))
        #expect(ThemeColor.ansi(9).downgraded(to: .colors16) == .ansi(9))
        #expect(ThemeColor.rgb(0, 0, 250).downgraded(to: .colors16) == .ansi(4))
        #expect(ThemeColor.rgb(90, 90, 250).downgraded(to: .colors16) == .ansi(12))
        #expect(ThemeColor.rgb(90, 90, 250).downgraded(to: .colors8) == .ansi(4))
    }

    @Test func unchangedCases() {
        for depth in ColorDepth.allCases {
            #expect(ThemeColor.default.downgraded(to: depth) == .default)
        }
        #expect(ThemeColor.rgb(1, 2, 3).downgraded(to: .trueColor) == .rgb(1, 2, 3))
        #expect(ThemeColor.ansi(5).downgraded(to: .colors256) == .ansi(5))
        #expect(ThemeColor.indexed(100).downgraded(to: .colors256) == .indexed(100))
    }

    @Test func themeDowngradeKeepsAttributes() {
        let theme = Theme.builtinDefault.downgraded(to: .colors8)
        #expect(theme.style(for: .statusBar) == Style(foreground: .ansi(7), background: .ansi(0)))
        #expect(theme.style(for: .callRinging) == Theme.builtinDefault.style(for: .callRinging))
        #expect(theme.style(for: .callUnencrypted).foreground == .ansi(3))
    }
}

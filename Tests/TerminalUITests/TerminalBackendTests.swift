import Testing
import Themes
@testable import TerminalUI

/// The pure halves of the ncurses backend: key decoding and colour planning.
@Suite struct TerminalBackendTests {
    @Test(arguments: [
        (TerminalKeyDecoder.RawKey.character(97), Key.character("a")),
        (.character(65), .character("A")),
        (.character(0x738B), .character("王")),
        (.character(32), .character(" ")),
        (.character(13), .enter),
        (.character(10), .enter),
        (.character(9), .tab),
        (.character(27), .escape),
        (.character(127), .backspace),
        (.character(24), .control("x")),
        (.functionKey(0o403), .up),
        (.functionKey(0o402), .down),
        (.functionKey(0o522), .pageDown),
        (.functionKey(0o523), .pageUp),
        (.functionKey(0o411), .function(1)),
        (.functionKey(0o412), .function(2)),
        (.functionKey(0o541), .backTab),
        (.functionKey(0o550), .end),
    ])
    func decodesCursesKeys(raw: TerminalKeyDecoder.RawKey, key: Key) {
        #expect(TerminalKeyDecoder.decode(raw) == key)
    }

    @Test func unusedOrInvalidCodesAreDropped() {
        #expect(TerminalKeyDecoder.decode(.character(0)) == nil)
        #expect(TerminalKeyDecoder.decode(.character(0xD800)) == nil, "a lone surrogate is not a character")
        #expect(TerminalKeyDecoder.decode(.functionKey(0o777)) == nil)
    }

    @Test func colourDepthFromTerminfoAndNoColor() {
        #expect(ColorPlan.depth(colors: 256, hasRGB: false, environment: [:]) == .colors256)
        #expect(ColorPlan.depth(colors: 0x100_0000, hasRGB: false, environment: [:]) == .trueColor)
        #expect(ColorPlan.depth(colors: 256, hasRGB: true, environment: [:]) == .trueColor)
        #expect(ColorPlan.depth(colors: 8, hasRGB: false, environment: [:]) == .colors8)
        #expect(ColorPlan.depth(colors: 0, hasRGB: false, environment: [:]) == nil)
        #expect(ColorPlan.depth(colors: 256, hasRGB: true, environment: ["NO_COLOR": "1"]) == nil)
    }

    @Test func everyRoleGetsItsOwnPairWithDowngradedColours() throws {
        let plan = ColorPlan(theme: .builtinDefault, depth: .colors256)
        #expect(Set(plan.entries.values.map(\.pair)).count == Role.all.count)
        #expect(!plan.entries.values.contains { $0.pair == 0 }, "pair 0 is the terminal default")
        let status = try #require(plan.entries[.statusBar])
        #expect(status.foreground == 252 && status.background == 236)
        let failed = try #require(plan.entries[.registrationFailed])
        #expect(failed.foreground == 1 && failed.background == -1 && failed.attributes == [.bold])
        let eight = ColorPlan(theme: .builtinDefault, depth: .colors8)
        #expect(eight.entries.values.allSatisfy { (-1...7).contains($0.foreground) && (-1...7).contains($0.background) })
    }

    @Test func trueColourSendsRGBExceptTheEightBaseColours() {
        let theme = Theme(name: "t", roles: [
            .prompt: Style(foreground: .rgb(0x12, 0x34, 0x56)),
            .statusBar: Style(foreground: .indexed(196), background: .ansi(2)),
            .callRinging: Style(foreground: .ansi(9)),
        ])
        let plan = ColorPlan(theme: theme, depth: .trueColor)
        #expect(plan.entries[.prompt]?.foreground == 0x123456)
        #expect(plan.entries[.statusBar]?.foreground == 0xFF0000)
        #expect(plan.entries[.statusBar]?.background == 2)
        #expect(plan.entries[.callRinging]?.foreground == 0xFF0000)
    }

    @Test func withoutColoursOnlyAttributesRemain() {
        let plan = ColorPlan(theme: .builtinDefault, depth: nil)
        #expect(plan.entries.values.allSatisfy { $0.foreground == -1 && $0.background == -1 })
        #expect(plan.entries[.callTalking]?.attributes == [.bold])
    }
}

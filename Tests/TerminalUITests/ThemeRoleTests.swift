import Foundation
import TestSupport
import Testing
import Themes
@testable import TerminalUI

/// The renderer only uses roles the shipped themes style, so no screen draws unthemed.
@Suite struct ThemeRoleTests {
    static let themesDirectory = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes", isDirectory: true)

    @Test(arguments: ["dark", "light", "monochrome"])
    func everyRoleDrawnIsStyledByTheShippedTheme(name: String) throws {
        let loaded = ThemeLoader.load(file: Self.themesDirectory.appendingPathComponent(name + ".toml"), fallback: Theme(name: "none", roles: [:]))
        #expect(loaded.diagnostics.isEmpty)
        var used = Set<Role>()
        for state in RenderedStates.all {
            used.formUnion(ScreenRenderer().render(state).cells.compactMap(\.role))
        }
        #expect(used.count >= 15, "the sample states exercise most roles")
        for role in used {
            #expect(loaded.theme.roles[role] != nil, "\(name) lacks \(role)")
        }
    }
}

/// A spread of states covering every tab, popup and overlay.
enum RenderedStates {
    static var all: [UIState] {
        var states: [UIState] = []
        for tab in MainTab.allCases {
            var state = Sample.state(calls: [Sample.talkingBob, Sample.heldDave, Sample.ringingCarol])
            state.tab = tab
            states.append(state)
        }
        var timeline = Sample.state()
        timeline.tab = .debug
        timeline.debugView = .registration
        states.append(timeline)
        var prompt = Sample.state()
        prompt.textEntry = .prompt
        prompt.notice = "unknown command"
        states.append(prompt)
        var calls = Sample.state(calls: [
            Sample.talkingBob, CallRow(id: CallID("d"), remoteURI: "sip:x@y", account: "work", state: .dialling),
            CallRow(id: CallID("e"), remoteURI: "sip:z@y", account: "work", state: .earlyMedia),
            CallRow(id: CallID("h"), remoteURI: "sip:h@y", account: "work", state: .heldByRemote),
        ])
        calls.focus = .calls
        states.append(calls)
        return states
    }
}

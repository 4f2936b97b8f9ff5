import Testing
@testable import TerminalUI

@Suite struct KeyMapTests {
    @Test(arguments: ["a", "A", "?", "C-x", "F1", "F12", "enter", "esc", "tab", "backtab", "up", "pgdn", "space", "home"])
    func keyNamesRoundTrip(name: String) throws {
        let key = try #require(Key(name: name))
        #expect(key.description == name)
    }

    @Test(arguments: ["", "ab", "C-", "C-1", "F0", "F25", "Fx", "ctrl-a", " "])
    func invalidKeyNamesAreRejected(name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test func everyActionHasADefaultKeyAndNoKeyIsBoundTwice() {
        var seen: [Key: UIAction] = [:]
        for action in UIAction.allCases {
            let keys = KeyMap.defaults.keys(for: action)
            #expect(!keys.isEmpty, "\(action) has no key")
            for key in keys {
                #expect(seen[key] == nil, "\(key) bound to \(action) and \(String(describing: seen[key]))")
                seen[key] = action
            }
        }
    }

    @Test func overridesReplaceAnActionsKeysAndTakeTheKeyFromOthers() throws {
        let overrides = [
            KeyBindingOverride(action: "hang_up", key: "C-h", line: 3),
            KeyBindingOverride(action: "hang_up", key: "F8", line: 4),
            KeyBindingOverride(action: "answer", key: "h", line: 5),
        ]
        let map = try KeyMap.applying(overrides).get()
        #expect(map.keys(for: .hangUp) == [.control("h"), .function(8)])
        #expect(map.action(for: .character("h")) == .answer)
        #expect(map.action(for: .character("a")) == nil)
        var driver = Driver(Sample.state(calls: [Sample.ringingCarol]))
        driver.reducer = UIReducer(keyMap: map)
        #expect(driver.press(.character("h")) == [.answer(callID: Sample.ringingCarol.id)])
    }

    @Test func noneUnbinds() throws {
        let map = try KeyMap.applying([KeyBindingOverride(action: "quit", key: "none", line: 9)]).get()
        #expect(map.keys(for: .quit).isEmpty)
        #expect(map.action(for: .character("q")) == nil)
    }

    @Test func errorsNameTheLineAndSuggestTheAction() {
        let result = KeyMap.applying([
            KeyBindingOverride(action: "hangup", key: "h", line: 2),
            KeyBindingOverride(action: "mute", key: "ctrl+m", line: 7),
            KeyBindingOverride(action: "hold", key: "F2", line: 8),
            KeyBindingOverride(action: "record", key: "F2", line: 11),
            KeyBindingOverride(action: "xyzzy", key: "z", line: 12),
        ])
        guard case .failure(let errors) = result else {
            Issue.record("expected errors")
            return
        }
        #expect(errors.errors == [
            .unknownAction("hangup", line: 2, suggestion: "hang_up"),
            .unknownKey("ctrl+m", line: 7),
            .conflictingKey("F2", line: 11, action: "record", otherAction: "hold", otherLine: 8),
            .unknownAction("xyzzy", line: 12, suggestion: nil),
        ])
        #expect(errors.description.contains("line 2: unknown action \"hangup\" (did you mean \"hang_up\"?)"))
        #expect(errors.description.contains("line 7: unknown key \"ctrl+m\""))
        #expect(errors.description.contains("already bound to \"hold\" on line 8"))
    }

    @Test func helpIsGeneratedFromTheLiveBindings() throws {
        var state = Sample.state()
        state.overlay = .help
        let before = ScreenRenderer().render(state).text
        #expect(before.contains("h        hang up"))
        let map = try KeyMap.applying([KeyBindingOverride(action: "hang_up", key: "F9", line: 1)]).get()
        let after = ScreenRenderer(keyMap: map).render(state).text
        #expect(after.contains("F9       hang up"))
        #expect(!after.contains("h        hang up"))
        #expect(after.contains("—        ") == false)
        let unbound = try KeyMap.applying([KeyBindingOverride(action: "record", key: "none", line: 1)]).get()
        #expect(ScreenRenderer(keyMap: unbound).render(state).text.contains("—        record"))
    }

    @Test func hintsFollowRebinding() throws {
        let map = try KeyMap.applying([KeyBindingOverride(action: "hang_up", key: "e", line: 1)]).get()
        let line = ScreenRenderer(keyMap: map).render(Sample.state(calls: [Sample.talkingBob])).line(23)
        #expect(line.hasPrefix(" e hang up"))
    }

    @Test func helpListsEveryActionAt80x24() {
        var driver = Driver(Sample.state())
        driver.press(.character("?"))
        var text = ScreenRenderer().render(driver.state).text
        // What does not fit on the first screen is reached by scrolling.
        driver.press(.pageDown)
        text += ScreenRenderer().render(driver.state).text
        for action in UIAction.allCases {
            #expect(text.contains(action.hint), "\(action.hint) missing from help")
        }
    }
}

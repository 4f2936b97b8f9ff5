import Testing
import Themes
@testable import TerminalUI

@Suite struct LayoutSnapshotTests {
    let renderer = ScreenRenderer()

    @Test func historyWithTwoCallsAt80x24() {
        var state = Sample.state(calls: [Sample.talkingBob, Sample.heldDave])
        state.tab = .history
        let expected = """
             work ● 3:12 ✉ 2  home ✖ 403 Forbidden                         1 missed │ 14:03
            ┌─ Calls ──────────────────────────────────────────────────────────────────────┐
            │  # Remote        Account  State             Time Codec Enc      Loss  Jit MOS│
            │› 1 Bob Smith     work     talking           1:23 opus  SRTP     0.5% 12ms 4.3│
            │  2 sip:dave@exa… work     on hold          10:00 PCMU  RTP                   │
            └──────────────────────────────────────────────────────────────────────────────┘
              F1 Dialer   F2 Contacts   F3 History   F4 Messages (1)   F5 Debug
            ┌─ History ────────────────────────────────────────────────────────────────────┐
            │   When        Remote                     Account   Length Result             │
            │›✗ 13:03       Carol                      home             no answer          │
            │ → 12:03       Bob Smith                  work        2:05 answered           │
            │ ← 04-28 14:03 sip:+4930123456@example.c… work        0:40 answered           │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            │                                                                              │
            └──────────────────────────────────────────────────────────────────────────────┘
             h hang up  r redial  / search  f filter  F account filter               ? help
            """
        let screen = renderer.render(state)
        #expect(screen.text == expected)
        #expect(screen.rows == 24 && screen.columns == 80)
    }

    @Test func rolesMarkStateSelectionAndMissedCalls() {
        var state = Sample.state(calls: [Sample.talkingBob, Sample.heldDave])
        state.tab = .history
        let screen = renderer.render(state)
        #expect(screen.roles(row: 0).allSatisfy { $0 != nil }, "the status bar is styled end to end")
        #expect(screen[column(of: "●", row: 0, in: screen), 0].role == .registrationRegistered)
        #expect(screen[column(of: "✉", row: 0, in: screen), 0].role == .voicemailWaiting)
        #expect(screen[column(of: "✖", row: 0, in: screen), 0].role == .registrationFailed)
        #expect(screen[column(of: "talking", row: 3, in: screen), 3].role == .callTalking)
        #expect(screen[column(of: "on hold", row: 4, in: screen), 4].role == .callOnHold)
        #expect(screen[column(of: "SRTP", row: 3, in: screen), 3].role == .callEncrypted)
        #expect(screen[column(of: "RTP ", row: 4, in: screen), 4].role == .callUnencrypted)
        // The history pane is focused: its selected (missed) row is highlighted, the others keep their roles.
        #expect((1..<79).allSatisfy { screen[$0, 9].role == .listSelected })
        #expect(screen[column(of: "Bob Smith", row: 10, in: screen), 10].role == .historyOutgoing)
        #expect(screen[column(of: "History", row: 6, in: screen), 6].role == .listSelected, "the current tab is highlighted")
        #expect(screen[column(of: "Contacts", row: 6, in: screen), 6].role == nil)
    }

    @Test func missedCallsHaveTheirOwnStyleWhenNotSelected() {
        var state = Sample.state()
        state.tab = .history
        state.historySelection = 2
        let screen = renderer.render(state)
        let row = (0..<screen.rows).first { screen.line($0).contains("no answer") } ?? 0
        #expect(screen[column(of: "Carol", row: row, in: screen), row].role == .historyMissed)
    }

    @Test func debugPaneAt132x43ShowsListAndRawSideBySide() {
        var state = Sample.state(columns: 132, rows: 43)
        state.tab = .debug
        state.debugSelection = 1
        let screen = renderer.render(state)
        #expect(screen.line(2).hasPrefix("┌─ Debug — SIP messages ─"))
        #expect(screen.line(5).contains("← 403 Forbidden"))
        #expect(screen.line(3).contains("│ SIP/2.0 403 Forbidden"), "raw text of the selected message beside the list")
        #expect(screen.line(4).contains("│ Call-ID: reg-1@192.0.2.1"))
        #expect((3..<41).allSatisfy { screen[66, $0].character == "│" }, "one straight divider")
        let message = column(of: "REGISTER", row: 4, in: screen)
        #expect(screen[message, 4].role == .debugRequest)
        #expect(screen[message, 6].role == .debugRequest)
        #expect(screen[message, 7].role == .debugResponseOK)
        #expect(screen[message, 5].role == .listSelected)
        state.debugSelection = 0
        #expect(renderer.render(state)[message, 5].role == .debugResponseError)
    }

    @Test func debugPaneAt80x24PutsRawTextBelowAndWrapsNothingAway() {
        var state = Sample.state()
        state.tab = .debug
        let screen = renderer.render(state)
        let text = screen.text
        for header in ["Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds", "Call-ID: reg-1@192.0.2.1", "Content-Length: 0"] {
            #expect(text.contains(header), "\(header)")
        }
    }

    @Test func debugFilterByCallShowsOnlyThatDialogAndNamesIt() {
        var state = Sample.state()
        state.tab = .debug
        state.debugFilter.callID = "call-7@192.0.2.1"
        let text = renderer.render(state).text
        #expect(text.contains("Debug — SIP messages — call call-7@192.0.2.1"))
        #expect(!text.contains("REGISTER"))
        #expect(text.contains("INVITE"))
    }

    @Test func registrationTimelineShowsDiagnosis() {
        var state = Sample.state()
        state.tab = .debug
        state.debugView = .registration
        let screen = renderer.render(state)
        #expect(screen.text.contains("403 Forbidden: the registrar refused the user name"))
        let row = (0..<screen.rows).first { screen.line($0).contains("registrar refused") } ?? 0
        #expect(screen.roles(row: row).contains(.debugDiagnosis))
    }

    @Test(arguments: [(39, 24), (80, 9), (20, 5), (0, 0)])
    func tooSmallTerminalSaysSo(columns: Int, rows: Int) {
        let screen = renderer.render(Sample.state(calls: [Sample.talkingBob], columns: columns, rows: rows))
        if rows > 1 {
            #expect(screen.text.contains("Terminal too small"))
        }
        #expect(screen.rows == rows && screen.columns == columns)
    }

    @Test func smallestSupportedSizeStillShowsEveryArea() {
        var state = Sample.state(calls: [Sample.talkingBob], columns: 40, rows: 10)
        state.tab = .contacts
        let screen = renderer.render(state)
        #expect(screen.line(0).contains("work"))
        #expect(screen.line(1).hasPrefix("┌─ Calls"))
        #expect(screen.line(3).contains("Bob Smith"))
        #expect((0..<10).contains { screen.line($0).contains("F2 Contacts") })
        #expect(screen.line(9).contains("? help"))
        for row in 0..<10 { #expect(DisplayWidth.of(screen.line(row)) <= 40) }
    }

    @Test func incomingCallPopupCentredWithOneKeyAnswers() {
        let state = Sample.state(calls: [Sample.ringingCarol])
        let screen = renderer.render(state)
        let text = screen.text
        #expect(text.contains("┌─ Incoming call"))
        #expect(text.contains("a answer  x reject  i ignore"))
        let row = (0..<screen.rows).first { screen.line($0).contains("Incoming call") } ?? 0
        let left = column(of: "┌", row: row, in: screen)
        let right = screen.columns - 1 - column(of: "┐", row: row, in: screen)
        #expect(abs(left - right) <= 1, "centred: \(left) vs \(right)")
    }

    @Test func callWaitingPopupSaysAnsweringHolds() {
        let text = renderer.render(Sample.state(calls: [Sample.talkingBob, Sample.ringingCarol])).text
        #expect(text.contains("Call waiting"))
        #expect(text.contains("a answer (holds current)"))
    }

    @Test func ignoredCallNoLongerCoversTheScreen() {
        var state = Sample.state(calls: [Sample.ringingCarol])
        state.ignoredCalls = [Sample.ringingCarol.id]
        let text = renderer.render(state).text
        #expect(!text.contains("Incoming call"))
        #expect(text.contains("ringing (in)"))
    }

    @Test func wideNamesKeepColumnsAligned() {
        var state = Sample.state()
        state.tab = .contacts
        state.phone.contacts.append(ContactRow(id: "e", name: "😀 Emoji Ëve 👍🏽", addresses: ["sip:eve@example.com"]))
        state.phone.contacts.append(ContactRow(id: "k", name: "김철수김철수김철수김철수김철수김철수", addresses: ["sip:kim@example.kr"]))
        let screen = renderer.render(state)
        var addressColumns = Set<Int>()
        for row in 0..<screen.rows {
            // The display column where "sip:" starts must be the same on every contact row.
            var column = 0
            var found: Int?
            for x in 0..<screen.columns where found == nil {
                if screen[x, row].character == "s", screen[x + 1, row].character == "i", screen[x + 2, row].character == "p",
                    screen[x + 3, row].character == ":"
                {
                    found = column
                }
                column += 1
            }
            if let found { addressColumns.insert(found) }
            #expect(screen[79, row].character == "│" || row < 2 || row == 23 || screen[79, row].character == "┐" || screen[79, row].character == "┘")
        }
        #expect(addressColumns.count == 1, "address column positions: \(addressColumns)")
    }

    @Test func promptLineShowsTypedCommandAndCursor() {
        var state = Sample.state()
        state.textEntry = .prompt
        state.promptText = "call sip:bob@example.com"
        let screen = renderer.render(state)
        #expect(screen.line(23) == ":call sip:bob@example.com")
        #expect(screen.cursor == ScreenBuffer.Point(x: 25, y: 23))
        #expect(screen[0, 23].role == .prompt)
    }

    @Test func dialerShowsCompletionsWithSources() {
        var state = Sample.state()
        state.tab = .dialer
        state.textEntry = .dialer
        state.dialerText = "bo"
        let text = renderer.render(state).text
        #expect(text.contains("Call: bo"))
        #expect(text.contains("Bob Smith"))
        #expect(text.contains("sip:bob@example.com"))
        #expect(text.contains("contact"))
    }

    @Test func statusBarShowsEveryAccountStateAndTime() {
        var state = Sample.state()
        state.phone.accounts.append(AccountRow(name: "lab", registration: .registering))
        state.phone.accounts.append(AccountRow(name: "old", registration: .disabled))
        let line = renderer.render(state).line(0)
        #expect(line.contains("work ● 3:12 ✉ 2"))
        #expect(line.contains("home ✖ 403 Forbidden"))
        #expect(line.contains("lab ◌ registering"))
        #expect(line.hasSuffix("14:03"))
    }
}

/// The screen column where `text` first starts on `row` (-1 when absent).
func column(of text: String, row: Int, in screen: ScreenBuffer) -> Int {
    let needle = Array(text)
    var columns: [(Int, Character)] = []
    for x in 0..<screen.columns where !screen[x, row].isContinuation {
        columns.append((x, screen[x, row].character))
    }
    guard columns.count >= needle.count else { return -1 }
    for start in 0...(columns.count - needle.count) where columns[start..<start + needle.count].map(\.1) == needle {
        return columns[start].0
    }
    return -1
}

@Suite struct HistoryFilterLineTests {
    @Test func activeFiltersAreShownAboveTheList() {
        var state = Sample.state()
        state.tab = .history
        state.historyFilter = HistoryFilter(text: "bob", direction: .outgoing, account: "work")
        let screen = ScreenRenderer().render(state)
        #expect(screen.line(3).hasPrefix("│/bob"))
        #expect(screen.line(3).hasSuffix("outgoing · work│"))
        #expect(screen.text.contains("Bob Smith"))
        #expect(!screen.text.contains("Carol"))
    }
}

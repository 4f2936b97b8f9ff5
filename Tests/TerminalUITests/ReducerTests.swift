import Foundation
import Testing
@testable import TerminalUI

/// Feeds keys through the reducer and collects what it asks the engine to do.
struct Driver {
    var state: UIState
    var reducer = UIReducer()

    init(_ state: UIState) { self.state = state }

    @discardableResult
    mutating func press(_ keys: Key...) -> [UICommand] {
        keys.flatMap { reducer.update(&state, .key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [UICommand] {
        text.flatMap { reducer.update(&state, .key(.character($0))) }
    }

    mutating func snapshot(_ phone: PhoneSnapshot) {
        _ = reducer.update(&state, .snapshot(phone))
    }
}

@Suite struct IncomingCallTests {
    @Test func incomingCallIsAnsweredWithOneKey() {
        var driver = Driver(Sample.state(calls: [Sample.ringingCarol]))
        #expect(driver.press(.character("a")) == [.answer(callID: Sample.ringingCarol.id)])
    }

    @Test func oneKeyAnswersEvenWhileTypingInTheDialer() {
        var driver = Driver(Sample.state())
        driver.press(.function(1))
        driver.type("01")
        driver.snapshot(Sample.phone(calls: [Sample.ringingCarol]))
        #expect(driver.press(.character("a")) == [.answer(callID: Sample.ringingCarol.id)])
        #expect(driver.state.dialerText == "01")
    }

    @Test func callWaitingAnswerHoldsTheCurrentCallFirst() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob, Sample.ringingCarol]))
        #expect(driver.state.incomingPopup?.isCallWaiting == true)
        #expect(driver.press(.character("a")) == [.hold(callID: Sample.talkingBob.id), .answer(callID: Sample.ringingCarol.id)])
        #expect(driver.state.selectedCall == Sample.ringingCarol.id)
    }

    @Test func rejectAndIgnore() {
        var driver = Driver(Sample.state(calls: [Sample.ringingCarol]))
        #expect(driver.press(.character("x")) == [.reject(callID: Sample.ringingCarol.id)])
        #expect(driver.press(.character("i")) == [])
        #expect(driver.state.incomingPopup == nil)
        // Ignored calls keep ringing in the list; the popup does not come back for them...
        driver.snapshot(Sample.phone(calls: [Sample.ringingCarol]))
        #expect(driver.state.incomingPopup == nil)
        // ...until the call is gone, so a new call reusing the id pops up again.
        driver.snapshot(Sample.phone())
        driver.snapshot(Sample.phone(calls: [Sample.ringingCarol]))
        #expect(driver.state.incomingPopup?.callID == Sample.ringingCarol.id)
    }

    @Test func answerWithNothingRingingSaysSo() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        #expect(driver.press(.character("a")) == [])
        #expect(driver.state.notice == "no call to act on")
        driver.press(.character("j"))
        #expect(driver.state.notice == nil, "the next key clears a notice")
    }
}

@Suite struct CallKeyTests {
    @Test func hangUpHoldAndResume() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        #expect(driver.press(.character("h")) == [.hangUp(callID: Sample.talkingBob.id)])
        #expect(driver.press(.character("p")) == [.hold(callID: Sample.talkingBob.id)])
        var held = Sample.talkingBob
        held.state = .onHold
        driver.snapshot(Sample.phone(calls: [held]))
        #expect(driver.press(.character("p")) == [.resume(callID: held.id)])
    }

    @Test func switchingCallsHoldsTheOtherAndResumesTheSelected() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob, Sample.heldDave]))
        #expect(driver.press(.character("s")) == [.hold(callID: Sample.talkingBob.id), .resume(callID: Sample.heldDave.id)])
        #expect(driver.state.selectedCall == Sample.heldDave.id)
        var bob = Sample.talkingBob
        bob.state = .onHold
        var dave = Sample.heldDave
        dave.state = .talking
        driver.snapshot(Sample.phone(calls: [bob, dave]))
        #expect(driver.press(.character("S")) == [.hold(callID: dave.id), .resume(callID: bob.id)])
    }

    @Test func switchingWithOneCallExplains() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        #expect(driver.press(.character("s")) == [])
        #expect(driver.state.notice == "no other call to switch to")
    }

    @Test func blindTransferThroughThePrefilledPrompt() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        driver.press(.character("t"))
        #expect(driver.state.textEntry == .prompt)
        #expect(driver.state.promptText == "transfer ")
        driver.type("sip:carol@example.org")
        #expect(driver.press(.enter) == [.transfer(callID: Sample.talkingBob.id, target: "sip:carol@example.org")])
        #expect(driver.state.textEntry == nil)
    }

    @Test func attendedTransferConsultThenComplete() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        driver.press(.character("T"))
        driver.type("sip:carol@example.org")
        #expect(driver.press(.enter) == [.consult(callID: Sample.talkingBob.id, target: "sip:carol@example.org")])
        var held = Sample.talkingBob
        held.state = .onHold
        let consultation = CallRow(id: CallID("c9"), remoteURI: "sip:carol@example.org", account: "work", state: .talking)
        driver.snapshot(Sample.phone(calls: [held, consultation]))
        #expect(driver.press(.control("t")) == [.completeTransfer(callID: held.id, consultationID: consultation.id)])
    }

    @Test func keypadSendsDTMFAndLeavesWithEscape() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        driver.press(.character("k"))
        #expect(driver.state.isKeypadActive)
        let sent = driver.type("12#*")
        #expect(sent == ["1", "2", "#", "*"].map { .sendDTMF(callID: Sample.talkingBob.id, digits: $0) })
        #expect(driver.press(.character("h")) == [.hangUp(callID: Sample.talkingBob.id)], "hang-up works with the keypad open")
        driver.press(.escape)
        #expect(!driver.state.isKeypadActive)
        #expect(driver.type("1") == [])
    }

    @Test func muteAndRecordToggleFromTheCallsState() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        #expect(driver.press(.character("m")) == [.setMuted(callID: Sample.talkingBob.id, muted: true)])
        var muted = Sample.talkingBob
        muted.isMuted = true
        driver.snapshot(Sample.phone(calls: [muted]))
        #expect(driver.press(.character("m")) == [.setMuted(callID: muted.id, muted: false)])
        #expect(driver.press(.character("R")) == [.setRecording(callID: muted.id, recording: true)])
    }

    @Test func quitWithCallsAsksOnceThenHangsUp() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        #expect(driver.press(.character("q")) == [])
        #expect(driver.state.notice?.contains("press q again") == true)
        #expect(driver.press(.character("q")) == [.hangUp(callID: Sample.talkingBob.id), .quit])
        var idle = Driver(Sample.state())
        #expect(idle.press(.character("q")) == [.quit])
    }

    @Test func focusMovesBetweenCallsAndListsAndSelectsCalls() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob, Sample.heldDave]))
        driver.press(.tab)
        #expect(driver.state.focus == .calls)
        driver.press(.down)
        #expect(driver.state.selectedCall == Sample.heldDave.id)
        #expect(driver.press(.enter) == [.hold(callID: Sample.talkingBob.id), .resume(callID: Sample.heldDave.id)])
        driver.press(.tab)
        #expect(driver.state.focus == .main)
    }
}

@Suite struct DialerTests {
    @Test func typingANumberAndEnterDialsItNormalised() {
        var driver = Driver(Sample.state())
        driver.press(.character("d"))
        #expect(driver.state.textEntry == .dialer)
        driver.type("+49 (171) 555-01")
        #expect(driver.press(.enter) == [.dial(uri: "+4917155501", account: "work")])
        #expect(driver.state.dialerText == "")
        #expect(driver.state.focus == .calls)
    }

    @Test func sipURIIsDialledAsTyped() {
        var driver = Driver(Sample.state())
        driver.press(.function(1))
        driver.type("sip:echo@example.net")
        #expect(driver.press(.enter) == [.dial(uri: "sip:echo@example.net", account: "work")])
    }

    @Test func completionFromContactsByPrefixThenSubstring() {
        var state = Sample.state()
        state.dialerText = "bo"
        let completions = state.dialerCompletions
        #expect(completions.first?.label == "Bob Smith")
        #expect(completions.map(\.address).contains("sip:bob@example.com"))
        // "ba" is a substring of "Robert Baker" only.
        state.dialerText = "bak"
        #expect(state.dialerCompletions.map(\.label) == ["Robert Baker"])
    }

    @Test func completionMatchesDigitsWhateverTheFormatting() {
        var state = Sample.state()
        state.dialerText = "0171 234"
        #expect(state.dialerCompletions.isEmpty, "0171 is not a substring of 49171…")
        state.dialerText = "171-234"
        #expect(state.dialerCompletions.map(\.address) == ["+49 171 2345678"])
        state.dialerText = "4930"
        #expect(state.dialerCompletions.map(\.source) == [.history])
    }

    @Test func completionsAreDeduplicatedAcrossContactsAndHistory() {
        var state = Sample.state()
        state.dialerText = "carol"
        #expect(state.dialerCompletions.map(\.address) == ["sip:carol@example.org"])
        #expect(state.dialerCompletions.first?.source == .contact)
    }

    @Test func arrowsChooseACompletionAndTabOrEnterUseIt() {
        var driver = Driver(Sample.state())
        driver.press(.function(1))
        driver.type("bob")
        driver.press(.down)
        #expect(driver.state.dialerCompletionIndex == 0)
        driver.press(.down)
        #expect(driver.state.dialerCompletionIndex == 1)
        driver.press(.up, .up)
        #expect(driver.state.dialerCompletionIndex == nil, "back to the text as typed")
        driver.press(.tab)
        #expect(driver.state.dialerText == "sip:bob@example.com")
        driver.press(.backspace, .backspace, .backspace, .backspace)
        driver.press(.down)
        #expect(driver.press(.enter) == [.dial(uri: "sip:bob@example.com", account: "work")])
    }

    @Test func accountIsChosenWithLeftAndRight() {
        var driver = Driver(Sample.state())
        driver.press(.function(1))
        driver.press(.right)
        #expect(driver.state.effectiveDialerAccount == "home")
        driver.type("sip:x@y")
        #expect(driver.press(.enter) == [.dial(uri: "sip:x@y", account: "home")])
    }

    @Test func escapeLeavesTheFieldSoLetterKeysAreCommandsAgain() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        driver.press(.function(1))
        driver.type("h")
        #expect(driver.state.dialerText == "h")
        driver.press(.escape)
        #expect(driver.press(.character("h")) == [.hangUp(callID: Sample.talkingBob.id)])
    }
}

@Suite struct ListTests {
    @Test func contactSearchAsYouTypeAndCall() {
        var driver = Driver(Sample.state())
        driver.press(.function(2), .character("/"))
        driver.type("rob")
        #expect(driver.state.visibleContacts.map(\.name) == ["Robert Baker"])
        driver.press(.enter)
        #expect(driver.state.textEntry == nil)
        #expect(driver.press(.enter) == [.dial(uri: "sip:rob@example.com", account: "work")])
        driver.press(.character("/"))
        driver.press(.escape)
        #expect(driver.state.visibleContacts.count == Sample.contacts.count)
    }

    @Test func contactSearchMatchesNumbersByDigits() {
        var state = Sample.state()
        state.contactsSearch = "1712345"
        #expect(state.visibleContacts.map(\.name) == ["Bob Smith"])
        state.contactsSearch = "王"
        #expect(state.visibleContacts.map(\.name) == ["王小明"])
    }

    @Test func historyFiltersByDirectionAccountTextAndDate() {
        var driver = Driver(Sample.state())
        driver.press(.function(3))
        driver.press(.character("f"))
        #expect(driver.state.visibleHistory.map(\.id) == ["h3"])
        driver.press(.character("f"), .character("f"))
        #expect(driver.state.visibleHistory.map(\.id) == ["h1"])
        driver.press(.character("f"))
        #expect(driver.state.visibleHistory.count == 3)
        driver.press(.character("F"))
        #expect(driver.state.historyFilter.account == "work")
        #expect(driver.state.visibleHistory.map(\.id) == ["h2", "h3"])
        driver.press(.character("/"))
        driver.type("bob")
        #expect(driver.state.visibleHistory.map(\.id) == ["h2"])
        var filter = HistoryFilter(since: sampleNow.addingTimeInterval(-7200), until: sampleNow.addingTimeInterval(-3599))
        #expect(Sample.history.filter(filter.admits).map(\.id) == ["h1", "h2"], "since inclusive")
        filter.until = sampleNow.addingTimeInterval(-3600)
        #expect(Sample.history.filter(filter.admits).map(\.id) == ["h2"], "until exclusive")
        filter.since = sampleNow.addingTimeInterval(-7199)
        #expect(Sample.history.filter(filter.admits).isEmpty)
    }

    /// `:dates` sets the history's date range, in days of the UI's time zone (UTC here; now
    /// is 2024-05-01 14:03, h1 and h2 are that day, h3 three days before).
    @Test func datesFromThePromptSetTheHistoryRange() {
        var driver = Driver(Sample.state())
        func dates(_ arguments: String) -> [String] {
            driver.press(.character(":"))
            driver.type("dates " + arguments)
            driver.press(.enter)
            return driver.state.visibleHistory.map(\.id)
        }
        #expect(dates("today") == ["h1", "h2"])
        #expect(driver.state.tab == .history)
        #expect(driver.state.historyFilter.tagSummary == "since today")
        #expect(dates("2024-04-28 2024-04-28") == ["h3"], "one whole day")
        #expect(driver.state.historyFilter.tagSummary == "2024-04-28…2024-04-28")
        #expect(dates("2024-04-29 2024-04-30") == [])
        #expect(dates("3d") == ["h1", "h2", "h3"])
        #expect(dates("yesterday") == ["h1", "h2"])
        #expect(dates("") == ["h1", "h2", "h3"], "a bare dates lists every date")
        #expect(driver.state.historyFilter.tagSummary == "")

        _ = dates("2024-05-02 2024-05-01")
        #expect(driver.state.notice == "dates: 2024-05-01 is before 2024-05-02")
        driver.press(.escape)
        _ = dates("2024-02-30")
        #expect(driver.state.notice == "dates: there is no day 2024-02-30")
        driver.press(.escape)
        _ = dates("soon")
        #expect(driver.state.notice?.contains("\"soon\" is not a day") == true, "\(driver.state.notice ?? "")")
    }

    @Test func daysAreReadAsTyped() {
        #expect(DaySpec.parse("2026-11-01") == .date(year: 2026, month: 11, day: 1))
        #expect(DaySpec.parse("TODAY") == .daysAgo(0))
        #expect(DaySpec.parse("yesterday") == .daysAgo(1))
        #expect(DaySpec.parse("7d") == .daysAgo(7))
        for bad in ["2026-13-01", "2026-1-01", "26-11-01", "-1d", "d", "2026-11-01x", ""] {
            #expect(DaySpec.parse(bad) == nil, "\(bad)")
        }
        #expect(DaySpec.date(year: 2026, month: 2, day: 30).start(now: sampleNow, timeZone: utc) == nil)
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        #expect(DaySpec.daysAgo(0).start(now: sampleNow, timeZone: berlin) == Date(timeIntervalSince1970: 1_714_514_400), "midnight in Berlin (UTC+2)")
    }

    @Test func historyRedialAddAndDelete() {
        var driver = Driver(Sample.state())
        driver.press(.function(3), .down)
        #expect(driver.press(.character("r")) == [.dial(uri: "sip:bob@example.com", account: "work")])
        #expect(driver.press(.character("D")) == [.deleteHistoryEntry(id: "h2")])
        driver.press(.down)
        driver.press(.character("+"))
        #expect(driver.state.promptText == "contact-add \"\" sip:+4930123456@example.com")
        driver.press(.character("\u{7F}"))
        driver.state.promptText = "contact-add \"Anna Berlin\" sip:+4930123456@example.com"
        #expect(driver.press(.enter) == [.addContact(name: "Anna Berlin", address: "sip:+4930123456@example.com")])
    }

    @Test func redialOutsideHistoryUsesTheMostRecentCall() {
        var driver = Driver(Sample.state())
        #expect(driver.press(.character("r")) == [.dial(uri: "sip:carol@example.org", account: "home")])
    }

    @Test func selectionStaysInRangeWhenTheListShrinks() {
        var driver = Driver(Sample.state())
        driver.press(.function(2), .pageDown)
        #expect(driver.state.contactsSelection == 3)
        var phone = Sample.phone()
        phone.contacts = Array(phone.contacts.prefix(1))
        driver.snapshot(phone)
        #expect(driver.state.contactsSelection == 0)
        #expect(driver.press(.character("D")) == [.deleteContact(id: "u1")])
    }

    @Test func debugPaneFollowsADialogAndFiltersByAccount() {
        var driver = Driver(Sample.state())
        driver.press(.function(5), .down, .down)
        driver.press(.character("f"))
        #expect(driver.state.debugFilter.callID == "call-7@192.0.2.1")
        #expect(driver.state.visibleSIPMessages.count == 2)
        driver.press(.character("f"))
        #expect(driver.state.debugFilter.callID == nil)
        driver.press(.character("F"), .character("F"))
        #expect(driver.state.debugFilter.account == "home")
        #expect(driver.state.visibleSIPMessages.map(\.summaryText) == ["REGISTER", "403 Forbidden"])
        driver.press(.character("v"))
        #expect(driver.state.debugView == .registration)
        #expect(driver.state.visibleRegistrationSteps.count == 3)
    }

    @Test func exportAndMessageOpenPrefilledPrompts() {
        var driver = Driver(Sample.state())
        driver.press(.function(5), .character("E"))
        #expect(driver.press(.enter) == [.exportTrace(path: "dialtone-trace.pcap", format: .pcap)])
        driver.press(.function(2), .character("w"))
        #expect(driver.state.promptText == "message sip:bob@example.com ")
        driver.type("see you at 3")
        #expect(driver.press(.enter) == [.sendMessage(to: "sip:bob@example.com", text: "see you at 3", account: nil)])
    }
}

@Suite struct PromptTests {
    @Test func commandPromptRunsTheCommandLanguage() {
        var driver = Driver(Sample.state())
        driver.press(.character(":"))
        driver.type("call sip:bob@example.com account=home")
        #expect(driver.press(.enter) == [.dial(uri: "sip:bob@example.com", account: "home")])
        #expect(driver.state.textEntry == nil)
        #expect(driver.state.promptText == "")
    }

    @Test func promptErrorKeepsTheLineForCorrection() {
        var driver = Driver(Sample.state())
        driver.press(.character(":"))
        driver.type("hnagup")
        #expect(driver.press(.enter) == [])
        #expect(driver.state.textEntry == .prompt)
        #expect(driver.state.promptText == "hnagup")
        #expect(driver.state.notice?.contains("did you mean \"hangup\"") == true)
        driver.press(.escape)
        #expect(driver.state.textEntry == nil)
    }

    @Test func helpCommandShowsTheCommandList() {
        var driver = Driver(Sample.state())
        driver.press(.character(":"))
        driver.type("help")
        driver.press(.enter)
        guard case .commands(let lines) = driver.state.overlay else {
            Issue.record("no command list")
            return
        }
        #expect(lines.count == CommandTable.commands.count)
        driver.press(.character("z"))
        #expect(driver.state.overlay == nil, "any key closes it")
    }

    @Test func questionMarkOpensHelpAndResizeAndTickUpdate() {
        var driver = Driver(Sample.state())
        driver.press(.character("?"))
        #expect(driver.state.overlay == .help)
        _ = driver.reducer.update(&driver.state, .resize(columns: 100, rows: 30))
        _ = driver.reducer.update(&driver.state, .tick(sampleNow.addingTimeInterval(60)))
        #expect(driver.state.columns == 100 && driver.state.rows == 30)
        #expect(ScreenRenderer().render(driver.state).line(0).hasPrefix("┌─ Keys"))
        driver.press(.escape)
        #expect(ScreenRenderer().render(driver.state).line(0).hasSuffix("14:04"))
    }
}

/// The first-run screen: `w` asks for the starter file, quit and `:` work at once, any other
/// key continues without accounts.
@Suite struct FirstRunReducerTests {
    let reducer = UIReducer()

    func firstRunState() -> UIState {
        var state = UIState(now: sampleNow, timeZone: utc)
        state.overlay = .firstRun(configPath: "/home/a/.config/dialtone/config.toml")
        return state
    }

    @Test func wWritesTheStarterConfigToTheShownPath() {
        var state = firstRunState()
        #expect(reducer.update(&state, .key(.character("w"))) == [.writeStarterConfig(path: "/home/a/.config/dialtone/config.toml")])
        #expect(state.overlay == nil)
    }

    @Test func quitAndPromptWorkFromTheScreen() {
        var state = firstRunState()
        #expect(reducer.update(&state, .key(.character("q"))) == [.quit])
        state = firstRunState()
        #expect(reducer.update(&state, .key(.character(":"))) == [])
        #expect(state.textEntry == .prompt)
    }

    @Test func anyOtherKeyContinues() {
        var state = firstRunState()
        #expect(reducer.update(&state, .key(.character("z"))) == [])
        #expect(state.overlay == nil)
    }

    @Test func theScreenNamesThePathAndTheKeys() {
        let screen = ScreenRenderer().render(firstRunState()).text
        #expect(screen.contains("/home/a/.config/dialtone/config.toml"))
        #expect(screen.contains("w  write a starter configuration"))
        #expect(screen.contains(":call sip:user@host"))
    }
}

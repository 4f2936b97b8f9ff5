import Foundation
import Testing
@testable import TerminalUI

/// Mute/record flags, runtime themes, the incoming-call alert and the scrolling help screen.
@Suite struct MuteRecordRowTests {
    @Test func theCallRowSaysMutedAndRec() {
        var call = Sample.talkingBob
        call.isMuted = true
        call.isRecording = true
        let screen = ScreenRenderer().render(Sample.state(calls: [call])).text
        let row = screen.split(separator: "\n").first { $0.contains("talking") }.map(String.init) ?? ""
        #expect(row.contains("MUTED REC"), "\(screen)")
        let plain = ScreenRenderer().render(Sample.state(calls: [Sample.talkingBob])).text
        #expect(!plain.contains("MUTED") && !plain.contains("REC"))
    }

    @Test func keysAndCommandsMuteAndRecordTheCurrentCall() {
        var driver = Driver(Sample.state(calls: [Sample.talkingBob]))
        #expect(driver.press(.character("m")) == [.setMuted(callID: Sample.talkingBob.id, muted: true)])
        #expect(driver.press(.character("R")) == [.setRecording(callID: Sample.talkingBob.id, recording: true)])
        driver.press(.character(":"))
        driver.type("record off")
        #expect(driver.press(.enter) == [.setRecording(callID: Sample.talkingBob.id, recording: false)])
    }
}

@Suite struct ThemeCommandTests {
    @Test func theThemeCommandAndKeyAskForATheme() {
        #expect(CommandParser.parse("theme light") == .success(.theme(name: "light")))
        #expect(CommandParser.parse("theme") == .success(.theme(name: nil)))
        var driver = Driver(Sample.state())
        #expect(driver.press(.character("C")) == [.setTheme(name: nil)])
        driver.press(.character(":"))
        driver.type("theme monochrome")
        #expect(driver.press(.enter) == [.setTheme(name: "monochrome")])
    }
}

@Suite struct IncomingCallAlertTests {
    @Test func theCallerGoesInAsArgumentsAndEnvironmentNeverThroughAShell() throws {
        let alert = IncomingCallAlert(bell: true, notifyCommand: ["notify-send", "Incoming call"])
        let hostile = "Eve $(touch /tmp/pwned); `id` \u{1B}[2J\nline2"
        let launch = try #require(alert.launch(
            callerName: hostile, callerURI: "sip:eve@example.com", account: "home", environment: ["PATH": "/usr/bin"]))
        #expect(launch.executable == "notify-send")
        #expect(launch.arguments.count == 4)
        #expect(Array(launch.arguments.prefix(2)) == ["notify-send", "Incoming call"])
        // Passed verbatim as one argument (no shell to interpret `$(…)`), control characters blanked.
        #expect(launch.arguments[2] == "Eve $(touch /tmp/pwned); `id`  [2J line2")
        #expect(launch.arguments[3] == "sip:eve@example.com")
        #expect(launch.environment["DIALTONE_CALLER_NAME"] == launch.arguments[2])
        #expect(launch.environment["DIALTONE_CALLER_URI"] == "sip:eve@example.com")
        #expect(launch.environment["DIALTONE_ACCOUNT"] == "home")
        #expect(launch.environment["PATH"] == "/usr/bin")
    }

    @Test func withoutANameTheAddressIsShownAndNothingRunsUnconfigured() throws {
        let alert = IncomingCallAlert(bell: false, notifyCommand: ["/usr/bin/logger"])
        let launch = try #require(alert.launch(callerName: nil, callerURI: "sip:bob@x", account: "a", environment: [:]))
        #expect(launch.arguments == ["/usr/bin/logger", "sip:bob@x", "sip:bob@x"])
        #expect(IncomingCallAlert().launch(callerName: "x", callerURI: "sip:x@y", account: "a", environment: [:]) == nil)
        let long = String(repeating: "a", count: 5000)
        #expect(alert.launch(callerName: long, callerURI: "sip:x@y", account: "a", environment: [:])?.arguments[1].count == 200)
    }
}

@Suite struct HelpScrollTests {
    @Test func theHelpScrollsWhenLongerThanTheTerminalAndStopsAtTheEnd() {
        var driver = Driver(Sample.state(columns: 40, rows: 12))
        driver.press(.character("?"))
        let first = ScreenRenderer().render(driver.state).text
        #expect(first.contains("scroll"), "\(first)")
        #expect(first.contains("Calls"))
        driver.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(driver.state.overlay == .help, "scroll keys keep the help open")
        let last = ScreenRenderer().render(driver.state).text
        #expect(last.contains("quit"), "the last entry is reachable:\n\(last)")
        #expect(!last.contains("answer"))
        let end = driver.state.helpScroll
        driver.press(.down)
        #expect(driver.state.helpScroll == end, "no scrolling past the end")
        driver.press(.up)
        #expect(driver.state.helpScroll == end - 1)
        driver.press(.escape)
        #expect(driver.state.overlay == nil)
    }

    @Test func aHelpThatFitsDoesNotScroll() {
        var driver = Driver(Sample.state(columns: 160, rows: 50))
        driver.press(.character("?"), .down)
        #expect(driver.state.helpScroll == 0)
        #expect(!ScreenRenderer().render(driver.state).text.contains("scroll"))
    }
}

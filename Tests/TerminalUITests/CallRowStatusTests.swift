import Foundation
import Testing
import Themes
@testable import TerminalUI

/// What the State column says beyond the call state: the peer's audio stopped, a transfer in
/// flight and how it ended. Rendered into the in-memory grid, text and role checked.
@Suite struct CallRowStatusTests {
    let renderer = ScreenRenderer()

    /// The calls-area row of the first call, and the role of the State column's first cell.
    func stateCell(_ call: CallRow, now: Date = sampleNow) -> (line: String, role: Role?) {
        var state = Sample.state(calls: [call])
        state.now = now
        let screen = renderer.render(state)
        let x = column(of: "State", row: 2, in: screen)
        return (screen.line(3), screen[x, 3].role)
    }

    @Test func silenceFromThePeerIsCountedUpInTheWarningRole() {
        var call = Sample.talkingBob
        call.noAudioSince = sampleNow.addingTimeInterval(-12)
        var cell = stateCell(call)
        #expect(cell.line.contains("no audio 12s"), "\(cell.line)")
        #expect(!cell.line.contains("talking"))
        #expect(cell.role == .callNoMedia)

        // The clock moves on: the count follows without a new engine event.
        cell = stateCell(call, now: sampleNow.addingTimeInterval(63))
        #expect(cell.line.contains("no audio 1:15"), "\(cell.line)")

        call.noAudioSince = nil
        cell = stateCell(call)
        #expect(cell.line.contains("talking") && !cell.line.contains("no audio"))
        #expect(cell.role == .callTalking)
    }

    @Test func theFlagFitsEightyColumnsWithMutedAndRec() {
        var call = Sample.talkingBob
        call.noAudioSince = sampleNow.addingTimeInterval(-5)
        call.isMuted = true
        call.isRecording = true
        let line = stateCell(call).line
        #expect(line.contains("no audio 5s") && line.contains("MUTED REC"), "\(line)")
        #expect(line.count == 80)
    }

    @Test func aTransferShowsProgressThenItsResult() {
        var call = Sample.talkingBob
        call.transfer = .inProgress(statusCode: nil)
        var cell = stateCell(call)
        #expect(cell.line.contains("transferring…"), "\(cell.line)")
        #expect(cell.role == .callDialling)

        call.transfer = .inProgress(statusCode: 180)
        #expect(stateCell(call).line.contains("transferring…"))

        call.transfer = .succeeded
        #expect(stateCell(call).line.contains("transferred"))

        call.transfer = .failed(statusCode: 486, reasonPhrase: "Busy Here")
        cell = stateCell(call)
        #expect(cell.line.contains("transfer ✗ 486"), "\(cell.line)")
        #expect(cell.role == .callNoMedia, "a failure is a warning")
    }

    @Test func aTransferWinsOverTheNoAudioFlag() {
        var call = Sample.talkingBob
        call.noAudioSince = sampleNow.addingTimeInterval(-20)
        call.transfer = .inProgress(statusCode: nil)
        let line = stateCell(call).line
        #expect(line.contains("transferring…") && !line.contains("no audio"))
    }

    @Test func everyShippedThemeStylesTheWarning() {
        for theme in Theme.builtins {
            #expect(theme.style(for: .callNoMedia) != .plain, "\(theme.name)")
        }
    }
}

/// Unread counts per conversation: shown in the list and on the tab, gone once opened.
@Suite struct UnreadConversationTests {
    static let carol = Conversation(
        remoteName: "Carol", remoteURI: "sip:carol@example.org", account: "home",
        messages: [.init(direction: .received, time: sampleNow.addingTimeInterval(-60), text: "ping")], unreadCount: 3)

    func phone(_ conversations: [Conversation]) -> PhoneSnapshot {
        var phone = Sample.phone()
        phone.conversations = conversations
        return phone
    }

    @Test func theTabAndTheListCountUnreadMessages() {
        var state = Sample.state()
        state.phone = phone([Self.carol, Sample.conversations[0]])
        var screen = renderer.render(state).text
        #expect(screen.contains("F4 Messages (4)"), "\(screen)")
        state.tab = .messages
        state.messagesSelection = 1
        screen = renderer.render(state).text
        let carolLine = screen.split(separator: "\n").first { $0.contains("Carol") } ?? ""
        #expect(carolLine.contains("(3)"), "\(screen)")

        state.phone = phone([Sample.conversations[0]].map { var read = $0; read.unreadCount = 0; return read })
        screen = renderer.render(state).text
        #expect(screen.contains("F4 Messages ") && !screen.contains("Messages ("), "no count when all is read")
    }

    let renderer = ScreenRenderer()

    @Test func openingAConversationReadsIt() {
        var driver = Driver(Sample.state())
        driver.snapshot(phone([Self.carol, Sample.conversations[0]]))
        // Elsewhere, nothing is read.
        #expect(driver.press(.function(2)) == [])
        let read = driver.press(.function(4))
        #expect(read == [.markConversationRead(remoteURI: "sip:carol@example.org", account: "home")])

        // Once the app marked it read, moving to the next (unread) conversation reads that one.
        var carolRead = Self.carol
        carolRead.unreadCount = 0
        #expect(driver.reducer.update(&driver.state, .snapshot(phone([carolRead, Sample.conversations[0]]))) == [])
        #expect(driver.press(.down) == [.markConversationRead(remoteURI: "sip:bob@example.com", account: "work")])
    }

    @Test func aMessageArrivingInTheOpenConversationIsReadAtOnce() {
        var driver = Driver(Sample.state())
        driver.snapshot(phone([]))
        driver.press(.function(4))
        let commands = driver.reducer.update(&driver.state, .snapshot(phone([Self.carol])))
        #expect(commands == [.markConversationRead(remoteURI: "sip:carol@example.org", account: "home")])
    }

    @Test func nothingIsReadUnderTheHelpScreen() {
        var driver = Driver(Sample.state())
        driver.snapshot(phone([]))
        driver.press(.function(4))
        driver.press(.character("?"))
        #expect(driver.state.overlay == .help)
        #expect(driver.reducer.update(&driver.state, .snapshot(phone([Self.carol]))) == [])
    }
}

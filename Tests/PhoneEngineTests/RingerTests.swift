import Foundation
import MediaEngine
import PhoneEngine
import Synchronization
import Testing
import TestSupport

/// Which alert plays for which calls (pure rules), and the engine driving a player as real
/// calls come and go.
@Suite struct RingerRulesTests {
    let rules = RingerRules()

    @Test func nothingIncomingIsSilence() {
        #expect(rules.sound(for: []) == nil)
        #expect(rules.sound(for: [.active, .held]) == nil)
        #expect(rules.sound(for: [.dialing]) == nil)
    }

    @Test func anIncomingCallWhileIdleRings() {
        #expect(rules.sound(for: [.incoming]) == .ringtone)
        #expect(rules.sound(for: [.incoming, .incoming]) == .ringtone)
    }

    @Test func anIncomingCallDuringAnotherGetsTheCallWaitingTone() {
        for busy: CallSnapshot.State in [.active, .held, .dialing, .ringing, .earlyMedia] {
            #expect(rules.sound(for: [busy, .incoming]) == .callWaiting, "\(busy)")
        }
        #expect(RingerRules(callWaitingTone: false).sound(for: [.active, .incoming]) == nil)
    }

    @Test func noRingtoneConfiguredStaysSilentWhenIdle() {
        let silent = RingerRules(ringtone: nil)
        #expect(silent.sound(for: [.incoming]) == nil)
        #expect(silent.sound(for: [.active, .incoming]) == .callWaiting)
    }
}

/// Records what the engine asks to play (the sound server is tested on its own).
final class RecordingAlertPlayer: AlertPlayer {
    private let sounds = Mutex<[AlertSound?]>([])
    func play(_ sound: AlertSound?) { sounds.withLock { $0.append(sound) } }
    /// The requests with repeats collapsed: what a listener would hear change.
    var changes: [AlertSound?] {
        sounds.withLock { list in
            list.reduce(into: [AlertSound?]()) { result, sound in if result.last != .some(sound) { result.append(sound) } }
        }
    }
    var current: AlertSound? { sounds.withLock { $0.last ?? nil } }

    func wait(for sound: AlertSound?, within limit: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if current == sound { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return current == sound
    }
}

@Suite(.timeLimit(.minutes(2))) struct RingerEngineTests {
    @Test func theRingtonePlaysUntilAnswerAndASecondCallGetsTheCallWaitingTone() async throws {
        let player = RecordingAlertPlayer()
        let alice = try await TestPhone.start("alice")
        let carol = try await TestPhone.start("carol")
        let bob = try await TestPhone.start("bob", alerts: player)
        _ = try await alice.engine.dial(bob.uri)
        let first = try #require(await bob.waitFor("incoming"))
        #expect(await player.wait(for: .ringtone))
        #expect(await bob.engine.answer(first.call))
        #expect(await player.wait(for: nil), "answering stops the ringtone")

        _ = try await carol.engine.dial(bob.uri)
        let second = try #require(await bob.waitFor("incoming", count: 2))
        #expect(second.call != first.call)
        #expect(await player.wait(for: .callWaiting))
        #expect(await bob.engine.reject(second.call))
        #expect(await player.wait(for: nil), "rejecting the waiting call stops its tone")
        #expect(player.changes == [nil, .ringtone, nil, .callWaiting, nil] || player.changes == [.ringtone, nil, .callWaiting, nil],
                "\(player.changes)")
        await alice.stop()
        await carol.stop()
        await bob.stop()
    }

    @Test func aCallerWhoGivesUpStopsTheRinging() async throws {
        let player = RecordingAlertPlayer()
        let alice = try await TestPhone.start("alice")
        let bob = try await TestPhone.start("bob", alerts: player)
        let outgoing = try await alice.engine.dial(bob.uri)
        _ = try #require(await bob.waitFor("incoming"))
        #expect(await player.wait(for: .ringtone))
        #expect(await alice.engine.hangUp(outgoing))
        _ = try #require(await bob.waitFor("ended"))
        #expect(await player.wait(for: nil))
        await alice.stop()
        await bob.stop()
    }
}

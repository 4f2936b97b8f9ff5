import MediaEngine
import Synchronization

/// Which alert the calls in progress call for — pure, so the rules are unit-tested:
/// an incoming call rings; an incoming call while we are already in (or placing) another call
/// gets the discreet call-waiting tone instead, so the conversation is not drowned; nothing
/// incoming, nothing plays.
public struct RingerRules: Sendable, Hashable {
    /// Nil: incoming calls make no sound when we are idle.
    public var ringtone: AlertSound?
    /// False: a second call during a conversation makes no sound (the UI still shows it).
    public var callWaitingTone: Bool

    public init(ringtone: AlertSound? = .ringtone, callWaitingTone: Bool = true) {
        self.ringtone = ringtone
        self.callWaitingTone = callWaitingTone
    }

    public func sound(for states: some Collection<CallSnapshot.State>) -> AlertSound? {
        guard states.contains(.incoming) else { return nil }
        let busy = states.contains { state in
            switch state {
            case .dialing, .ringing, .earlyMedia, .active, .held: true
            case .incoming, .ended: false
            }
        }
        if !busy { return ringtone }
        return callWaitingTone ? .callWaiting : nil
    }
}

/// Watches the engine's call snapshots and keeps an `AlertPlayer` playing what `RingerRules`
/// says. Fed synchronously from the event sink, so the ringtone starts with the `incoming`
/// snapshot and stops with the one that answers or ends the call.
final class Ringer: Sendable {
    private let rules: RingerRules
    private let player: any AlertPlayer
    private let states = Mutex<[CallID: CallSnapshot.State]>([:])

    init(rules: RingerRules, player: any AlertPlayer) {
        self.rules = rules
        self.player = player
    }

    func observe(_ event: EngineEvent) {
        guard case .call(let snapshot) = event else { return }
        let sound = states.withLock { states -> AlertSound? in
            states[snapshot.id] = snapshot.state == .ended ? nil : snapshot.state
            return rules.sound(for: states.values)
        }
        player.play(sound)
    }

    func silence() {
        states.withLock { $0.removeAll() }
        player.play(nil)
    }
}

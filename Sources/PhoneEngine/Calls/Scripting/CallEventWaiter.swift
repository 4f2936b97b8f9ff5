import Foundation
import Synchronization

/// Follows engine events for the command-line runners: registration results and call ends,
/// read without awaiting the engine.
final class CallEventWaiter: Sendable {
    private struct State {
        var registration: [String: String?] = [:]
        var answered: Set<CallID> = []
        var ended: [CallID: (code: Int?, reason: String)] = [:]
    }

    private let state = Mutex(State())
    /// Signalled on every event taken, on a stop request and by `poke` (deadlines).
    private let changes = ChangeSignal()
    let stop: StopRequest

    init(stop: StopRequest) {
        self.stop = stop
        stop.forward(to: changes)
    }

    func take(_ event: EngineEvent) {
        state.withLock { state in
            switch event {
            case .account(let snapshot):
                switch snapshot.status {
                case .registered: state.registration[snapshot.name] = .some(nil)
                case .failed(let diagnosis, _): state.registration[snapshot.name] = .some(diagnosis)
                case .disabled, .idle, .registering, .unregistering, .unregistered: break
                }
            case .callEvent(let notification):
                switch notification.kind {
                case .answered: state.answered.insert(notification.call)
                case .ended(let code, let reason, _): state.ended[notification.call] = (code, reason)
                default: break
                }
            case .registrationStep, .trace, .notice, .call, .message: break
            }
        }
        changes.signal()
    }

    /// Wakes the waits so they look again (a deadline has passed).
    func poke() { changes.signal() }

    /// Waits until `check` gives a value; `check` runs again after every change.
    func until<Value>(_ check: () async -> Value?) async -> Value {
        while true {
            let generation = changes.generation
            if let value = await check() { return value }
            await changes.wait(after: generation)
        }
    }

    /// nil once registered; the diagnosis when it failed.
    func registration(of account: String) async -> String? {
        await until { () -> String?? in
            if let result = state.withLock({ $0.registration[account] }) { return .some(result) }
            return stop.isRequested ? .some("interrupted") : nil
        }
    }

    /// True once answered, false once ended unanswered; a stop request cancels the attempt.
    func answeredOrEnded(_ id: CallID, engine: PhoneEngine) async -> Bool {
        var cancelled = false
        return await until { () -> Bool? in
            let (answered, ended) = state.withLock { ($0.answered.contains(id), $0.ended[id] != nil) }
            if answered { return true }
            if ended { return false }
            if stop.isRequested && !cancelled {
                cancelled = true
                _ = await engine.hangUp(id)
            }
            return nil
        }
    }

    func hasEnded(_ id: CallID) -> Bool {
        state.withLock { $0.ended[id] != nil }
    }

    func ended(_ id: CallID) async -> (code: Int?, reason: String) {
        await until { state.withLock { $0.ended[id] } }
    }
}

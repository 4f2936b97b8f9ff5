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
    }

    /// nil once registered; the diagnosis when it failed.
    func registration(of account: String, interrupted: @Sendable () -> Bool) async -> String? {
        while true {
            if let result = state.withLock({ $0.registration[account] }) { return result }
            if interrupted() { return "interrupted" }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// True once answered, false once ended unanswered; an interrupt cancels the attempt.
    func answeredOrEnded(_ id: CallID, interrupted: @Sendable () -> Bool, engine: PhoneEngine) async -> Bool {
        var cancelled = false
        while true {
            let (answered, ended) = state.withLock { ($0.answered.contains(id), $0.ended[id] != nil) }
            if answered { return true }
            if ended { return false }
            if interrupted() && !cancelled {
                cancelled = true
                _ = await engine.hangUp(id)
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    func hasEnded(_ id: CallID) -> Bool {
        state.withLock { $0.ended[id] != nil }
    }

    func ended(_ id: CallID) async -> (code: Int?, reason: String) {
        while true {
            if let end = state.withLock({ $0.ended[id] }) { return end }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

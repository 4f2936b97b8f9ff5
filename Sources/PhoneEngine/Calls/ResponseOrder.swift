import Synchronization
import SIPSyntax

/// Keeps a client transaction's responses in the order they arrived when they reach a call by
/// two paths. The first final response comes back when `TransactionLayer.send` returns, on a
/// task of its own; further 2xx (another fork's answer, RFC 3261 §13.2.2.4, RFC 6026 §7.2)
/// come through the `lateFinal` callback at once and could overtake it, making the call keep
/// the second fork's dialog and hang up the first. Late ones wait here until the final one
/// has been handed on.
final class ResponseOrder: Sendable {
    private enum State {
        case awaitingFinal(held: [SIPResponse])
        case finalDelivered
    }

    private let state = Mutex(State.awaitingFinal(held: []))
    private let deliver: @Sendable (CallInput) -> Void

    init(deliver: @escaping @Sendable (CallInput) -> Void) {
        self.deliver = deliver
    }

    /// A 2xx after the final response: handed on now, or after the final one.
    func late(_ response: SIPResponse) {
        state.withLock { state in
            switch state {
            case .awaitingFinal(var held):
                held.append(response)
                state = .awaitingFinal(held: held)
            case .finalDelivered:
                deliver(.lateSuccess(response))
            }
        }
    }

    /// The transaction's outcome, then whatever arrived late before it.
    func final(_ response: SIPResponse) {
        state.withLock { state in
            deliver(.response(response))
            if case .awaitingFinal(let held) = state {
                for late in held { deliver(.lateSuccess(late)) }
            }
            state = .finalDelivered
        }
    }
}

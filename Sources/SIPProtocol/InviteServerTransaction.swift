import SIPSyntax

/// The INVITE server transaction (RFC 3261 §17.2.1, Figure 7, as corrected by RFC 6026 §7.1 and
/// §8.7): passes the INVITE up, answers it with 100 (Trying) if the TU is slow, retransmits a
/// non-2xx final response until the ACK arrives, and after a 2xx stays in Accepted so that INVITE
/// retransmissions are absorbed and the ACKs for the 2xx reach the TU (RFC 6026 §3).
///
/// Decisions:
/// - **100 (Trying) is a timer**, `TransactionTimer.trying` (200 ms by default, §17.2.1 "MUST
///   generate a 100 (Trying) response unless it knows that the TU will generate a provisional or
///   final response within 200 ms"). Any TU response first cancels it. A retransmitted INVITE
///   before any provisional is absorbed: there is no "most recent provisional" to resend yet, and
///   the timer answers within 200 ms anyway.
/// - **Transport errors inform the TU and keep the state** (Figure 7 of RFC 6026): "An element
///   encountering an unrecoverable transport error when trying to send a response to an INVITE
///   request MUST NOT immediately destroy the associated INVITE server transaction state", which
///   is still needed to absorb retransmitted INVITEs. Timers H and L still end the transaction.
/// - **2xx retransmission is the TU's job** (RFC 6026 §7.1, RFC 3261 §13.3.1.4): in Accepted the
///   machine sends each 2xx the TU passes, and passes every ACK up.
/// - Timer I is zero over reliable transports; an ACK then terminates the machine in the same
///   call instead of requesting a zero-length timer.
public struct InviteServerTransaction: Sendable {
    public typealias Action = ServerTransactionAction

    /// The states of Figure 7 (with RFC 6026's Accepted), each carrying what it needs.
    public enum State: Hashable, Sendable {
        /// The INVITE is with the TU. `lastProvisional` is the latest provisional response sent,
        /// resent for each retransmitted INVITE; `nil` until the first one, and exactly then is
        /// the Trying timer armed.
        case proceeding(lastProvisional: SIPResponse?)
        /// The TU sent a 2xx (RFC 6026 §7.1); ACKs go to the TU until Timer L.
        case accepted
        /// A 300–699 was sent and awaits its ACK. `timerG` is the interval Timer G is armed with
        /// (unreliable transports only).
        case completed(response: SIPResponse, timerG: Duration)
        /// The ACK arrived; its retransmissions are absorbed until Timer I.
        case confirmed
        case terminated
    }

    /// The INVITE that created this transaction.
    public let request: SIPRequest
    public let key: TransactionKey
    public let reliability: TransportReliability
    public let timers: TransactionTimers
    public private(set) var state: State

    private init(request: SIPRequest, key: TransactionKey, reliability: TransportReliability,
                 timers: TransactionTimers) {
        self.request = request
        self.key = key
        self.reliability = reliability
        self.timers = timers
        self.state = .proceeding(lastProvisional: nil)
    }

    /// Enters Proceeding: pass the INVITE to the TU and arm the Trying timer (§17.2.1).
    ///
    /// - Throws: `.wrongMethod` unless `invite` is an INVITE.
    public static func start(
        _ invite: SIPRequest, key: TransactionKey, reliability: TransportReliability,
        timers: TransactionTimers = TransactionTimers()
    ) throws(TransactionError) -> (transaction: InviteServerTransaction, actions: [Action]) {
        guard invite.method == .invite else { throw .wrongMethod(invite.method) }
        let transaction = InviteServerTransaction(
            request: invite, key: key, reliability: reliability, timers: timers)
        return (transaction, [.passToTransactionUser(invite), .startTimer(.trying, after: timers.tryingDelay)])
    }

    public var isTerminated: Bool { state == .terminated }

    /// A request matched this transaction (§17.2.3): a retransmitted INVITE or an ACK.
    public mutating func receive(_ request: SIPRequest) -> [Action] {
        if request.method == .ack { return receiveACK(request) }
        guard request.method == .invite else { return [] }
        switch state {
        case .proceeding(let lastProvisional):
            return lastProvisional.map { [.sendResponse($0)] } ?? []
        case .completed(let response, _):
            // §17.2.1: "if a request retransmission is received, the server SHOULD pass the
            // response to the transport for retransmission".
            return [.sendResponse(response)]
        case .accepted, .confirmed, .terminated:
            return []
        }
    }

    /// The TU passes a response to send (§17.2.1).
    public mutating func respond(with response: SIPResponse) -> [Action] {
        guard let kind = ResponseClass(response) else { return [] }
        switch state {
        case .proceeding(let lastProvisional):
            let stopTrying: [Action] = lastProvisional == nil ? [.cancelTimer(.trying)] : []
            switch kind {
            case .provisional:
                state = .proceeding(lastProvisional: response)
                return stopTrying + [.sendResponse(response)]
            case .success:
                state = .accepted
                return stopTrying + [.sendResponse(response), .startTimer(.l, after: timers.transactionTimeout)]
            case .failure:
                return stopTrying + complete(with: response)
            }
        case .accepted:
            // RFC 6026 §7.1: the TU's 2xx retransmissions go out through the transaction.
            return kind == .success ? [.sendResponse(response)] : []
        case .completed, .confirmed, .terminated:
            return []
        }
    }

    /// A timer this transaction started has expired.
    public mutating func timerFired(_ timer: TransactionTimer) -> [Action] {
        switch state {
        case .proceeding(let lastProvisional):
            guard timer == .trying, lastProvisional == nil else { return [] }
            let trying = TryingResponse.make(for: request)
            state = .proceeding(lastProvisional: trying)
            return [.sendResponse(trying)]
        case .accepted:
            return timer == .l ? terminate(with: []) : []
        case .completed(let response, let interval):
            if timer == .g, reliability == .unreliable { return retransmit(response, after: interval) }
            // §17.2.1: Timer H means the ACK never came; the TU hears of the failure.
            return timer == .h ? cancelRetransmission() + terminate(with: [.ackTimeout]) : []
        case .confirmed:
            return timer == .i ? terminate(with: []) : []
        case .terminated:
            return []
        }
    }

    /// The transport failed to send a response: inform the TU, keep the state (RFC 6026 §7.1).
    public mutating func transportFailed() -> [Action] {
        switch state {
        case .proceeding, .accepted, .completed:
            return [.transportError]
        case .confirmed, .terminated:
            return []
        }
    }

    // MARK: - Transitions

    private mutating func receiveACK(_ ack: SIPRequest) -> [Action] {
        switch state {
        case .accepted:
            // RFC 6026 §7.1: ACKs for the 2xx "MUST be passed directly to the TU".
            return [.passToTransactionUser(ack)]
        case .completed:
            return confirm()
        case .proceeding, .confirmed, .terminated:
            return []
        }
    }

    /// Proceeding, 300–699 from the TU: send it, arm Timer G = T1 (unreliable) and Timer H = 64*T1.
    private mutating func complete(with response: SIPResponse) -> [Action] {
        state = .completed(response: response, timerG: timers.t1)
        var actions: [Action] = [.sendResponse(response)]
        if reliability == .unreliable { actions.append(.startTimer(.g, after: timers.t1)) }
        return actions + [.startTimer(.h, after: timers.transactionTimeout)]
    }

    /// Completed, ACK received: stop retransmitting, enter Confirmed with Timer I (§17.2.1).
    private mutating func confirm() -> [Action] {
        let actions = cancelRetransmission() + [.cancelTimer(.h)]
        let timerI = timers.timerI(reliability)
        guard timerI > .zero else { return actions + terminate(with: []) }
        state = .confirmed
        return actions + [.startTimer(.i, after: timerI)]
    }

    /// Timer G: resend the final response, re-arm with MIN(2*interval, T2) (§17.2.1).
    private mutating func retransmit(_ response: SIPResponse, after interval: Duration) -> [Action] {
        let next = timers.doubledCapped(interval)
        state = .completed(response: response, timerG: next)
        return [.sendResponse(response), .startTimer(.g, after: next)]
    }

    private func cancelRetransmission() -> [Action] {
        reliability == .unreliable ? [.cancelTimer(.g)] : []
    }

    private mutating func terminate(with report: [Action]) -> [Action] {
        state = .terminated
        return report + [.terminated]
    }
}

import SIPSyntax

/// The non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6): sends a request other than
/// INVITE or ACK (REGISTER, OPTIONS, BYE, CANCEL, …), retransmits it over unreliable transports
/// until a final response or Timer F, then lingers in Completed for Timer K to absorb response
/// retransmissions.
///
/// Timer E keeps running when a provisional response arrives: the pending expiry stands, and from
/// then on each expiry re-arms it with T2 (§17.1.2.2: "If Timer E fires while in the Proceeding
/// state … reset with a value of T2"). A provisional response tells the client the server is
/// alive but slow, so retransmissions slow to the cap instead of stopping.
///
/// Timer K is zero over reliable transports; the machine then goes straight to Terminated in
/// the same call instead of requesting a zero-length timer.
public struct NonInviteClientTransaction: Sendable {
    public typealias Action = ClientTransactionAction

    /// The states of Figure 6, each carrying what it needs.
    public enum State: Hashable, Sendable {
        /// Request sent, nothing heard. `timerE` is the interval Timer E is armed with
        /// (unreliable transports only).
        case trying(timerE: Duration)
        /// A provisional response arrived; Timer E (unreliable) re-arms with T2 from now on.
        case proceeding
        /// A final response arrived and went to the TU; retransmissions of it are absorbed.
        case completed
        case terminated
    }

    /// The request this transaction sends.
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
        self.state = .trying(timerE: timers.t1)
    }

    /// Enters Trying: send the request, start Timer E = T1 (unreliable only) and Timer F = 64*T1
    /// (RFC 3261 §17.1.2.2).
    ///
    /// - Throws: `.wrongMethod` for INVITE (see `InviteClientTransaction`) and ACK (never a
    ///   transaction of its own, §17).
    public static func start(
        _ request: SIPRequest, key: TransactionKey, reliability: TransportReliability,
        timers: TransactionTimers = TransactionTimers()
    ) throws(TransactionError) -> (transaction: NonInviteClientTransaction, actions: [Action]) {
        guard request.method != .invite, request.method != .ack else { throw .wrongMethod(request.method) }
        let transaction = NonInviteClientTransaction(
            request: request, key: key, reliability: reliability, timers: timers)
        var actions: [Action] = [.sendRequest(request)]
        if reliability == .unreliable { actions.append(.startTimer(.e, after: timers.t1)) }
        actions.append(.startTimer(.f, after: timers.transactionTimeout))
        return (transaction, actions)
    }

    public var isTerminated: Bool { state == .terminated }

    /// A response matched this transaction (§17.1.3).
    public mutating func receive(_ response: SIPResponse) -> [Action] {
        guard let kind = ResponseClass(response) else { return [] }
        switch state {
        case .trying, .proceeding:
            switch kind {
            case .provisional:
                state = .proceeding
                return [.passToTransactionUser(response)]
            case .success, .failure:
                return complete(with: response)
            }
        case .completed, .terminated:
            // §17.1.2.2: Completed exists to absorb retransmitted final responses.
            return []
        }
    }

    /// A timer this transaction started has expired.
    public mutating func timerFired(_ timer: TransactionTimer) -> [Action] {
        switch state {
        case .trying(let interval):
            if timer == .e, reliability == .unreliable {
                let next = timers.doubledCapped(interval)
                state = .trying(timerE: next)
                return [.sendRequest(request), .startTimer(.e, after: next)]
            }
            return timer == .f ? cancelRetransmission() + terminate(with: [.timeout]) : []
        case .proceeding:
            if timer == .e, reliability == .unreliable {
                return [.sendRequest(request), .startTimer(.e, after: timers.t2)]
            }
            return timer == .f ? cancelRetransmission() + terminate(with: [.timeout]) : []
        case .completed:
            return timer == .k ? terminate(with: []) : []
        case .terminated:
            return []
        }
    }

    /// The transport failed to send the request (§17.1.4, Figure 6: Trying and Proceeding).
    /// Completed sends nothing, so a late report there is ignored.
    public mutating func transportFailed() -> [Action] {
        switch state {
        case .trying, .proceeding:
            return cancelRetransmission() + [.cancelTimer(.f)] + terminate(with: [.transportError])
        case .completed, .terminated:
            return []
        }
    }

    // MARK: - Transitions

    /// Trying or Proceeding, final response in hand: pass it up and enter Completed with
    /// Timer K = T4 (unreliable) or terminate at once (reliable, K = 0) (§17.1.2.2).
    private mutating func complete(with response: SIPResponse) -> [Action] {
        let actions = cancelRetransmission() + [.cancelTimer(.f), .passToTransactionUser(response)]
        let timerK = timers.timerK(reliability)
        guard timerK > .zero else { return actions + terminate(with: []) }
        state = .completed
        return actions + [.startTimer(.k, after: timerK)]
    }

    /// Timer E runs in Trying and Proceeding over unreliable transports only.
    private func cancelRetransmission() -> [Action] {
        reliability == .unreliable ? [.cancelTimer(.e)] : []
    }

    private mutating func terminate(with report: [Action]) -> [Action] {
        state = .terminated
        return report + [.terminated]
    }
}

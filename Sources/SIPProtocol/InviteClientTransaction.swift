import SIPSyntax

/// The INVITE client transaction (RFC 3261 §17.1.1, Figure 5, as corrected by RFC 6026 §7.2 and
/// §8.4): sends the INVITE, retransmits it over unreliable transports, ACKs a non-2xx final
/// response itself, and stays in Accepted after a 2xx so that retransmitted and forked 2xx
/// responses still reach the TU instead of being dropped as strays (RFC 6026 §3).
///
/// What is deliberately *not* here:
/// - The ACK for a 2xx: the TU builds and sends it as its own request (RFC 3261 §13.2.2.4).
/// - CANCEL: a separate non-INVITE transaction (`NonInviteClientTransaction`) with the same
///   branch; it matches because client keys include the CSeq method (§9.1, §17.1.3).
/// - Timer C and Expires handling in Proceeding: TU policy (§13.3.1.1, §16.6), not transaction
///   behaviour; Proceeding has no timeout here, as in Figure 5.
///
/// Timers that end a state with duration zero (Timer D over reliable transports) are not
/// requested: the machine moves straight to Terminated in the same call, so the owner never
/// schedules a timer just to be called back at once.
public struct InviteClientTransaction: Sendable {
    public typealias Action = ClientTransactionAction

    /// The states of Figure 5 (with RFC 6026's Accepted), each carrying what it needs.
    public enum State: Hashable, Sendable {
        /// INVITE sent, nothing heard yet. `timerA` is the interval Timer A is armed with
        /// (unreliable transports only; reliable transports never start Timer A).
        case calling(timerA: Duration)
        /// A provisional response arrived: retransmission stops, the TU waits for a final one.
        case proceeding
        /// A 2xx arrived (RFC 6026 §7.2): every further 2xx goes to the TU until Timer M fires.
        case accepted
        /// A 300–699 arrived and was acknowledged; the ACK is kept for retransmitted responses.
        case completed(ack: SIPRequest)
        case terminated
    }

    /// The INVITE this transaction sends.
    public let request: SIPRequest
    public let key: TransactionKey
    public let reliability: TransportReliability
    public let timers: TransactionTimers
    public private(set) var state: State
    private let ack: NonSuccessACK

    private init(request: SIPRequest, key: TransactionKey, reliability: TransportReliability,
                 timers: TransactionTimers, ack: NonSuccessACK) {
        self.request = request
        self.key = key
        self.reliability = reliability
        self.timers = timers
        self.state = .calling(timerA: timers.t1)
        self.ack = ack
    }

    /// Enters Calling: send the INVITE, start Timer A = T1 (unreliable only) and Timer B = 64*T1
    /// (RFC 3261 §17.1.1.2).
    ///
    /// - Throws: `.wrongMethod` unless `invite` is an INVITE; `.missingHeader`/`.malformedCSeq`
    ///   if it lacks what the ACK of §17.1.1.3 copies (Via, From, To, Call-ID, CSeq number).
    public static func start(
        _ invite: SIPRequest, key: TransactionKey, reliability: TransportReliability,
        timers: TransactionTimers = TransactionTimers()
    ) throws(TransactionError) -> (transaction: InviteClientTransaction, actions: [Action]) {
        guard invite.method == .invite else { throw .wrongMethod(invite.method) }
        let ack = try NonSuccessACK(invite: invite)
        let transaction = InviteClientTransaction(
            request: invite, key: key, reliability: reliability, timers: timers, ack: ack)
        var actions: [Action] = [.sendRequest(invite)]
        if reliability == .unreliable { actions.append(.startTimer(.a, after: timers.t1)) }
        actions.append(.startTimer(.b, after: timers.transactionTimeout))
        return (transaction, actions)
    }

    public var isTerminated: Bool { state == .terminated }

    /// A response matched this transaction (§17.1.3).
    public mutating func receive(_ response: SIPResponse) -> [Action] {
        guard let kind = ResponseClass(response) else { return [] }
        switch state {
        case .calling:
            // Any response stops retransmission and, leaving Calling, Timer B (§17.1.1.2).
            return cancelCallingTimers() + advance(on: response, kind: kind)
        case .proceeding:
            return advance(on: response, kind: kind)
        case .accepted:
            // RFC 6026 §7.2: 2xx retransmissions and forked 2xx go to the TU, which ACKs each.
            return kind == .success ? [.passToTransactionUser(response)] : []
        case .completed(let ack):
            // §17.1.1.2: a retransmitted final response is answered with the ACK again and not
            // passed up.
            return kind == .failure ? [.sendRequest(ack)] : []
        case .terminated:
            return []
        }
    }

    /// A timer this transaction started has expired.
    public mutating func timerFired(_ timer: TransactionTimer) -> [Action] {
        switch state {
        case .calling(let interval):
            if timer == .a, reliability == .unreliable { return retransmit(after: interval) }
            if timer == .b { return cancelCallingTimers(includingB: false) + terminate(with: [.timeout]) }
            return []
        case .proceeding:
            return []
        case .accepted:
            return timer == .m ? terminate(with: []) : []
        case .completed:
            return timer == .d ? terminate(with: []) : []
        case .terminated:
            return []
        }
    }

    /// The transport failed to send the INVITE or the ACK (§17.1.4, Figure 5). Proceeding and
    /// Accepted send nothing of the transaction's own, so a late report there is ignored.
    public mutating func transportFailed() -> [Action] {
        switch state {
        case .calling:
            return cancelCallingTimers() + terminate(with: [.transportError])
        case .completed:
            return [.cancelTimer(.d)] + terminate(with: [.transportError])
        case .proceeding, .accepted, .terminated:
            return []
        }
    }

    // MARK: - Transitions

    /// Calling or Proceeding, response in hand: 1xx → Proceeding, 2xx → Accepted,
    /// 300–699 → Completed (§17.1.1.2, RFC 6026 §8.4).
    private mutating func advance(on response: SIPResponse, kind: ResponseClass) -> [Action] {
        switch kind {
        case .provisional:
            state = .proceeding
            return [.passToTransactionUser(response)]
        case .success:
            state = .accepted
            return [.passToTransactionUser(response), .startTimer(.m, after: timers.transactionTimeout)]
        case .failure:
            let ackRequest = ack.acknowledging(response)
            let actions: [Action] = [.sendRequest(ackRequest), .passToTransactionUser(response)]
            let timerD = timers.timerD(reliability)
            guard timerD > .zero else { return actions + terminate(with: []) }
            state = .completed(ack: ackRequest)
            return actions + [.startTimer(.d, after: timerD)]
        }
    }

    /// Timer A: retransmit and re-arm with twice the interval, no cap (§17.1.1.2).
    private mutating func retransmit(after interval: Duration) -> [Action] {
        let next = interval * 2
        state = .calling(timerA: next)
        return [.sendRequest(request), .startTimer(.a, after: next)]
    }

    /// Cancels what runs in Calling: Timer A (unreliable only) and, unless it is the one that
    /// just fired, Timer B.
    private func cancelCallingTimers(includingB: Bool = true) -> [Action] {
        var actions: [Action] = []
        if reliability == .unreliable { actions.append(.cancelTimer(.a)) }
        if includingB { actions.append(.cancelTimer(.b)) }
        return actions
    }

    private mutating func terminate(with report: [Action]) -> [Action] {
        state = .terminated
        return report + [.terminated]
    }
}

import SIPSyntax

/// The non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8): passes the request up, sends
/// what the TU answers, and answers retransmitted requests with the latest response until Timer J.
///
/// No 100 (Trying) is sent on the TU's behalf: RFC 3261 asks that only of INVITE, and RFC 4320
/// §4.1 narrows when a non-INVITE 100 is useful at all, which is the TU's call. Retransmitted
/// requests in Trying are absorbed, since there is nothing to resend yet (§17.2.2).
///
/// Timer J is zero over reliable transports; a final response then terminates the machine in
/// the same call instead of requesting a zero-length timer.
public struct NonInviteServerTransaction: Sendable {
    public typealias Action = ServerTransactionAction

    /// The states of Figure 8, each carrying what it needs.
    public enum State: Hashable, Sendable {
        /// The request is with the TU and nothing has been sent.
        case trying
        /// The TU sent `lastProvisional`, resent for each retransmitted request.
        case proceeding(lastProvisional: SIPResponse)
        /// The TU sent `finalResponse`, resent for each retransmitted request until Timer J.
        case completed(finalResponse: SIPResponse)
        case terminated
    }

    /// The method of the request that created this transaction: all a retransmission is
    /// matched on once the key has found us (§17.2.3). The request itself is not kept, since a
    /// UDP transaction lives 64·T1 after it is answered and a flood keeps thousands of them.
    public let method: SIPMethod
    public let key: TransactionKey
    public let reliability: TransportReliability
    public let timers: TransactionTimers
    public private(set) var state: State

    private init(method: SIPMethod, key: TransactionKey, reliability: TransportReliability,
                 timers: TransactionTimers) {
        self.method = method
        self.key = key
        self.reliability = reliability
        self.timers = timers
        self.state = .trying
    }

    /// Enters Trying and passes the request to the TU (§17.2.2).
    ///
    /// - Throws: `.wrongMethod` for INVITE (see `InviteServerTransaction`) and ACK, which matches
    ///   an INVITE server transaction or goes to the TU directly, never starting one (§17.2.3).
    public static func start(
        _ request: SIPRequest, key: TransactionKey, reliability: TransportReliability,
        timers: TransactionTimers = TransactionTimers()
    ) throws(TransactionError) -> (transaction: NonInviteServerTransaction, actions: [Action]) {
        guard request.method != .invite, request.method != .ack else { throw .wrongMethod(request.method) }
        let transaction = NonInviteServerTransaction(
            method: request.method, key: key, reliability: reliability, timers: timers)
        return (transaction, [.passToTransactionUser(request)])
    }

    public var isTerminated: Bool { state == .terminated }

    /// A retransmission of the request matched this transaction (§17.2.3).
    public mutating func receive(_ retransmission: SIPRequest) -> [Action] {
        guard retransmission.method == method else { return [] }
        switch state {
        case .trying, .terminated:
            return []
        case .proceeding(let response), .completed(let response):
            return [.sendResponse(response)]
        }
    }

    /// The TU passes a response to send (§17.2.2).
    public mutating func respond(with response: SIPResponse) -> [Action] {
        guard let kind = ResponseClass(response) else { return [] }
        switch state {
        case .trying, .proceeding:
            switch kind {
            case .provisional:
                state = .proceeding(lastProvisional: response)
                return [.sendResponse(response)]
            case .success, .failure:
                return complete(with: response)
            }
        case .completed, .terminated:
            // §17.2.2: "Any other final responses passed by the TU … MUST be discarded".
            return []
        }
    }

    /// A timer this transaction started has expired.
    public mutating func timerFired(_ timer: TransactionTimer) -> [Action] {
        switch state {
        case .completed:
            return timer == .j ? terminate(with: []) : []
        case .trying, .proceeding, .terminated:
            return []
        }
    }

    /// The transport failed to send a response (§17.2.4, Figure 8): inform the TU and terminate.
    public mutating func transportFailed() -> [Action] {
        switch state {
        case .proceeding:
            return terminate(with: [.transportError])
        case .completed:
            return [.cancelTimer(.j)] + terminate(with: [.transportError])
        case .trying, .terminated:
            return []
        }
    }

    /// Final response from the TU: send it, enter Completed with Timer J = 64*T1 (unreliable) or
    /// terminate at once (reliable, J = 0) (§17.2.2).
    private mutating func complete(with response: SIPResponse) -> [Action] {
        let actions: [Action] = [.sendResponse(response)]
        let timerJ = timers.timerJ(reliability)
        guard timerJ > .zero else { return actions + terminate(with: []) }
        state = .completed(finalResponse: response)
        return actions + [.startTimer(.j, after: timerJ)]
    }

    private mutating func terminate(with report: [Action]) -> [Action] {
        state = .terminated
        return report + [.terminated]
    }
}

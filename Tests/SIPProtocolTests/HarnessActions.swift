import SIPProtocol
import SIPSyntax

extension ClientTransactionAction {
    var timerRequest: TimerRequest? {
        switch self {
        case .startTimer(let timer, let duration): .start(timer, after: duration)
        case .cancelTimer(let timer): .cancel(timer)
        case .sendRequest, .passToTransactionUser, .timeout, .transportError, .terminated: nil
        }
    }
}

extension ServerTransactionAction {
    var timerRequest: TimerRequest? {
        switch self {
        case .startTimer(let timer, let duration): .start(timer, after: duration)
        case .cancelTimer(let timer): .cancel(timer)
        case .sendResponse, .passToTransactionUser, .ackTimeout, .transportError, .terminated: nil
        }
    }
}

extension TransactionHarness where Machine.Action == ClientTransactionAction {
    /// Times at which a request went to the transport.
    var sendTimes: [Duration] { times { if case .sendRequest = $0 { true } else { false } } }
    /// The requests sent, in order.
    var sentRequests: [SIPRequest] {
        log.compactMap { if case .sendRequest(let r) = $0.action { r } else { nil } }
    }
    /// Responses handed to the TU, in order.
    var passedUp: [Int] {
        log.compactMap { if case .passToTransactionUser(let r) = $0.action { r.statusCode } else { nil } }
    }
}

extension TransactionHarness where Machine.Action == ServerTransactionAction {
    /// Times at which a response went to the transport.
    var sendTimes: [Duration] { times { if case .sendResponse = $0 { true } else { false } } }
    /// Status codes of the responses sent, in order.
    var sentStatuses: [Int] {
        log.compactMap { if case .sendResponse(let r) = $0.action { r.statusCode } else { nil } }
    }
}

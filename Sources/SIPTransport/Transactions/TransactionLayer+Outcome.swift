import SIPServerLocation
import SIPSyntax

extension TransactionLayer {
    /// The outcome of the last attempt, with a local 408/503 when no server answered.
    func outcome(
        for request: SIPRequest, last: (AttemptResult, ResolvedTarget, FlowInfo?)?,
        records: [AttemptRecord], targets: TargetList
    ) -> ClientOutcome {
        guard let (result, target, flow) = last else {
            let response = local(request, 503, "Service Unavailable (no server to try)")
            return ClientOutcome(response: response, source: .noTarget, attempts: records, targets: targets)
        }
        switch result {
        case .response(let response, let roundTrip):
            let source: ClientOutcome.Source = flow.map { .server(target, $0) } ?? .noTarget
            return ClientOutcome(response: response, source: source, attempts: records, targets: targets, roundTrip: roundTrip)
        case .timeout:
            return ClientOutcome(response: local(request, 408, "Request Timeout"), source: .timeout, attempts: records, targets: targets)
        case .transportError(let error):
            let response = local(request, 503, "Service Unavailable")
            return ClientOutcome(response: response, source: .transportError(error), attempts: records, targets: targets)
        }
    }

    private func local(_ request: SIPRequest, _ status: Int, _ reason: String) -> SIPResponse {
        ResponseFactory.response(to: request, statusCode: status, reasonPhrase: reason, toTag: nil)
    }

    static func record(_ result: AttemptResult) -> AttemptRecord.Result {
        switch result {
        case .response(let response, _): .response(statusCode: response.statusCode, reasonPhrase: response.reasonPhrase)
        case .timeout: .timeout
        case .transportError(let error): .transportError(error)
        }
    }

    static func failoverResult(_ result: AttemptResult) -> RequestFailover.AttemptResult {
        switch result {
        case .response(let response, _): RequestFailover.result(of: response)
        case .timeout: .failed(.timeout)
        case .transportError(let error): .failed(error.failoverReason)
        }
    }
}

/// Turns a `ClientOutcome` into the report's attempts, response, answerer and failure.
enum OptionsReportBuilder {
    static func fill(_ report: inout OptionsReport, with outcome: ClientOutcome) {
        report.attempts = outcome.attempts.map(attempt)
        switch outcome.source {
        case .server(let target, let flow):
            let response = outcome.response
            report.answered = true
            report.response = .init(
                statusCode: response.statusCode, reasonPhrase: response.reasonPhrase, statusLine: response.startLine,
                server: response.headers[.server], userAgent: response.headers[.userAgent])
            report.answeredBy = .init(
                target: target.description, hostName: target.hostName, transport: flow.transport.description,
                localAddress: flow.local.description, remoteAddress: flow.remote.description)
            report.tls = flow.tls
            report.roundTripMs = outcome.roundTrip.map(milliseconds)
        case .timeout:
            report.failure = .init(kind: "timeout", message: "no response from \(tried(outcome)) (timeout)")
        case .transportError(.tls(let endpoint, let failure)):
            report.failure = .init(kind: "tls", message: "TLS with \(endpoint) failed: \(failure)")
        case .transportError(let error):
            report.failure = .init(kind: "transport", message: error.description)
        case .noTarget:
            report.failure = .init(kind: "dns", message: "no target to try")
        }
    }

    private static func attempt(_ record: AttemptRecord) -> OptionsReport.Attempt {
        let (result, detail, tlsFailure): (String, String, String?) = switch record.result {
        case .response(let code, let reason): ("response", "SIP/2.0 \(code) \(reason)", nil)
        case .timeout: ("timeout", "no response (timeout)", nil)
        case .transportError(.tls(_, let failure)): ("tls-error", failure.description, failure.kind)
        case .transportError(let error): ("transport-error", error.description, nil)
        }
        return .init(
            target: record.target.description, hostName: record.target.hostName,
            transport: record.target.transport.description, result: result, detail: detail, tlsFailure: tlsFailure)
    }

    private static func tried(_ outcome: ClientOutcome) -> String {
        outcome.attempts.map(\.target.description).joined(separator: ", ")
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

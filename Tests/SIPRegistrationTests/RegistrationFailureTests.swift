import SIPAuth
import SIPSyntax
import Testing
@testable import SIPRegistration

/// Failures and the RFC 5626 §4.5 back-off: W = min(max, base · 2^failures), wait ∈ [W/2, W].
struct RegistrationFailureTests {
    enum Case: String, CaseIterable {
        case forbidden, notFound, serverError, globalFailure, timeout, transport, unexpected
    }

    private func answer(_ kind: Case, to request: SIPRequest, machine: inout RegistrationMachine) -> [RegistrationAction] {
        switch kind {
        case .forbidden: machine.responseReceived(response(to: request, 403, "Forbidden"))
        case .notFound: machine.responseReceived(response(to: request, 404, "Not Found"))
        case .serverError: machine.responseReceived(response(to: request, 500, "Server Internal Error"))
        case .globalFailure: machine.responseReceived(response(to: request, 603, "Decline"))
        case .timeout: machine.responseReceived(localResponse(to: request, 408), origin: .localTimeout)
        case .transport: machine.responseReceived(localResponse(to: request, 503), origin: .localTransportError("connection refused"))
        case .unexpected: machine.responseReceived(response(to: request, 420, "Bad Extension"))
        }
    }

    private func expectedFailure(_ kind: Case) -> RegistrationFailure {
        switch kind {
        case .forbidden: .forbidden(reason: "Forbidden")
        case .notFound: .notFound(reason: "Not Found")
        case .serverError: .serverError(statusCode: 500, reason: "Server Internal Error")
        case .globalFailure: .serverError(statusCode: 603, reason: "Decline")
        case .timeout: .timeout
        case .transport: .transportError(reason: "connection refused")
        case .unexpected: .unexpected(statusCode: 420, reason: "Bad Extension")
        }
    }

    @Test(arguments: Case.allCases)
    func failureIsReportedThenRetriedWithinTheRFC5626Bounds(kind: Case) throws {
        for seed in UInt64(1)...20 {
            var machine = Bed.machine(seed: seed)
            let request = try #require(machine.start().sent.first)
            let actions = answer(kind, to: request, machine: &machine)
            guard case .failed(let failure, let retry?)? = actions.states.first else {
                Issue.record("\(kind): \(actions.states)")
                return
            }
            #expect(failure == expectedFailure(kind))
            #expect(retry >= .seconds(30) && retry <= .seconds(60), "seed \(seed): \(retry)")
            // The failure is reported before the retry timer starts.
            let stateIndex = try #require(actions.firstIndex { if case .stateChanged = $0 { true } else { false } })
            let timerIndex = try #require(actions.firstIndex { if case .startTimer(.retry, _) = $0 { true } else { false } })
            #expect(stateIndex < timerIndex)
            #expect(actions.sent.isEmpty)
        }
    }

    @Test func backoffDoublesAndCapsAtMaxTime() throws {
        var machine = Bed.machine(seed: 3)
        var request = try #require(machine.start().sent.first)
        var bounds: [(Duration, Duration)] = []
        for _ in 0..<8 {
            let failed = machine.responseReceived(localResponse(to: request, 408), origin: .localTimeout)
            guard case .failed(.timeout, let retry?)? = failed.states.last else {
                Issue.record("\(failed.states)")
                return
            }
            bounds.append((retry, retry))
            let retried = machine.timerFired(.retry)
            #expect(retried.states == [.registering])
            request = try #require(retried.sent.first)
        }
        let expectedUpper: [Int64] = [60, 120, 240, 480, 960, 1800, 1800, 1800]
        for (index, (wait, _)) in bounds.enumerated() {
            let upper = Duration.seconds(expectedUpper[index])
            #expect(wait >= upper / 2 && wait <= upper, "failure \(index + 1): \(wait)")
        }
    }

    @Test func successResetsTheFailureCount() throws {
        var machine = Bed.machine(seed: 5)
        var request = try #require(machine.start().sent.first)
        for _ in 0..<3 {
            _ = machine.responseReceived(localResponse(to: request, 408), origin: .localTimeout)
            request = try #require(machine.timerFired(.retry).sent.first)
        }
        _ = machine.responseReceived(Bed.ok(request))
        let refresh = try #require(machine.timerFired(.refresh).sent.first)
        let failed = machine.responseReceived(response(to: refresh, 500, "Server Internal Error"))
        guard case .failed(_, let retry?)? = failed.states.last else {
            Issue.record("\(failed.states)")
            return
        }
        #expect(retry >= .seconds(30) && retry <= .seconds(60))
    }

    @Test func configuredBackoffIsUsed() throws {
        var machine = Bed.machine { $0.backoff = RegistrationBackoff(baseTimeAllFailed: .seconds(5), maxTime: .seconds(8)) }
        let request = try #require(machine.start().sent.first)
        let failed = machine.responseReceived(response(to: request, 503, "Service Unavailable"))
        guard case .failed(_, let retry?)? = failed.states.last else {
            Issue.record("\(failed.states)")
            return
        }
        #expect(retry >= .seconds(4) && retry <= .seconds(8))
        #expect(RegistrationBackoff().upperBound(failures: 1, someFlowsOK: true) == .seconds(180))
        #expect(RegistrationBackoff().upperBound(failures: 10_000) == .seconds(1800))
    }

    @Test func retryAfterFromTheServerLengthensTheWait() throws {
        var machine = Bed.machine()
        let request = try #require(machine.start().sent.first)
        let failed = machine.responseReceived(response(to: request, 503, "Service Unavailable", headers: [(.retryAfter, "300 (maintenance)")]))
        #expect(failed.started.first?.1 == .seconds(300))
    }

    @Test func retryTimerOutsideFailureDoesNothing() {
        var machine = Bed.machine()
        #expect(machine.timerFired(.retry).isEmpty)
        #expect(machine.timerFired(.refresh).isEmpty)
    }

    @Test func minExpiresIsHonouredOnce() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let second = try #require(machine.responseReceived(response(to: first, 423, "Interval Too Brief", headers: [(.minExpires, "1200")])).sent.first)
        #expect(second.headers[.expires] == "1200")
        #expect(second.contactAddresses.first?.expires == 1200)
        #expect(second.cseqNumber == 2)
        let repeated = machine.responseReceived(response(to: second, 423, "Interval Too Brief", headers: [(.minExpires, "1200")]))
        #expect(repeated.sent.isEmpty)
        guard case .failed(.intervalTooBrief(minExpires: 1200), _)? = repeated.states.last else {
            Issue.record("\(repeated.states)")
            return
        }
    }

    @Test func minExpiresThenSuccessRefreshesWithTheRaisedValue() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let second = try #require(machine.responseReceived(response(to: first, 423, headers: [(.minExpires, "1800")])).sent.first)
        let done = machine.responseReceived(Bed.ok(second, contact: "<sip:alice@192.0.2.4:5060>;expires=1800"))
        #expect(done.started.first.map { $0.1 >= .seconds(1440) && $0.1 <= .seconds(1620) } == true)
        #expect(machine.timerFired(.refresh).sent.first?.headers[.expires] == "1800")
    }

    @Test(arguments: ["", "4294967296", "2147483649", "abc", "300"])
    func unusableMinExpiresFails(value: String) throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let headers: [(SIPHeaderName, String)] = value.isEmpty ? [] : [(.minExpires, value)]
        let actions = machine.responseReceived(response(to: first, 423, headers: headers))
        #expect(actions.sent.isEmpty)
        guard case .failed(.intervalTooBrief, _)? = actions.states.last else {
            Issue.record("\(value): \(actions.states)")
            return
        }
    }
}

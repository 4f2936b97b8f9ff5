import SIPServerLocation
import SIPSyntax
import SIPTransport
import Testing

/// RFC 3263 §4.3 failover and fail-back for one request at a time, on virtual time.
@Suite struct RequestFailoverTests {
    let primary = Make.target(.tls, "127.0.0.1", 5061, host: "sip1.example.test")
    let secondary = Make.target(.tls, "::1", 5061, host: "sip1.example.test")
    let backup = Make.target(.tls, "127.0.0.2", 5061, host: "sip2.example.test")
    var list: TargetList { TargetList([primary, secondary, backup], failbackInterval: .seconds(60)) }

    @Test func timeoutTransportErrorAnd503EachMoveToTheNextTarget() {
        var failover = RequestFailover(targets: list)
        #expect(failover.begin(at: .zero) == .attempt(primary))
        #expect(failover.attemptEnded(.failed(.timeout), at: .seconds(32)) == .attempt(secondary))
        #expect(failover.attemptEnded(.failed(.transportError("refused")), at: .seconds(32)) == .attempt(backup))
        #expect(failover.attemptEnded(.failed(.serviceUnavailable), at: .seconds(33)) == .finished)
        #expect(failover.attempts.map(\.target) == [primary, secondary, backup])
    }

    @Test func anyOtherFinalResponseFinishesEvenAnError() {
        var failover = RequestFailover(targets: list)
        _ = failover.begin(at: .zero)
        #expect(failover.attemptEnded(.failed(.timeout), at: .seconds(1)) == .attempt(secondary))
        #expect(failover.attemptEnded(.answered(statusCode: 404), at: .seconds(2)) == .finished)
        #expect(failover.attempts.last?.result == .answered(statusCode: 404))
        #expect(failover.targets.activeIndex == 1)
    }

    @Test func only503CountsAsAFailoverResponse() {
        let ok = SIPResponse(statusCode: 200, reasonPhrase: "OK")
        let busy = SIPResponse(statusCode: 503, reasonPhrase: "Service Unavailable")
        let serverError = SIPResponse(statusCode: 500, reasonPhrase: "Server Internal Error")
        #expect(RequestFailover.result(of: ok) == .answered(statusCode: 200))
        #expect(RequestFailover.result(of: busy) == .failed(.serviceUnavailable))
        #expect(RequestFailover.result(of: serverError) == .answered(statusCode: 500))
    }

    @Test func theNextRequestStaysOnTheBackupUntilTheFailbackInterval() {
        var first = RequestFailover(targets: list)
        _ = first.begin(at: .seconds(100))
        _ = first.attemptEnded(.failed(.timeout), at: .seconds(100))
        #expect(first.attemptEnded(.answered(statusCode: 200), at: .seconds(100)) == .finished)
        var second = RequestFailover(targets: first.targets)
        #expect(second.begin(at: .seconds(159)) == .attempt(secondary))
        _ = second.attemptEnded(.answered(statusCode: 200), at: .seconds(159))
        var third = RequestFailover(targets: second.targets)
        #expect(third.begin(at: .seconds(160)) == .attempt(primary))  // exactly the interval: fail back
    }

    @Test func afterEveryTargetFailedANewRequestStartsOverAtThePreferredOne() {
        var failover = RequestFailover(targets: list)
        _ = failover.begin(at: .zero)
        _ = failover.attemptEnded(.failed(.timeout), at: .zero)
        _ = failover.attemptEnded(.failed(.timeout), at: .zero)
        #expect(failover.attemptEnded(.failed(.timeout), at: .zero) == .finished)
        var next = RequestFailover(targets: failover.targets)
        #expect(next.begin(at: .seconds(1)) == .attempt(primary))
    }

    @Test func anEmptyListFinishesAtOnce() {
        var failover = RequestFailover(targets: TargetList([], failbackInterval: .seconds(1)))
        #expect(failover.begin(at: .zero) == .finished)
    }
}

import Testing
@testable import SIPServerLocation

/// RFC 3263 §4.3 failover over the resolved targets, and fail-back to the preferred one.
@Suite struct TargetListTests {
    let primary = ResolvedTarget(transport: .udp, address: ip("192.0.2.1"), port: 5060, hostName: "sip1", via: [])
    let backup = ResolvedTarget(transport: .udp, address: ip("192.0.2.2"), port: 5060, hostName: "sip2", via: [])
    let last = ResolvedTarget(transport: .tcp, address: ip("192.0.2.2"), port: 5060, hostName: "sip2", via: [])

    @Test func failuresWalkTheListInOrderUntilItIsExhausted() {
        var list = TargetList([primary, backup, last], failbackInterval: .seconds(60))
        #expect(list.current(at: .zero) == primary)
        #expect(list.failed(primary.endpoint, .timeout, at: .seconds(1)) == backup)
        #expect(list.failed(backup.endpoint, .serviceUnavailable, at: .seconds(2)) == last)
        #expect(list.failed(last.endpoint, .transportError("connection refused"), at: .seconds(3)) == nil)
        #expect(list.current(at: .seconds(4)) == nil)
        #expect(list.lastFailure == [
            primary.endpoint: .timeout, backup.endpoint: .serviceUnavailable,
            last.endpoint: .transportError("connection refused"),
        ])
    }

    @Test func aLateFailureOfATargetAlreadyLeftChangesNothing() {
        var list = TargetList([primary, backup, last], failbackInterval: .seconds(60))
        _ = list.failed(primary.endpoint, .timeout, at: .seconds(1))
        #expect(list.failed(primary.endpoint, .timeout, at: .seconds(2)) == backup)
        #expect(list.activeIndex == 1)
    }

    @Test func failBackToThePreferredTargetAfterTheInterval() {
        var list = TargetList([primary, backup], failbackInterval: .seconds(60))
        _ = list.failed(primary.endpoint, .timeout, at: .seconds(10))
        #expect(list.current(at: .seconds(69)) == backup)
        #expect(list.current(at: .seconds(70)) == primary)
        list.succeeded(primary.endpoint)
        #expect(list.lastFailure[primary.endpoint] == nil)
        #expect(list.current(at: .seconds(500)) == primary)
    }

    @Test func aFailedFailBackProbeRestartsTheInterval() {
        var list = TargetList([primary, backup], failbackInterval: .seconds(60))
        _ = list.failed(primary.endpoint, .timeout, at: .seconds(10))
        #expect(list.current(at: .seconds(70)) == primary)
        #expect(list.failed(primary.endpoint, .timeout, at: .seconds(72)) == backup)
        #expect(list.current(at: .seconds(131)) == backup)
        #expect(list.current(at: .seconds(132)) == primary)
    }

    @Test func anExhaustedListFailsBackToo() {
        var list = TargetList([primary, backup], failbackInterval: .seconds(30))
        _ = list.failed(primary.endpoint, .timeout, at: .seconds(0))
        _ = list.failed(backup.endpoint, .timeout, at: .seconds(5))
        #expect(list.current(at: .seconds(29)) == nil)
        #expect(list.current(at: .seconds(30)) == primary)
    }

    @Test func anEmptyListHasNoTarget() {
        var list = TargetList([], failbackInterval: .seconds(30))
        #expect(list.current(at: .zero) == nil)
        #expect(list.preferred == nil)
    }
}

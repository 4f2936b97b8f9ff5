@testable import SIPTransport
import Testing

/// The bound on datagrams waiting for the transport actor: requests stop at the limit,
/// responses to our own transactions at four times it, and every drop is counted.
@Suite struct InboundBacklogTests {
    static let request = Array("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\n\r\n".utf8)
    static let response = Array("SIP/2.0 200 OK\r\n\r\n".utf8)

    @Test func requestsStopAtTheLimitAndResponsesAtFourTimesIt() {
        let backlog = InboundBacklog(limit: 2)
        #expect(backlog.admit(Self.request))
        #expect(backlog.admit(Self.request))
        #expect(!backlog.admit(Self.request), "a third request waits behind two")
        for _ in 0..<6 { #expect(backlog.admit(Self.response)) }
        #expect(backlog.waiting == 8)
        #expect(!backlog.admit(Self.response), "even responses stop at four times the limit")
        #expect(backlog.takeDropped() == 2)
        #expect(backlog.takeDropped() == 0, "taken once")
        for _ in 0..<7 { backlog.release() }
        #expect(backlog.waiting == 1)
        #expect(backlog.admit(Self.request), "room again once the actor caught up")
    }

    @Test func onlyAStatusLineCountsAsAResponse() {
        #expect(InboundBacklog.isResponse(Self.response))
        #expect(!InboundBacklog.isResponse(Self.request))
        #expect(!InboundBacklog.isResponse(Array("SIP/2.0".utf8)), "too short to be a status line")
        #expect(!InboundBacklog.isResponse([]))
    }
}

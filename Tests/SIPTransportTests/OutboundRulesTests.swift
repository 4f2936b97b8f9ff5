import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing

/// Our Via, the UDP size switch and response routing (RFC 3261 §18.1.1, §18.2.2; RFC 3581).
@Suite struct OutboundRulesTests {
    /// rport on UDP (RFC 3581), alias on connections (RFC 5923).
    @Test func ourViaCarriesTransportSentByBranchAndRPortOnUDPOnly() throws {
        let local = SIPSocketAddress(literal: "::1", port: 5062)!
        let udp = OutgoingVia.stamp(Make.options(), branch: "z9hG4bKabc", transport: .udp, sentBy: local)
        #expect(udp.headers[.via] == "SIP/2.0/UDP [::1]:5062;rport;branch=z9hG4bKabc")
        let tcp = OutgoingVia.stamp(Make.options(), branch: "z9hG4bKabc", transport: .tcp, sentBy: local)
        #expect(tcp.headers[.via] == "SIP/2.0/TCP [::1]:5062;alias;branch=z9hG4bKabc")
        #expect(try tcp.headers.via.first?.host == .ipv6("::1"))
    }

    @Test func requestsAbove1300BytesLeaveUDPForTCP() {
        #expect(TransportSelection.transport(for: 1300, routed: .udp) == .udp)
        #expect(TransportSelection.transport(for: 1301, routed: .udp) == .tcp)
        #expect(TransportSelection.transport(for: 60_000, routed: .tls) == .tls)
        #expect(TransportSelection.transport(for: 60_000, routed: .tcp) == .tcp)
    }

    func flow(_ transport: SIPTransport, remote: String = "192.0.2.7", port: UInt16 = 40_000) -> FlowInfo {
        FlowInfo(socket: SocketID(rawValue: 1), transport: transport, local: SIPSocketAddress(literal: "127.0.0.1", port: 5060)!,
                 remote: SIPSocketAddress(literal: remote, port: port)!)
    }

    @Test func udpResponsesGoToTheSourceWhenRPortWasStampedElseToTheSentByPort() throws {
        let stamped = try SIPVia.parse("SIP/2.0/UDP 10.0.0.1:5070;rport=40000;received=192.0.2.7;branch=z9hG4bK1")
        #expect(ResponseRoute.decide(via: stamped, arrival: flow(.udp), flowOpen: true) == .arrivalFlow)
        let plain = try SIPVia.parse("SIP/2.0/UDP 10.0.0.1:5070;received=192.0.2.7;branch=z9hG4bK1")
        #expect(ResponseRoute.decide(via: plain, arrival: flow(.udp), flowOpen: true)
            == .address(SIPSocketAddress(literal: "192.0.2.7", port: 5070)!))
        let noPort = try SIPVia.parse("SIP/2.0/UDP 10.0.0.1;received=192.0.2.7;branch=z9hG4bK1")
        #expect(ResponseRoute.decide(via: noPort, arrival: flow(.udp), flowOpen: true)
            == .address(SIPSocketAddress(literal: "192.0.2.7", port: 5060)!))
    }

    @Test func streamResponsesUseTheConnectionWhileItIsOpenThenReceivedAndSentByPort() throws {
        let via = try SIPVia.parse("SIP/2.0/TLS client.example.test:5061;received=192.0.2.7;branch=z9hG4bK1")
        #expect(ResponseRoute.decide(via: via, arrival: flow(.tls), flowOpen: true) == .arrivalFlow)
        #expect(ResponseRoute.decide(via: via, arrival: flow(.tls), flowOpen: false)
            == .address(SIPSocketAddress(literal: "192.0.2.7", port: 5061)!))
        let named = try SIPVia.parse("SIP/2.0/TCP client.example.test;branch=z9hG4bK1")
        #expect(ResponseRoute.decide(via: named, arrival: flow(.tcp), flowOpen: false)
            == .unroutable("sent-by client.example.test is a name and the connection closed"))
    }

    @Test func responsesCopyTheMandatoryHeadersAndAddAToTag() {
        let request = Make.request(InboundScreenTests.goodRequest)
        let response = ResponseFactory.response(to: request, statusCode: 200, reasonPhrase: "OK", toTag: "xyz", server: "Dialtone")
        #expect(response.headers[.to] == "<sip:example.test>;tag=xyz")
        #expect(response.headers[.from] == "<sip:a@example.test>;tag=1")
        #expect(response.headers[.callID] == "c1")
        #expect(response.headers[.server] == "Dialtone")
        #expect(response.headers[.contentLength] == "0")
        #expect(ResponseFactory.sanitized("bad\r\nline") == "bad  line")
    }
}

import SDP
import SIPSyntax
import Testing
@testable import SIPDialog

/// The callee's own CSeq space starts at 1 like the caller's, so the response to its first
/// re-INVITE carries the initial INVITE's number when the caller also started at 1
/// (RFC 3261 §12.2.1.1). It must still be taken as the re-INVITE's answer.
@Suite struct CalleeReofferTests {
    @Test func aCalleeHoldAnsweredWithTheInitialInvitesCSeqNumberIsHeld() throws {
        var session = Party.session()
        var peer = Peer()
        peer.cseq = 1
        _ = try IncomingCallTests.incoming(&session, &peer)
        _ = session.answer()
        _ = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 1))
        let reinvite = try #require(session.hold().sentRequests.first)
        #expect(reinvite.headers[.cseq] == "1 INVITE")
        let answered = session.receive(peer.respond(to: reinvite, 200, "OK", sdp: Party.bobSDP(direction: "recvonly", version: 2)))
        #expect(answered.events.first == .held)
        #expect(answered.contains { if case .sendACK = $0 { true } else { false } })
    }
}

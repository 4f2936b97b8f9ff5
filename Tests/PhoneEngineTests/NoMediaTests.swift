import Foundation
import MediaEngine
import NIOPosix
import PhoneEngine
import Testing
import TestSupport

/// Issue 6: "No RTP received for a configurable time → the call is flagged ("no audio from the
/// other side") so the user and the debug pane see it; an option to hang up." sipp answers with
/// SDP and never sends a packet — one-way audio as a firewall causes it.
@Suite(.timeLimit(.minutes(2))) struct NoMediaTests {
    @Test func aPeerThatSendsNoRTPIsFlaggedAndTheCallGoesOn() async throws {
        let (phone, sipp, id) = try await Self.callSilentPeer(general: "no_rtp_timeout = 1")
        defer { Task { await phone.stop(); await sipp.stop() } }
        let flagged = try #require(await phone.waitFor("no_media", call: id), "\(phone.events(of: id))")
        #expect(flagged.kind == .noMedia(seconds: 1))
        let call = try #require(await phone.engine.calls().first { $0.id == id })
        #expect(call.noMediaSeconds == 1)
        #expect(call.state == .active, "flagged, not ended: hanging up is the user's choice by default")
        #expect(await phone.engine.hangUp(id))
        let ended = try #require(await phone.waitFor("ended", call: id))
        if case .ended(_, let reason, _) = ended.kind { #expect(reason == "Hung up") }
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)")
    }

    @Test func withHangupOnNoRTPTheCallEndsWithThatReason() async throws {
        let (phone, sipp, id) = try await Self.callSilentPeer(general: "no_rtp_timeout = 1\nhangup_on_no_rtp = true")
        defer { Task { await phone.stop(); await sipp.stop() } }
        let ended = try #require(await phone.waitFor("ended", call: id), "\(phone.events(of: id))")
        if case .ended(_, let reason, _) = ended.kind {
            #expect(reason == "No audio from the other side for 1 s")
        }
        #expect(phone.events(of: id).contains("no_media"))
        // sipp's scenario ends only after our BYE.
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)")
        #expect(try phone.history.latestCalls(1).first?.finalStatus?.code == 200, "answered, then hung up by us")
    }

    /// A phone with real RTP media (null audio) calling a sipp that answers and stays silent.
    static func callSilentPeer(general: String) async throws -> (TestPhone, Sipp, CallID) {
        let sipp = try Sipp(scenario: "uas-early-media-answer.xml", target: nil)
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        let phone = try await TestPhone.start(
            "alice", general: general, media: RTPCallMediaFactory())
        let id = try await phone.engine.dial("sip:silent@127.0.0.1:\(sipp.port)")
        #expect(await phone.waitFor("answered", call: id) != nil, "\(sipp.log)")
        return (phone, sipp, id)
    }
}

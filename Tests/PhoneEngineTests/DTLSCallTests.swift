import Foundation
import MediaEngine
import NIOPosix
import PhoneEngine
import Testing
import TestSupport

/// Two engines with real RTP media: an account with `srtp_keying = "dtls"` offers DTLS-SRTP
/// and the other answers it, so the call is encrypted with keys that never appear in the SDP.
@Suite(.timeLimit(.minutes(2))) struct DTLSCallTests {
    @Test(arguments: ["optional", "mandatory"]) func aDTLSOfferIsAnsweredAndTheCallIsEncrypted(policy: String) async throws {
        let alice = try await TestPhone.start(
            "alice", account: "srtp = \"\(policy)\"\nsrtp_keying = \"dtls\"",
            media: RTPCallMediaFactory())
        let bob = try await TestPhone.start("bob", media: RTPCallMediaFactory())
        let outgoing = try await alice.engine.dial(bob.uri)
        let incoming = try #require(await bob.waitFor("incoming"))
        #expect(await bob.engine.answer(incoming.call))
        let answered = try #require(await alice.waitFor("answered", call: outgoing))
        if case .answered(_, let encryption) = answered.kind { #expect(encryption == "dtls-srtp") }
        let bobAnswered = try #require(await bob.waitFor("answered", call: incoming.call))
        if case .answered(_, let encryption) = bobAnswered.kind { #expect(encryption == "dtls-srtp") }
        // The INVITE's SDP carried a fingerprint and no key.
        let invite = try #require(alice.watcher.traces.first { $0.direction == .sent && $0.firstLine.hasPrefix("INVITE ") })
        #expect(invite.text.contains("a=fingerprint:sha-256 "), "\(invite.text)")
        #expect(invite.text.contains("a=setup:actpass"))
        #expect(!invite.text.contains("a=crypto"))
        #expect(await alice.engine.hangUp(outgoing))
        let ended = try #require(await alice.waitFor("ended", call: outgoing))
        #expect(ended.kind.endCode == nil)
        await alice.stop()
        await bob.stop()
    }
}

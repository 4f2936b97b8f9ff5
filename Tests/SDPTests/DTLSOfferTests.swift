import SDP
import Testing

/// `srtp_keying = "dtls"`: our offers carry a fingerprint and `setup:actpass` instead of
/// `a=crypto`; a peer of ours answers them with DTLS, in the secure profile or best effort.
@Suite struct DTLSOfferTests {
    func capabilities(_ srtp: SRTPPolicy, fingerprintSeed: UInt8) -> LocalMediaCapabilities {
        var capabilities = TestSDP.capabilities(srtp: srtp)
        capabilities.sdesKeys = [TestSDP.key(.aesCM128HMACSHA1_80, seed: fingerprintSeed)]
        capabilities.dtls = DTLSIdentity(fingerprints: [Fingerprint(hashFunction: "sha-256", digest: Array(repeating: fingerprintSeed, count: 32))])
        capabilities.offersDTLS = true
        return capabilities
    }

    @Test(arguments: [(SRTPPolicy.mandatory, TransportProtocol.udpTLSRTPSAVP), (.optional, .rtpAVP)])
    func dtlsOffersReplaceCryptoLines(policy: SRTPPolicy, transport: TransportProtocol) throws {
        let offer = try OfferAnswer.makeOffer(capabilities(policy, fingerprintSeed: 1), origin: TestSDP.origin)
        let media = offer.media[0]
        #expect(media.transport == transport)
        #expect(media.cryptos.isEmpty)
        #expect(media.fingerprints.count == 1)
        #expect(media.setup == .actpass)
    }

    @Test(arguments: [SRTPPolicy.mandatory, .optional])
    func anotherDialtoneAnswersWithDTLSAndBothAgreeOnRoles(policy: SRTPPolicy) throws {
        let ours = capabilities(policy, fingerprintSeed: 1)
        var theirs = capabilities(.optional, fingerprintSeed: 2)
        theirs.offersDTLS = false
        let offer = try OfferAnswer.makeOffer(ours, origin: TestSDP.origin)
        let answer = try OfferAnswer.makeAnswer(to: offer, capabilities: theirs, origin: TestSDP.origin)
        guard case .dtls(let answererKeying) = answer.media?.security else {
            Issue.record("answerer chose \(String(describing: answer.media?.security))")
            return
        }
        let agreed = try OfferAnswer.processAnswer(answer.answer, toOffer: offer)
        guard case .dtls(let offererKeying) = agreed.security else {
            Issue.record("offerer saw \(agreed.security)")
            return
        }
        #expect(answererKeying.role != offererKeying.role)
        #expect(offererKeying.remoteFingerprints == theirs.dtls?.fingerprints)
        #expect(answererKeying.remoteFingerprints == ours.dtls?.fingerprints)
    }

    @Test func withoutADTLSIdentityTheOfferKeepsSDES() throws {
        var capabilities = capabilities(.optional, fingerprintSeed: 1)
        capabilities.dtls = nil
        let media = try OfferAnswer.makeOffer(capabilities, origin: TestSDP.origin).media[0]
        #expect(media.cryptos.count == 1)
        #expect(media.fingerprints.isEmpty)
    }
}

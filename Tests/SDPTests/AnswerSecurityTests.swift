import SDP
import Testing

/// SRTP keying in answers: SDES (RFC 4568) and DTLS-SRTP (RFC 5763) against the local policy.
@Suite struct AnswerSecurityTests {
    static let key80 = "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4"
    static let key32 = "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj"

    private func answer(_ media: [String], _ capabilities: LocalMediaCapabilities) throws -> AnswerResult {
        try TestSDP.answer(try TestSDP.session(media), capabilities)
    }

    @Test func firstOfferedSuiteWeHaveAKeyForWinsUnderItsTag() throws {
        var capabilities = TestSDP.capabilities(srtp: .optional)
        capabilities.sdesKeys = [TestSDP.key(.aesCM128HMACSHA1_32, seed: 9), TestSDP.key(.aesCM128HMACSHA1_80, seed: 5)]
        let result = try answer(["m=audio 5000 RTP/SAVP 0", Self.key80, Self.key32], capabilities)
        let media = result.answer.media[0]
        #expect(media.transport == .rtpSAVP)
        #expect(media.cryptos.count == 1)
        #expect(media.cryptos[0].tag == 1)
        #expect(media.cryptos[0].suite == .aesCM128HMACSHA1_80)
        #expect(media.cryptos[0].keyParameters[0].keySaltBytes == TestSDP.key(.aesCM128HMACSHA1_80, seed: 5).keySalt)
        guard case .sdes(let keying) = result.media?.security else {
            Issue.record("expected SDES")
            return
        }
        #expect(keying.tag == 1)
        #expect(keying.localKeySalt == TestSDP.key(.aesCM128HMACSHA1_80, seed: 5).keySalt)
        #expect(keying.remoteKeySalt.count == 30)
        #expect(keying.remoteLifetime == .powerOfTwo(20))
        #expect(keying.remoteMasterKeyIdentifier == SRTPMasterKeyIdentifier(value: 1, length: 4))
    }

    @Test func bestEffortSRTPOfferIsAnsweredOnAVPWithCrypto() throws {
        let result = try answer(["m=audio 5000 RTP/AVP 0", Self.key32, Self.key80], TestSDP.capabilities(srtp: .optional))
        #expect(result.answer.media[0].transport == .rtpAVP)
        #expect(result.answer.media[0].cryptos.map(\.tag) == [1])
    }

    @Test func bestEffortOfferWithoutUsableCryptoFallsBackToPlainRTP() throws {
        let result = try answer(["m=audio 5000 RTP/AVP 0", Self.key32], TestSDP.capabilities(srtp: .optional))
        #expect(result.answer.media[0].cryptos.isEmpty)
        #expect(result.media?.security == MediaSecurity.none)
    }

    @Test func cryptoLinesWeCannotHonourAreSkipped() throws {
        let capabilities = TestSDP.capabilities(srtp: .optional)
        let unusable = [
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz KDR=1",
            "a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=",
            "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:@@@@",
            "a=crypto:4 AES_CM_128_HMAC_SHA1_80 uri:https://keys.example.com/4",
        ]
        #expect(throws: NegotiationError.notAcceptable(.noAcceptableKeying)) {
            try answer(["m=audio 5000 RTP/SAVP 0"] + unusable, capabilities)
        }
        let result = try answer(["m=audio 5000 RTP/SAVP 0"] + unusable + ["a=crypto:5 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"],
                                capabilities)
        #expect(result.answer.media[0].cryptos.map(\.tag) == [5])
    }

    @Test func policiesRefuseWhatTheyMust() throws {
        #expect(throws: NegotiationError.notAcceptable(.secureMediaRequired)) {
            try answer(["m=audio 5000 RTP/AVP 0"], TestSDP.capabilities(srtp: .mandatory))
        }
        #expect(throws: NegotiationError.notAcceptable(.noAcceptableKeying)) {
            try answer(["m=audio 5000 RTP/SAVP 0", Self.key80], TestSDP.capabilities(srtp: .off))
        }
        #expect(throws: NegotiationError.notAcceptable(.noAcceptableKeying)) {
            try answer(["m=audio 5000 RTP/SAVP 0"], TestSDP.capabilities(srtp: .mandatory))
        }
        let plain = try answer(["m=audio 5000 RTP/AVP 0", Self.key80], TestSDP.capabilities(srtp: .off))
        #expect(plain.answer.media[0].cryptos.isEmpty)
        #expect(plain.media?.security == MediaSecurity.none)
    }

    private func dtlsCapabilities(answerSetup: SetupRole = .active) -> LocalMediaCapabilities {
        var capabilities = TestSDP.capabilities(srtp: .optional)
        capabilities.sdesKeys = []
        capabilities.dtls = DTLSIdentity(fingerprints: [TestSDP.localFingerprint], answerSetup: answerSetup)
        return capabilities
    }

    @Test(arguments: [("actpass", SetupRole.active, DTLSRole.client), ("active", .passive, .server),
                      ("passive", .active, .client)])
    func dtlsAnswerTakesTheOppositeRole(offered: String, answered: SetupRole, role: DTLSRole) throws {
        let fingerprint = "a=fingerprint:sha-256 " + Array(repeating: "AB", count: 32).joined(separator: ":")
        let result = try answer(["m=audio 5000 UDP/TLS/RTP/SAVPF 0", fingerprint, "a=setup:\(offered)"], dtlsCapabilities())
        let media = result.answer.media[0]
        #expect(media.transport == .udpTLSRTPSAVPF)
        #expect(media.setup == answered)
        #expect(media.fingerprints == [TestSDP.localFingerprint])
        guard case .dtls(let keying) = result.media?.security else {
            Issue.record("expected DTLS")
            return
        }
        #expect(keying.role == role)
        #expect(keying.remoteFingerprints.first?.digest == Array(repeating: 0xAB, count: 32))
        #expect(keying.localFingerprints == [TestSDP.localFingerprint])
    }

    @Test func dtlsPassivePreferenceAndMissingSetupAndHoldconn() throws {
        let fingerprint = "a=fingerprint:sha-1 01:02"
        let passive = try answer(["m=audio 5000 UDP/TLS/RTP/SAVP 0", fingerprint, "a=setup:actpass"],
                                 dtlsCapabilities(answerSetup: .passive))
        #expect(passive.answer.media[0].setup == .passive)
        let noSetup = try answer(["m=audio 5000 UDP/TLS/RTP/SAVP 0", fingerprint], dtlsCapabilities())
        #expect(noSetup.answer.media[0].setup == .passive)
        #expect(throws: NegotiationError.notAcceptable(.noAcceptableKeying)) {
            try answer(["m=audio 5000 UDP/TLS/RTP/SAVP 0", fingerprint, "a=setup:holdconn"], dtlsCapabilities())
        }
    }

    @Test func dtlsProfileNeverUsesSDESAndNeedsBothFingerprints() throws {
        var both = dtlsCapabilities()
        both.sdesKeys = [TestSDP.key(.aesCM128HMACSHA1_80)]
        let result = try answer(["m=audio 5000 UDP/TLS/RTP/SAVPF 0", "a=fingerprint:sha-1 01:02", Self.key80], both)
        #expect(result.answer.media[0].cryptos.isEmpty)
        #expect(result.answer.media[0].setup == .passive)  // no a=setup in the offer means active (RFC 4145 §4)

        #expect(throws: NegotiationError.notAcceptable(.noAcceptableKeying)) {
            try answer(["m=audio 5000 UDP/TLS/RTP/SAVPF 0", "a=setup:actpass"], dtlsCapabilities())
        }
        #expect(throws: NegotiationError.notAcceptable(.noAcceptableKeying)) {
            try answer(["m=audio 5000 UDP/TLS/RTP/SAVPF 0", "a=fingerprint:sha-1 01:02"], TestSDP.capabilities(srtp: .optional))
        }
    }
}

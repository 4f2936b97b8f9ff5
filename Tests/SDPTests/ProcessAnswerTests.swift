import SDP
import Testing

/// Applying an answer to our offer (RFC 3264 §6, §7; RFC 4568 §5.1.3; RFC 5763 §5).
@Suite struct ProcessAnswerTests {
    /// Our default offer: PCMU 0, PCMA 8, G722 9, opus 111, telephone-event 101 (8 kHz) and 96 (48 kHz).
    private func offer(_ capabilities: LocalMediaCapabilities = TestSDP.capabilities()) throws -> SessionDescription {
        try OfferAnswer.makeOffer(capabilities, origin: TestSDP.origin)
    }

    private func process(_ media: [String], offer: SessionDescription? = nil, connection: String = "c=IN IP4 203.0.113.5")
        throws -> NegotiatedMedia
    {
        try OfferAnswer.processAnswer(try TestSDP.session(media, connection: connection), toOffer: offer ?? self.offer())
    }

    @Test func answerersOrderDecidesAndRenumberedTypesMapBack() throws {
        let media = try process([
            "m=audio 6000 RTP/AVP 8 0 97", "a=rtpmap:8 PCMA/8000", "a=rtpmap:97 telephone-event/8000", "a=fmtp:97 0-15",
            "a=ptime:30",
        ])
        #expect(media.codec == NegotiatedCodec(encodingName: "PCMA", clockRate: 8000, channels: 1, sendPayloadType: 8,
                                               receivePayloadType: 8))
        #expect(media.codecs.map(\.encodingName) == ["PCMA", "PCMU"])
        #expect(media.telephoneEvent?.sendPayloadType == 97)
        #expect(media.telephoneEvent?.receivePayloadType == 101)
        #expect(media.telephoneEvent?.remoteFormatParameters == "0-15")
        #expect(media.telephoneEvent?.localFormatParameters == "0-16")
        #expect(media.remotePacketTime == 30)
        #expect(media.remote == MediaEndpoint(address: "203.0.113.5", rtpPort: 6000, rtcpPort: 6001))
        #expect(media.local == MediaEndpoint(address: "192.0.2.10", rtpPort: 40000, rtcpPort: 40001))
        #expect(!media.isRTCPMultiplexed)
        #expect(media.direction == .sendrecv)
        #expect(media.security == MediaSecurity.none)
    }

    @Test func opusAnswerPicksTheWidebandTelephoneEvent() throws {
        let media = try process([
            "m=audio 6000 RTP/AVP 111 96 101", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 stereo=0",
            "a=rtpmap:96 telephone-event/48000", "a=rtpmap:101 telephone-event/8000", "a=rtcp-mux",
        ])
        #expect(media.codec.encodingName == "opus")
        #expect(media.codec.remoteFormatParameters == "stereo=0")
        #expect(media.telephoneEvent?.sendPayloadType == 96)
        #expect(media.isRTCPMultiplexed)
        #expect(media.remote.rtcpPort == 6000)
        #expect(media.local.rtcpPort == 40000)
    }

    @Test func dynamicTypeWithoutRTPMapMeansWhatWeOfferedUnderIt() throws {
        let media = try process(["m=audio 6000 RTP/AVP 0 101"])
        #expect(media.telephoneEvent?.clockRate == 8000)
        #expect(media.telephoneEvent?.sendPayloadType == 101)
    }

    @Test func answersThatDoNotMatchTheOfferAreInvalid() throws {
        #expect(throws: NegotiationError.invalidAnswer(.codecNotOffered(payloadType: 18))) {
            try process(["m=audio 6000 RTP/AVP 0 18"])
        }
        #expect(throws: NegotiationError.invalidAnswer(.codecNotOffered(payloadType: 100))) {
            try process(["m=audio 6000 RTP/AVP 100", "a=rtpmap:100 speex/16000"])
        }
        #expect(throws: NegotiationError.invalidAnswer(.noVoiceCodec)) { try process(["m=audio 6000 RTP/AVP 101"]) }
        #expect(throws: NegotiationError.invalidAnswer(.mediaCountMismatch(offered: 1, answered: 2))) {
            try process(["m=audio 6000 RTP/AVP 0", "m=video 0 RTP/AVP 34"])
        }
        #expect(throws: NegotiationError.invalidAnswer(.mediaTypeMismatch(index: 0))) { try process(["m=video 6000 RTP/AVP 34"]) }
        #expect(throws: NegotiationError.invalidAnswer(.transportMismatch(offered: "RTP/AVP", answered: "RTP/SAVP"))) {
            try process(["m=audio 6000 RTP/SAVP 0"])
        }
        let noConnection = try TestSDP.parse(["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "t=0 0", "m=audio 6000 RTP/AVP 0"])
        #expect(throws: NegotiationError.invalidAnswer(.missingConnectionAddress)) {
            try OfferAnswer.processAnswer(noConnection, toOffer: try offer())
        }
    }

    @Test func portZeroMeansThePeerRejectedOurAudio() throws {
        #expect(throws: NegotiationError.rejectedByPeer) { try process(["m=audio 0 RTP/AVP 0"]) }
    }

    @Test(arguments: [("a=sendrecv", MediaDirection.sendonly, false), ("a=recvonly", .sendonly, false),
                      ("a=inactive", .inactive, true), ("a=sendonly", .inactive, true)])
    func holdOfferDirectionWithTheAnswersDirection(attribute: String, ours: MediaDirection, held: Bool) throws {
        var capabilities = TestSDP.capabilities()
        capabilities.direction = .sendonly
        let media = try process(["m=audio 6000 RTP/AVP 0", attribute], offer: try offer(capabilities))
        #expect(media.direction == ours)
        #expect(media.isHeldByPeer == held)
    }

    @Test func zeroAddressAnswerStopsUsSending() throws {
        let media = try process(["m=audio 6000 RTP/AVP 0"], connection: "c=IN IP4 0.0.0.0")
        #expect(media.direction == .recvonly)
        #expect(media.isHeldByPeer)
    }

    @Test func rtcpAttributeOfTheAnswerIsUsed() throws {
        let media = try process(["m=audio 6000 RTP/AVP 0", "a=rtcp:7000 IN IP4 198.51.100.9"])
        #expect(media.remote.rtcpPort == 7000)
        #expect(media.remote.rtcpAddress == "198.51.100.9")
    }
}

/// SRTP keying of answers to our offers.
@Suite struct ProcessAnswerSecurityTests {
    static let remoteKey = "inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"

    private func sdesOffer(_ policy: SRTPPolicy = .mandatory) throws -> SessionDescription {
        var capabilities = TestSDP.capabilities(srtp: policy)
        capabilities.sdesKeys = [TestSDP.key(.aesCM128HMACSHA1_80), TestSDP.key(.aeadAES128GCM, seed: 3)]
        return try OfferAnswer.makeOffer(capabilities, origin: TestSDP.origin)
    }

    private func process(_ media: [String], offer: SessionDescription) throws -> NegotiatedMedia {
        try OfferAnswer.processAnswer(try TestSDP.session(media), toOffer: offer)
    }

    @Test func acceptedCryptoGivesBothKeys() throws {
        let media = try process(["m=audio 6000 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(Self.remoteKey)|2^31"],
                                offer: try sdesOffer())
        guard case .sdes(let keying) = media.security else {
            Issue.record("expected SDES")
            return
        }
        #expect(keying.tag == 1)
        #expect(keying.localKeySalt == TestSDP.key(.aesCM128HMACSHA1_80).keySalt)
        #expect(keying.remoteKeySalt.count == 30)
        #expect(keying.remoteLifetime == .powerOfTwo(31))
    }

    @Test func cryptoAnswersThatBreakRFC4568AreInvalid() throws {
        let offer = try sdesOffer()
        #expect(throws: NegotiationError.invalidAnswer(.cryptoTagNotOffered(tag: 7))) {
            try process(["m=audio 6000 RTP/SAVP 0", "a=crypto:7 AES_CM_128_HMAC_SHA1_80 \(Self.remoteKey)"], offer: offer)
        }
        #expect(throws: NegotiationError.invalidAnswer(.cryptoSuiteMismatch(tag: 2))) {
            try process(["m=audio 6000 RTP/SAVP 0", "a=crypto:2 AES_CM_128_HMAC_SHA1_80 \(Self.remoteKey)"], offer: offer)
        }
        #expect(throws: NegotiationError.invalidAnswer(.invalidCryptoKey(tag: 2))) {
            try process(["m=audio 6000 RTP/SAVP 0", "a=crypto:2 AEAD_AES_128_GCM \(Self.remoteKey)"], offer: offer)
        }
        #expect(throws: NegotiationError.invalidAnswer(.multipleCryptoLines)) {
            try process(["m=audio 6000 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(Self.remoteKey)",
                         "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(Self.remoteKey)"], offer: offer)
        }
        #expect(throws: NegotiationError.invalidAnswer(.missingKeying)) { try process(["m=audio 6000 RTP/SAVP 0"], offer: offer) }
    }

    @Test func bestEffortOfferAcceptsAPlainAnswer() throws {
        let media = try process(["m=audio 6000 RTP/AVP 0"], offer: try sdesOffer(.optional))
        #expect(media.security == MediaSecurity.none)
    }

    private func dtlsOffer() throws -> SessionDescription {
        var capabilities = TestSDP.capabilities(srtp: .mandatory)
        capabilities.sdesKeys = []
        capabilities.dtls = DTLSIdentity(fingerprints: [TestSDP.localFingerprint])
        return try OfferAnswer.makeOffer(capabilities, origin: TestSDP.origin)
    }

    @Test(arguments: [(String?("a=setup:active"), DTLSRole.server), ("a=setup:passive", .client), (String?.none, .server)])
    func dtlsRoleFollowsTheAnswersSetup(setup: String?, role: DTLSRole) throws {
        let lines = ["m=audio 6000 UDP/TLS/RTP/SAVP 0", "a=fingerprint:sha-256 AA:BB"] + (setup.map { [$0] } ?? [])
        let media = try process(lines, offer: try dtlsOffer())
        #expect(media.security == .dtls(DTLSKeying(role: role, remoteFingerprints: [Fingerprint(hashFunction: "sha-256", value: "AA:BB")],
                                                   localFingerprints: [TestSDP.localFingerprint])))
    }

    @Test func dtlsAnswerMustPickARole() throws {
        #expect(throws: NegotiationError.invalidAnswer(.invalidSetupRole(.actpass))) {
            try process(["m=audio 6000 UDP/TLS/RTP/SAVP 0", "a=fingerprint:sha-256 AA:BB", "a=setup:actpass"], offer: try dtlsOffer())
        }
        #expect(throws: NegotiationError.invalidAnswer(.missingKeying)) {
            try process(["m=audio 6000 UDP/TLS/RTP/SAVP 0", "a=setup:active"], offer: try dtlsOffer())
        }
    }
}

/// Real answers from the corpus applied to our default offer.
@Suite struct ProcessAnswerFixtureTests {
    private func process(_ name: String, offer: SessionDescription? = nil) throws -> NegotiatedMedia {
        let ours = try offer ?? OfferAnswer.makeOffer(TestSDP.capabilities(), origin: TestSDP.origin)
        return try OfferAnswer.processAnswer(try TestSDP.fixture(name), toOffer: ours)
    }

    @Test func asteriskAnswer() throws {
        let media = try process("asterisk16_answer.sdp")
        #expect(media.codec.encodingName == "PCMU")
        #expect(media.telephoneEvent?.sendPayloadType == 101)
        #expect(media.remote == MediaEndpoint(address: "192.168.10.40", rtpPort: 49848, rtcpPort: 49849))
    }

    @Test func freeSWITCHSendonlyAnswerMeansWeOnlyReceive() throws {
        let media = try process("freeswitch_sendonly_answer.sdp")
        #expect(media.direction == .recvonly)
        #expect(media.isHeldByPeer)
        #expect(media.codec.encodingName == "PCMA")
    }

    @Test func sonusAndCirpackEarlyMediaAnswers() throws {
        #expect(try process("sonus_sbc_183_answer.sdp").remote.address == "206.147.76.23")
        #expect(try process("cirpack_183_early_media.sdp").codecs.map(\.encodingName) == ["PCMA", "PCMU"])
    }

    @Test func answersWithCodecsWeNeverOfferedAreInvalid() throws {
        #expect(throws: NegotiationError.invalidAnswer(.codecNotOffered(payloadType: 18))) { try process("nec_ipdect_answer.sdp") }
        #expect(throws: NegotiationError.invalidAnswer(.codecNotOffered(payloadType: 98))) { try process("pjsua_options_answer.sdp") }
    }

    @Test func freeSWITCHDTLSAnswerToAWebRTCStyleOffer() throws {
        var capabilities = TestSDP.capabilities(srtp: .mandatory)
        capabilities.sdesKeys = []
        capabilities.dtls = DTLSIdentity(fingerprints: [TestSDP.localFingerprint])
        var offer = try OfferAnswer.makeOffer(capabilities, origin: TestSDP.origin)
        offer.media[0].transport = .udpTLSRTPSAVPF
        let media = try process("webrtc_freeswitch_dtls_answer.sdp", offer: offer)
        #expect(media.codec.encodingName == "opus")
        #expect(media.codec.receivePayloadType == 111)
        #expect(media.telephoneEvent?.sendPayloadType == 110)
        #expect(media.telephoneEvent?.receivePayloadType == 96)
        #expect(media.isRTCPMultiplexed)
        #expect(media.remote == MediaEndpoint(address: "35.175.163.49", rtpPort: 32242, rtcpPort: 32242))
        guard case .dtls(let keying) = media.security else {
            Issue.record("expected DTLS")
            return
        }
        #expect(keying.role == .server)
        #expect(keying.remoteFingerprints.first?.value.hasPrefix("22:7A:01") == true)
    }
}

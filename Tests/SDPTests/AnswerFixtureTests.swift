import SDP
import Testing
import TestSupport

/// Answers to the real offers in the corpus: what Dialtone would put in its 200 OK, or the 488.
@Suite struct AnswerFixtureTests {
    static let offers = [
        "arcor_gateway_offer.sdp", "asterisk11_offer.sdp", "audiocodes_mp114_offer.sdp", "cisco_sipua_null_origin.sdp",
        "clarent_c5cm_offer.sdp", "eyebeam_audio_video_offer.sdp", "freeswitch_offer.sdp", "ipv6_amrwb_precondition_update.sdp",
        "ipv6_valid8_offer.sdp", "linphone_inactive_zero_addr.sdp", "microsip_sdes_four_crypto_offer.sdp", "nero_sipps_offer.sdp",
        "sipp_recvonly_offer.sdp", "webrtc_chrome_sipjs_offer.sdp", "webrtc_firefox46_offer_av_datachannel.sdp",
        "webrtc_jssip_chrome_sdes_and_dtls_offer.sdp", "xlite4_offer_ice.sdp", "zoiper3_offer.sdp",
    ]

    private func answer(_ name: String, _ capabilities: LocalMediaCapabilities = TestSDP.capabilities()) throws -> AnswerResult {
        try TestSDP.answer(try TestSDP.fixture(name), capabilities)
    }

    /// RFC 3264 §6 holds for every real offer: same m= lines, same order and types, parseable answer.
    @Test(arguments: offers)
    func everyAnswerMirrorsTheOffersMediaLines(name: String) throws {
        let offer = try TestSDP.fixture(name)
        var capabilities = TestSDP.capabilities(srtp: .optional)
        capabilities.dtls = DTLSIdentity(fingerprints: [TestSDP.localFingerprint])
        do {
            let answer = try TestSDP.answer(offer, capabilities).answer
            #expect(answer.media.map(\.type) == offer.media.map(\.type))
            #expect(answer.media.map(\.transport) == offer.media.map(\.transport))
            #expect(try SessionDescription.parse(answer.serialized()) == answer)
        } catch NegotiationError.notAcceptable(let reason) {
            #expect(name == "ipv6_amrwb_precondition_update.sdp", "unexpected 488: \(reason)")
        }
    }

    struct PlainCase: Sendable, CustomTestStringConvertible {
        let name: String
        let codec: String
        let payloadType: UInt8
        let event: UInt8?
        let formats: [String]
        var testDescription: String { name }
    }

    static let plainCases: [PlainCase] = [
        PlainCase(name: "freeswitch_offer.sdp", codec: "PCMU", payloadType: 0, event: 101, formats: ["0", "8", "101"]),
        PlainCase(name: "asterisk11_offer.sdp", codec: "PCMU", payloadType: 0, event: 101, formats: ["0", "101"]),
        PlainCase(name: "zoiper3_offer.sdp", codec: "PCMU", payloadType: 0, event: 101, formats: ["0", "101"]),
        PlainCase(name: "arcor_gateway_offer.sdp", codec: "PCMA", payloadType: 8, event: nil, formats: ["8"]),
        PlainCase(name: "audiocodes_mp114_offer.sdp", codec: "PCMA", payloadType: 8, event: 101, formats: ["8", "101"]),
        PlainCase(name: "clarent_c5cm_offer.sdp", codec: "PCMA", payloadType: 8, event: nil, formats: ["8", "0"]),
        PlainCase(name: "cisco_sipua_null_origin.sdp", codec: "PCMU", payloadType: 0, event: nil, formats: ["0", "8"]),
        PlainCase(name: "nero_sipps_offer.sdp", codec: "pcmu", payloadType: 0, event: nil, formats: ["0", "8"]),
        PlainCase(name: "xlite4_offer_ice.sdp", codec: "PCMU", payloadType: 0, event: 101, formats: ["0", "8", "101"]),
        PlainCase(name: "ipv6_valid8_offer.sdp", codec: "pcmu", payloadType: 0, event: nil, formats: ["0"]),
        PlainCase(name: "sipp_recvonly_offer.sdp", codec: "PCMA", payloadType: 8, event: nil, formats: ["8"]),
    ]

    @Test(arguments: plainCases)
    func plainRTPOffersGetTheOfferersFirstCommonCodec(_ expected: PlainCase) throws {
        let result = try answer(expected.name)
        let media = try #require(result.media)
        #expect(media.codec.encodingName == expected.codec)
        #expect(media.codec.sendPayloadType == expected.payloadType)
        #expect(media.telephoneEvent?.sendPayloadType == expected.event)
        #expect(result.answer.media[0].formats == expected.formats)
        #expect(media.security == MediaSecurity.none)
    }

    @Test func freeSWITCHOfferEndpointsAndPtime() throws {
        let media = try #require(try answer("freeswitch_offer.sdp").media)
        #expect(media.remote == MediaEndpoint(address: "35.175.163.49", rtpPort: 29578, rtcpPort: 29579))
        #expect(media.remotePacketTime == 20)
        #expect(media.telephoneEvent?.remoteFormatParameters == "0-16")
        #expect(media.direction == .sendrecv)
    }

    @Test func sippRecvonlyOfferIsAnsweredSendonly() throws {
        let result = try answer("sipp_recvonly_offer.sdp")
        #expect(result.answer.media[0].direction == .sendonly)
        #expect(result.media?.isHeldByPeer == false)
    }

    @Test func microSIPFourCryptosPickTheFirstSuiteWeHoldAKeyFor() throws {
        for (suite, tag) in [(SRTPCryptoSuite.aes256CMHMACSHA1_80, UInt32(1)), (.aes256CMHMACSHA1_32, 2),
                             (.aesCM128HMACSHA1_80, 3), (.aesCM128HMACSHA1_32, 4)] {
            var capabilities = TestSDP.capabilities(srtp: .mandatory)
            capabilities.sdesKeys = [TestSDP.key(.aesCM128HMACSHA1_32), TestSDP.key(suite, seed: 7)]
            let result = try answer("microsip_sdes_four_crypto_offer.sdp", capabilities)
            let crypto = try #require(result.answer.media[0].cryptos.first)
            #expect(crypto.tag == tag)
            #expect(crypto.suite == suite)
            #expect(result.answer.media[0].transport == .rtpAVP)
            guard case .sdes(let keying) = result.media?.security else {
                Issue.record("expected SDES for \(suite)")
                continue
            }
            #expect(keying.remoteKeySalt.count == suite.keySaltLength)
        }
        let media = try #require(try answer("microsip_sdes_four_crypto_offer.sdp").media)
        #expect(media.security == MediaSecurity.none)
        #expect(media.remote == MediaEndpoint(address: "10.2.19.102", rtpPort: 4000, rtcpPort: 4001))
        #expect(media.codec.encodingName == "PCMA")
    }

    @Test func chromeWebRTCOfferNeedsDTLS() throws {
        #expect(throws: NegotiationError.notAcceptable(.noAcceptableKeying)) {
            try answer("webrtc_chrome_sipjs_offer.sdp", TestSDP.capabilities(srtp: .optional))
        }
        var capabilities = TestSDP.capabilities(srtp: .optional)
        capabilities.dtls = DTLSIdentity(fingerprints: [TestSDP.localFingerprint])
        let result = try answer("webrtc_chrome_sipjs_offer.sdp", capabilities)
        let media = try #require(result.media)
        #expect(result.answer.media[0].formats == ["111", "9", "0", "8", "110", "126"])
        #expect(media.codec.encodingName == "opus")
        #expect(media.codec.remoteFormatParameters == "minptime=10;useinbandfec=1")
        #expect(media.telephoneEvent?.sendPayloadType == 110)
        #expect(media.isRTCPMultiplexed)
        #expect(media.remote.rtcpPort == 55695)
        #expect(media.mid == "audio")
        #expect(result.answer.media[0].setup == .active)
        guard case .dtls(let keying) = media.security else {
            Issue.record("expected DTLS")
            return
        }
        #expect(keying.role == .client)
        #expect(keying.remoteFingerprints.first?.value.hasPrefix("21:B5:56") == true)
    }

    @Test func firefoxOfferKeepsAudioRejectsVideoAndDataWithSessionFingerprint() throws {
        var capabilities = TestSDP.capabilities(srtp: .mandatory)
        capabilities.sdesKeys = []
        capabilities.dtls = DTLSIdentity(fingerprints: [TestSDP.localFingerprint])
        let result = try answer("webrtc_firefox46_offer_av_datachannel.sdp", capabilities)
        #expect(result.answer.media.map(\.port) == [40000, 0, 0])
        #expect(result.answer.media.map(\.mid) == ["sdparta_0", "sdparta_1", "sdparta_2"])
        let media = try #require(result.media)
        #expect(media.codec.sendPayloadType == 109)
        #expect(media.telephoneEvent == nil)
        guard case .dtls(let keying) = media.security else {
            Issue.record("expected DTLS")
            return
        }
        #expect(keying.remoteFingerprints.first?.value.hasPrefix("24:67:5E") == true)
    }

    @Test func jsSIPOfferPrefersSDESAndFallsBackToDTLS() throws {
        var capabilities = TestSDP.capabilities(srtp: .optional)
        capabilities.dtls = DTLSIdentity(fingerprints: [TestSDP.localFingerprint])
        let sdes = try answer("webrtc_jssip_chrome_sdes_and_dtls_offer.sdp", capabilities)
        #expect(sdes.answer.media[0].cryptos.map(\.tag) == [1])
        #expect(sdes.answer.media[0].fingerprints.isEmpty)

        capabilities.sdesKeys = []
        let dtls = try answer("webrtc_jssip_chrome_sdes_and_dtls_offer.sdp", capabilities)
        #expect(dtls.answer.media[0].cryptos.isEmpty)
        #expect(dtls.answer.media[0].setup == .active)
        guard case .dtls = dtls.media?.security else {
            Issue.record("expected DTLS")
            return
        }
    }

    @Test func eyeBeamVideoIsRejectedWithPortZero() throws {
        let result = try answer("eyebeam_audio_video_offer.sdp")
        #expect(result.answer.media.map(\.type) == [.audio, .video])
        #expect(result.answer.media[1].port == 0)
        #expect(result.answer.media[1].formats == ["34"])
        #expect(result.media?.codec.encodingName == "PCMA")
        #expect(result.media?.telephoneEvent?.remoteFormatParameters == "0-15")
    }

    @Test func linphoneDisabledStreamIsMirrored() throws {
        let result = try answer("linphone_inactive_zero_addr.sdp")
        #expect(result.media == nil)
        #expect(result.answer.media.map(\.port) == [0])
    }

    @Test func amrWidebandPreconditionOfferIsNotAcceptable() throws {
        var capabilities = TestSDP.capabilities()
        capabilities.address = "fd17:625c:f037:2::10"
        #expect(throws: NegotiationError.notAcceptable(.noCommonCodec)) {
            try answer("ipv6_amrwb_precondition_update.sdp", capabilities)
        }
        capabilities.codecs.insert(Codec(encodingName: "AMR-WB", clockRate: 16000, payloadType: 100,
                                         formatParameters: "octet-align=0"), at: 0)
        let media = try #require(try answer("ipv6_amrwb_precondition_update.sdp", capabilities).media)
        #expect(media.codec.encodingName == "AMR-WB")
        #expect(media.telephoneEvent?.sendPayloadType == 121)
        #expect(media.remote.address == "fd17:625c:f037:2:a00:27ff:feb9:1521")
    }
}

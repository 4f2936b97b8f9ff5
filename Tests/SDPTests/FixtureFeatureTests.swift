import SDP
import Testing

/// What each real-world body is in the corpus for (see Tests/Fixtures/sdp/SOURCES.md) is read
/// into the model as intended.
@Suite struct FixtureFeatureTests {
    @Test func microSIPOffersFourCryptoSuitesWithRTCPAddress() throws {
        let session = try TestSDP.fixture("microsip_sdes_four_crypto_offer.sdp")
        let audio = session.media[0]
        #expect(audio.transport == .rtpAVP)
        #expect(audio.cryptos.map(\.tag) == [1, 2, 3, 4])
        #expect(audio.cryptos.map(\.suite) == [.aes256CMHMACSHA1_80, .aes256CMHMACSHA1_32, .aesCM128HMACSHA1_80,
                                               .aesCM128HMACSHA1_32])
        #expect(audio.cryptos.map { $0.keyParameters[0].keySaltBytes?.count } == [46, 46, 30, 30])
        #expect(audio.rtcp == RTCPAttribute(port: 4001, connection: ConnectionData(address: "10.2.19.102")))
        #expect(session.bandwidths == [Bandwidth(type: "AS", value: 84)])
        #expect(audio.bandwidths == [Bandwidth(type: "TIAS", value: 64000)])
        #expect(session.connection == nil)
        #expect(session.connection(for: audio)?.address == "10.2.19.102")
        #expect(session.attributes == [.other(name: "X-nat", value: "0")])
    }

    @Test func chromeWebRTCOfferHasFingerprintSetupCandidatesAndBundle() throws {
        let session = try TestSDP.fixture("webrtc_chrome_sipjs_offer.sdp")
        let audio = session.media[0]
        #expect(audio.transport == .udpTLSRTPSAVPF)
        #expect(audio.fingerprints.first?.hashFunction == "sha-256")
        #expect(audio.fingerprints.first?.digest.count == 32)
        #expect(audio.setup == .actpass)
        #expect(audio.candidates.map(\.type) == ["host", "srflx", "host"])
        #expect(audio.candidates[2].transport == "tcp")
        #expect(audio.iceUsernameFragment == "BwhA")
        #expect(audio.iceOptions == ["trickle"])
        #expect(audio.hasRTCPMux)
        #expect(audio.rtcp == RTCPAttribute(port: 9, connection: ConnectionData(address: "0.0.0.0")))
        #expect(session.groups == [GroupAttribute(semantics: "BUNDLE", identifiers: ["audio"])])
        #expect(audio.formatParameters(for: "111")?.value(for: "useinbandfec") == "1")
        #expect(audio.payloadFormats.filter(\.isTelephoneEvent).map(\.clockRate) == [48000, 32000, 16000, 8000])
        #expect(audio.attributeValues(named: "ssrc").count == 4)
        #expect(audio.attributeValues(named: "direction") == ["active"])
    }

    @Test func firefoxOfferHasSessionLevelFingerprintAndThreeMediaSections() throws {
        let session = try TestSDP.fixture("webrtc_firefox46_offer_av_datachannel.sdp")
        #expect(session.media.map(\.type) == [.audio, .video, .application])
        #expect(session.fingerprints.count == 1)
        #expect(session.media[0].fingerprints.isEmpty)
        #expect(session.media[2].transport == .dtlsSCTP)
        #expect(session.media[2].formats == ["5000"])
        #expect(session.media[1].payloadFormats.map(\.encodingName) == ["VP8", "H264", "H264"])
        #expect(session.origin.username == "mozilla...THIS_IS_SDPARTA-46.0.1")
    }

    @Test func freeSWITCHDTLSAnswerIsActiveWithOneCandidate() throws {
        let audio = try TestSDP.fixture("webrtc_freeswitch_dtls_answer.sdp").media[0]
        #expect(audio.setup == .active)
        #expect(audio.candidates.count == 1)
        #expect(audio.hasAttribute(named: "end-of-candidates"))
        #expect(audio.formatParameters(for: "111")?.value(for: "maxplaybackrate") == "8000")
    }

    @Test func jsSIPOfferCarriesBothSDESAndDTLS() throws {
        let audio = try TestSDP.fixture("webrtc_jssip_chrome_sdes_and_dtls_offer.sdp").media[0]
        #expect(audio.transport == .rtpSAVPF)
        #expect(audio.cryptos.map(\.tag) == [0, 1])
        #expect(audio.fingerprints.count == 1)
        #expect(audio.iceOptions == ["google-ice"])
        #expect(audio.candidates.filter { $0.componentID == 2 }.count == 3)
        #expect(audio.maximumPacketTime == 60)
    }

    @Test func linphoneDisabledStreamOnZeroAddress() throws {
        let session = try TestSDP.fixture("linphone_inactive_zero_addr.sdp")
        #expect(session.connection?.isUnspecifiedAddress == true)
        #expect(session.media[0].port == 0)
        #expect(session.media[0].direction == .inactive)
        #expect(session.attributeValues(named: "rtcp-xr") == ["rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics"])
    }

    @Test func ipv6OffersKeepAddressesVerbatim() throws {
        let valid8 = try TestSDP.fixture("ipv6_valid8_offer.sdp")
        #expect(valid8.connection == ConnectionData(addressType: .ipv6, address: "fe80:0:0:0:21a:a0ff:fe07:32e0"))
        #expect(valid8.media[0].rtpMap(for: 0) == RTPMap(payloadType: 0, encodingName: "pcmu", clockRate: 8000, channels: 1))
        let update = try TestSDP.fixture("ipv6_amrwb_precondition_update.sdp")
        #expect(update.origin.addressType == .ipv6)
        #expect(update.origin.address == "[fd17:625c:f037:2:a00:27ff:feb9:1521]")
        #expect(update.connection?.addressType == .ipv6)
    }

    @Test func preconditionAttributesAreKeptInOrder() throws {
        let audio = try TestSDP.fixture("ipv6_amrwb_precondition_update.sdp").media[0]
        #expect(audio.attributeValues(named: "des") == ["qos mandatory local sendrecv", "qos mandatory remote sendrecv"])
        #expect(audio.attributeValues(named: "curr") == ["qos local sendrecv", "qos remote none"])
        #expect(audio.formatParameters(for: "100")?.value(for: "octet-align") == "0")
        #expect(audio.rtpMap(for: 121)?.clockRate == 16000)
    }

    @Test func ciscoNullOriginAndPortOne() throws {
        let session = try TestSDP.fixture("cisco_sipua_null_origin.sdp")
        #expect(session.origin.username == "Cisco-SIPUA")
        #expect(session.origin.sessionID == "(null)")
        #expect(session.origin.sessionVersion == "(null)")
        #expect(session.media[0].port == 1)
    }

    @Test func clarentMixedCaseDirectionAndG723() throws {
        let audio = try TestSDP.fixture("clarent_c5cm_offer.sdp").media[0]
        #expect(audio.direction == .sendrecv)
        #expect(audio.payloadFormats.map(\.encodingName) == ["PCMA", "G729", "G723", "PCMU"])
    }

    @Test func staticPayloadTypesWithoutRTPMapResolveFromRFC3551() throws {
        let xlite = try TestSDP.fixture("xlite4_offer_ice.sdp")
        #expect(xlite.media[0].payloadFormats.map(\.encodingName) == ["BV32", "PCMU", "PCMA", "telephone-event"])
        #expect(xlite.iceUsernameFragment == "64f1a0")
        #expect(xlite.media[0].candidates.map(\.port) == [64508, 64509])
        let audiocodes = try TestSDP.fixture("audiocodes_mp114_offer.sdp")
        #expect(audiocodes.media[0].payloadFormats.map(\.encodingName) == ["PCMA", "CN", "telephone-event"])
    }

    @Test func eyeBeamHasAudioAndVideoWithFmtpBeforeRTPMap() throws {
        let session = try TestSDP.fixture("eyebeam_audio_video_offer.sdp")
        #expect(session.media.map(\.type) == [.audio, .video])
        #expect(session.media[1].payloadFormats.first?.formatParameters == "QCIF=2 CIF=3 MaxBR=4520")
    }

    @Test(arguments: [("sipp_recvonly_offer.sdp", MediaDirection.recvonly), ("freeswitch_sendonly_answer.sdp", .sendonly),
                      ("asterisk11_offer.sdp", .sendrecv), ("freeswitch_offer.sdp", .sendrecv)])
    func directionsOfRealBodies(name: String, direction: MediaDirection) throws {
        let session = try TestSDP.fixture(name)
        #expect(session.direction(for: session.media[0]) == direction)
    }

    @Test func cirpackBandwidthAndChannelsSuffix() throws {
        let audio = try TestSDP.fixture("cirpack_183_early_media.sdp").media[0]
        #expect(audio.bandwidths == [Bandwidth(type: "AS", value: 64)])
        #expect(audio.rtpMaps.map(\.channels) == [1, 1])
    }
}

import SDP
import Testing

/// Offers (RFC 3264 §5) say exactly what the capabilities allow, in the caller's order.
@Suite struct OfferTests {
    private func offer(_ capabilities: LocalMediaCapabilities) throws -> SessionDescription {
        let offer = try OfferAnswer.makeOffer(capabilities, origin: TestSDP.origin)
        #expect(try SessionDescription.parse(offer.serialized()) == offer)
        return offer
    }

    @Test func defaultOfferIsExactlyThis() throws {
        #expect(try offer(TestSDP.capabilities()).serialized() == TestSDP.body([
            "v=0", "o=- 42 42 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
            "m=audio 40000 RTP/AVP 0 8 9 111 101 96",
            "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000", "a=rtpmap:9 G722/8000", "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16",
            "a=rtpmap:96 telephone-event/48000", "a=fmtp:96 0-16", "a=ptime:20", "a=sendrecv", "a=rtcp-mux",
        ]))
    }

    @Test func narrowbandOnlyOfferHasOneTelephoneEvent() throws {
        var capabilities = TestSDP.capabilities()
        capabilities.codecs = [.pcma, .pcmu, .telephoneEvent(payloadType: 100, events: "0-15")]
        capabilities.packetTime = nil
        capabilities.rtcpMux = false
        let media = try offer(capabilities).media[0]
        #expect(media.formats == ["8", "0", "100"])
        #expect(media.formatParameters(for: "100")?.parameterText == "0-15")
        #expect(media.packetTime == nil)
        #expect(!media.hasRTCPMux)
    }

    @Test func collidingDynamicPayloadTypesAreRenumbered() throws {
        var capabilities = TestSDP.capabilities()
        capabilities.codecs = [
            .opus(payloadType: 96), Codec(encodingName: "speex", clockRate: 16000, payloadType: 96), .pcmu,
            .telephoneEvent(payloadType: 97),
        ]
        let media = try offer(capabilities).media[0]
        #expect(media.formats == ["96", "97", "0", "98", "99", "100"])
        #expect(media.payloadFormats.map { "\($0.encodingName)/\($0.clockRate)" } == [
            "opus/48000", "speex/16000", "PCMU/8000", "telephone-event/8000", "telephone-event/48000",
            "telephone-event/16000",
        ])
        #expect(Set(media.payloadTypes).count == media.payloadTypes.count)
    }

    @Test func mandatorySDESOffersSAVPWithCryptoLinesInCallerOrder() throws {
        var capabilities = TestSDP.capabilities(srtp: .mandatory)
        capabilities.sdesKeys = [
            TestSDP.key(.aesCM128HMACSHA1_80), TestSDP.key(.aesCM128HMACSHA1_32, seed: 1),
            TestSDP.key(.aeadAES128GCM, seed: 2), TestSDP.key(.aeadAES256GCM, seed: 3),
        ]
        let media = try offer(capabilities).media[0]
        #expect(media.transport == .rtpSAVP)
        #expect(media.cryptos.map(\.tag) == [1, 2, 3, 4])
        #expect(media.cryptos.map(\.suite) == [.aesCM128HMACSHA1_80, .aesCM128HMACSHA1_32, .aeadAES128GCM, .aeadAES256GCM])
        #expect(media.cryptos.map { $0.keyParameters[0].keySaltBytes } == capabilities.sdesKeys.map(\.keySalt))
        #expect(media.cryptos[0].keyParameters[0].keySalt == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd")
    }

    @Test func optionalSDESOffersAVPWithCrypto() throws {
        let media = try offer(TestSDP.capabilities(srtp: .optional)).media[0]
        #expect(media.transport == .rtpAVP)
        #expect(media.cryptos.count == 1)
    }

    @Test func srtpOffOffersNoCryptoEvenWithKeys() throws {
        var capabilities = TestSDP.capabilities(srtp: .off)
        capabilities.sdesKeys = [TestSDP.key(.aesCM128HMACSHA1_80)]
        let media = try offer(capabilities).media[0]
        #expect(media.transport == .rtpAVP)
        #expect(media.cryptos.isEmpty)
    }

    @Test func mandatoryDTLSOnlyOffersUDPTLSWithActpass() throws {
        var capabilities = TestSDP.capabilities()
        capabilities.srtp = .mandatory
        capabilities.dtls = DTLSIdentity(fingerprints: [TestSDP.localFingerprint])
        let media = try offer(capabilities).media[0]
        #expect(media.transport == .udpTLSRTPSAVP)
        #expect(media.fingerprints == [TestSDP.localFingerprint])
        #expect(media.setup == .actpass)
        #expect(media.cryptos.isEmpty)
    }

    @Test func ipv6AddressGivesIP6LinesAndHoldDirectionIsOffered() throws {
        var capabilities = TestSDP.capabilities()
        capabilities.address = "2001:db8::10"
        capabilities.direction = MediaDirection.sendrecv.held
        let origin = Origin(sessionID: "1", sessionVersion: "2", addressType: .ipv6, address: "2001:db8::10")
        let offer = try OfferAnswer.makeOffer(capabilities, origin: origin)
        #expect(offer.connection == ConnectionData(addressType: .ipv6, address: "2001:db8::10"))
        #expect(offer.serialized().contains("c=IN IP6 2001:db8::10\r\n"))
        #expect(offer.media[0].direction == .sendonly)
    }

    @Test func invalidCapabilitiesAreRefused() {
        var onlyEvents = TestSDP.capabilities()
        onlyEvents.codecs = [.telephoneEvent(), Codec(encodingName: "CN", clockRate: 8000, payloadType: 13)]
        #expect(throws: NegotiationError.invalidCapabilities(.noVoiceCodec)) { try offer(onlyEvents) }

        var noKeys = TestSDP.capabilities(srtp: .mandatory)
        noKeys.sdesKeys = []
        #expect(throws: NegotiationError.invalidCapabilities(.noKeysForMandatorySRTP)) { try offer(noKeys) }

        var shortKey = TestSDP.capabilities(srtp: .optional)
        shortKey.sdesKeys = [SDESKey(suite: .aeadAES256GCM, keySalt: Array(repeating: 1, count: 30))]
        #expect(throws: NegotiationError.invalidCapabilities(.invalidSDESKey(.aeadAES256GCM))) { try offer(shortKey) }

        var unknownSuite = TestSDP.capabilities(srtp: .optional)
        unknownSuite.sdesKeys = [SDESKey(suite: .other("F8_128_HMAC_SHA1_80"), keySalt: Array(repeating: 1, count: 30))]
        #expect(throws: NegotiationError.invalidCapabilities(.invalidSDESKey(.other("F8_128_HMAC_SHA1_80")))) {
            try offer(unknownSuite)
        }

        var portZero = TestSDP.capabilities()
        portZero.rtpPort = 0
        #expect(throws: NegotiationError.invalidCapabilities(.invalidPort)) { try offer(portZero) }
    }
}

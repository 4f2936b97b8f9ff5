import SDP
import Testing

/// Codec rules of RFC 3264 §6.1 for answers, on small hand-written offers.
@Suite struct AnswerCodecTests {
    private func answer(_ media: [String], _ capabilities: LocalMediaCapabilities = TestSDP.capabilities()) throws
        -> (MediaDescription, NegotiatedMedia)
    {
        let result = try TestSDP.answer(try TestSDP.session(media), capabilities)
        #expect(try SessionDescription.parse(result.answer.serialized()) == result.answer)
        return (result.answer.media[0], try #require(result.media))
    }

    @Test func answerListsCommonCodecsInTheOfferersOrder() throws {
        let (media, negotiated) = try answer(["m=audio 5000 RTP/AVP 18 8 3 0 9"])
        #expect(media.formats == ["8", "0", "9"])
        #expect(negotiated.codec.encodingName == "PCMA")
        #expect(negotiated.codecs.map(\.encodingName) == ["PCMA", "PCMU", "G722"])
        #expect(media.rtpMaps.map(\.encodingName) == ["PCMA", "PCMU", "G722"])
    }

    @Test func dynamicCodecsMatchByNameRateAndChannelsUnderTheOfferersNumber() throws {
        let (media, negotiated) = try answer([
            "m=audio 5000 RTP/AVP 102 98 97", "a=rtpmap:102 OPUS/48000", "a=rtpmap:98 Opus/48000/2",
            "a=fmtp:98 maxplaybackrate=16000", "a=rtpmap:97 opus/16000/2",
        ])
        #expect(media.formats == ["98"])
        #expect(negotiated.codec.sendPayloadType == 98)
        #expect(negotiated.codec.receivePayloadType == 98)
        #expect(negotiated.codec.remoteFormatParameters == "maxplaybackrate=16000")
        #expect(negotiated.codec.localFormatParameters == "minptime=10;useinbandfec=1")
        #expect(media.formatParameters(for: "98")?.parameterText == "minptime=10;useinbandfec=1")
        #expect(media.rtpMap(for: 98)?.channels == 2)
    }

    @Test func staticPayloadTypeWithoutRTPMapMatchesByNumber() throws {
        let (media, negotiated) = try answer(["m=audio 5000 RTP/AVP 9"])
        #expect(media.formats == ["9"])
        #expect(negotiated.codec.encodingName == "G722")
    }

    @Test func telephoneEventTakesTheOfferersNumberAndOurEvents() throws {
        let (media, negotiated) = try answer([
            "m=audio 5000 RTP/AVP 0 96", "a=rtpmap:96 telephone-event/8000", "a=fmtp:96 0-11",
        ])
        #expect(media.formats == ["0", "96"])
        #expect(negotiated.telephoneEvent?.sendPayloadType == 96)
        #expect(negotiated.telephoneEvent?.remoteFormatParameters == "0-11")
        #expect(media.formatParameters(for: "96")?.parameterText == "0-16")
        #expect(negotiated.codecs.filter(\.isTelephoneEvent).isEmpty)
    }

    @Test func telephoneEventIsKeptOnlyAtAnsweredClockRates() throws {
        let (media, negotiated) = try answer([
            "m=audio 5000 RTP/AVP 0 110 126 113", "a=rtpmap:110 telephone-event/48000", "a=rtpmap:126 telephone-event/8000",
            "a=rtpmap:113 telephone-event/16000",
        ])
        #expect(media.formats == ["0", "126"])
        #expect(negotiated.telephoneEvent?.sendPayloadType == 126)
    }

    @Test func telephoneEventAtAnotherRateIsKeptWhenItIsTheOnlyOne() throws {
        let (media, negotiated) = try answer(["m=audio 5000 RTP/AVP 0 113", "a=rtpmap:113 telephone-event/16000"])
        #expect(media.formats == ["0", "113"])
        #expect(negotiated.telephoneEvent?.clockRate == 16000)
    }

    @Test func withoutLocalTelephoneEventNoneIsAnswered() throws {
        var capabilities = TestSDP.capabilities()
        capabilities.codecs = [.pcmu]
        let (media, negotiated) = try answer(["m=audio 5000 RTP/AVP 0 101", "a=rtpmap:101 telephone-event/8000"], capabilities)
        #expect(media.formats == ["0"])
        #expect(negotiated.telephoneEvent == nil)
    }

    @Test func comfortNoiseIsAnsweredButNeverChosen() throws {
        var capabilities = TestSDP.capabilities()
        capabilities.codecs = [.pcma, Codec(encodingName: "CN", clockRate: 8000, payloadType: 13)]
        let (media, negotiated) = try answer(["m=audio 5000 RTP/AVP 13 8"], capabilities)
        #expect(media.formats == ["13", "8"])
        #expect(negotiated.codec.encodingName == "PCMA")
        #expect(negotiated.codecs.map(\.encodingName) == ["CN", "PCMA"])
    }

    @Test func noCommonVoiceCodecIsNotAcceptable() throws {
        for media in [["m=audio 5000 RTP/AVP 18 4"], ["m=audio 5000 RTP/AVP 13 101", "a=rtpmap:101 telephone-event/8000"],
                      ["m=audio 5000 RTP/AVP 96"]] {
            #expect(throws: NegotiationError.notAcceptable(.noCommonCodec)) { try answer(media) }
        }
    }

    @Test func answerCarriesPtimeDirectionMuxAndMid() throws {
        let (media, negotiated) = try answer(["m=audio 5000 RTP/AVP 0", "a=ptime:30", "a=rtcp-mux", "a=mid:a0"])
        #expect(media.packetTime == 20)
        #expect(media.direction == .sendrecv)
        #expect(media.hasRTCPMux)
        #expect(media.mid == "a0")
        #expect(negotiated.remotePacketTime == 30)
        #expect(negotiated.mid == "a0")
    }

    @Test func sessionLevelPtimeIsReported() throws {
        let offer = try TestSDP.parse(["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "c=IN IP4 10.0.0.1", "t=0 0", "a=ptime:40",
                                       "m=audio 5000 RTP/AVP 0"])
        #expect(try TestSDP.answer(offer).media?.remotePacketTime == 40)
    }
}

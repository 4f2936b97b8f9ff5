import SDP
import Testing

/// Streams, directions, addresses and RTCP in answers (RFC 3264 §6, §8.4; RFC 3605; RFC 5761).
@Suite struct AnswerTransportTests {
    @Test(arguments: [
        (MediaDirection.sendrecv, MediaDirection.sendrecv, MediaDirection.sendrecv, false),
        (.sendonly, .sendrecv, .recvonly, true), (.recvonly, .sendrecv, .sendonly, false),
        (.inactive, .sendrecv, .inactive, true), (.sendrecv, .sendonly, .sendonly, false),
        (.sendrecv, .inactive, .inactive, false), (.sendonly, .sendonly, .inactive, true),
    ])
    func directionIsAnsweredPerRFC3264(offered: MediaDirection, local: MediaDirection, answered: MediaDirection,
                                       held: Bool) throws {
        var capabilities = TestSDP.capabilities()
        capabilities.direction = local
        let result = try TestSDP.answer(try TestSDP.session(["m=audio 5000 RTP/AVP 0", "a=\(offered)"]), capabilities)
        #expect(result.answer.media[0].direction == answered)
        #expect(result.media?.direction == answered)
        #expect(result.media?.isHeldByPeer == held)
    }

    @Test(arguments: [(nil, MediaDirection.recvonly), ("a=sendrecv", .recvonly), ("a=recvonly", .inactive),
                      ("a=inactive", .inactive)])
    func zeroAddressOfferIsTreatedAsHold(attribute: String?, answered: MediaDirection) throws {
        let offer = try TestSDP.session(["m=audio 5000 RTP/AVP 0"] + (attribute.map { [$0] } ?? []),
                                        connection: "c=IN IP4 0.0.0.0")
        let result = try TestSDP.answer(offer)
        #expect(result.answer.media[0].direction == answered)
        #expect(result.media?.isHeldByPeer == true)
        #expect(result.media?.remote.address == "0.0.0.0")
    }

    @Test func sessionLevelDirectionOfTheOfferIsHonoured() throws {
        let offer = try TestSDP.parse(["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "c=IN IP4 10.0.0.1", "t=0 0", "a=sendonly",
                                       "m=audio 5000 RTP/AVP 0"])
        #expect(try TestSDP.answer(offer).answer.media[0].direction == .recvonly)
    }

    @Test func otherMediaAndDisabledStreamsAreRejectedWithPortZero() throws {
        let offer = try TestSDP.session([
            "m=audio 0 RTP/AVP 0", "m=video 5002 RTP/AVP 34", "a=mid:v", "m=audio 5004 RTP/AVP 8", "m=image 5006 udptl t38",
            "m=audio 5008 RTP/AVP 0", "m=application 5010 UDP/DTLS/SCTP webrtc-datachannel",
        ])
        let result = try TestSDP.answer(offer)
        let answer = result.answer
        #expect(answer.media.map(\.type) == [.audio, .video, .audio, .image, .audio, .application])
        #expect(answer.media.map(\.port) == [0, 0, 40000, 0, 0, 0])
        #expect(answer.media.map(\.formats) == offer.media.map(\.formats))
        #expect(answer.media.map(\.transport) == offer.media.map(\.transport))
        #expect(answer.media[1].mid == "v")
        #expect(result.media?.mediaIndex == 2)
        #expect(result.media?.codec.encodingName == "PCMA")
    }

    @Test func laterAudioIsUsedWhenTheFirstCannotBe() throws {
        let result = try TestSDP.answer(try TestSDP.session(["m=audio 5000 RTP/AVP 18", "m=audio 5002 RTP/AVP 0"]))
        #expect(result.answer.media.map(\.port) == [0, 40000])
        #expect(result.media?.mediaIndex == 1)
    }

    @Test func offerWithOnlyDisabledAudioGetsAMirroredAnswer() throws {
        let result = try TestSDP.answer(try TestSDP.session(["m=audio 0 RTP/AVP 0", "a=inactive"]))
        #expect(result.media == nil)
        #expect(result.answer.media.map(\.port) == [0])
    }

    @Test func offersWeCannotUseAreNotAcceptable() throws {
        #expect(throws: NegotiationError.notAcceptable(.noAudioStream)) {
            try TestSDP.answer(try TestSDP.session(["m=video 5000 RTP/AVP 34"]))
        }
        #expect(throws: NegotiationError.notAcceptable(.unsupportedTransport("TCP/RTP/AVP"))) {
            try TestSDP.answer(try TestSDP.session(["m=audio 5000 TCP/RTP/AVP 0"]))
        }
        #expect(throws: NegotiationError.notAcceptable(.unsupportedTransport("udptl"))) {
            try TestSDP.answer(try TestSDP.session(["m=audio 5000 udptl t38"]))
        }
        let noConnection = try TestSDP.parse(["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "t=0 0", "m=audio 5000 RTP/AVP 0"])
        #expect(throws: NegotiationError.notAcceptable(.missingConnectionAddress)) { try TestSDP.answer(noConnection) }
    }

    @Test func remoteRTCPComesFromRTCPAttributeOrPortPlusOne() throws {
        let plain = try TestSDP.answer(try TestSDP.session(["m=audio 5000 RTP/AVP 0"])).media
        #expect(plain?.remote == MediaEndpoint(address: "203.0.113.5", rtpPort: 5000, rtcpPort: 5001))
        #expect(plain?.local == MediaEndpoint(address: "192.0.2.10", rtpPort: 40000, rtcpPort: 40001))
        #expect(plain?.isRTCPMultiplexed == false)

        let attribute = try TestSDP.answer(try TestSDP.session(["m=audio 5000 RTP/AVP 0", "a=rtcp:6000 IN IP4 198.51.100.7"]))
        #expect(attribute.media?.remote == MediaEndpoint(address: "203.0.113.5", rtpPort: 5000, rtcpAddress: "198.51.100.7",
                                                         rtcpPort: 6000))
    }

    @Test func rtcpMuxNeedsBothSides() throws {
        let offer = try TestSDP.session(["m=audio 5000 RTP/AVP 0", "a=rtcp-mux", "a=rtcp:5001"])
        let muxed = try TestSDP.answer(offer)
        #expect(muxed.media?.isRTCPMultiplexed == true)
        #expect(muxed.media?.remote.rtcpPort == 5000)
        #expect(muxed.media?.local.rtcpPort == 40000)

        var noMux = TestSDP.capabilities()
        noMux.rtcpMux = false
        let declined = try TestSDP.answer(offer, noMux)
        #expect(declined.media?.isRTCPMultiplexed == false)
        #expect(!declined.answer.media[0].hasRTCPMux)
        #expect(declined.media?.remote.rtcpPort == 5001)
    }

    @Test func ipv6OfferIsAnsweredFromAnIPv6Address() throws {
        var capabilities = TestSDP.capabilities()
        capabilities.address = "2001:db8::10"
        let offer = try TestSDP.session(["m=audio 5000 RTP/AVP 0"], connection: "c=IN IP6 [2001:db8::5]")
        let result = try TestSDP.answer(offer, capabilities)
        #expect(result.answer.connection == ConnectionData(addressType: .ipv6, address: "2001:db8::10"))
        #expect(result.media?.remote.address == "2001:db8::5")
        #expect(result.media?.remote.addressType == .ipv6)
    }
}

import SDP
import Testing

/// RFC 3264 §8: one o= identity per dialog, the version bumped exactly when the description changes.
@Suite struct LocalSDPSessionTests {
    @Test func versionStartsAtSessionIDAndOnlyMovesOnChange() throws {
        var session = LocalSDPSession(sessionID: 3_784_977_145)
        var capabilities = TestSDP.capabilities()
        let first = try session.makeOffer(capabilities)
        #expect(first.origin.sessionID == "3784977145")
        #expect(first.origin.sessionVersion == "3784977145")

        let unchanged = try session.makeOffer(capabilities)
        #expect(unchanged == first)

        capabilities.direction = .sendonly
        let hold = try session.makeOffer(capabilities)
        #expect(hold.origin.sessionVersionNumber == 3_784_977_146)
        #expect(hold.media[0].direction == .sendonly)

        capabilities.direction = .inactive
        #expect(try session.makeOffer(capabilities).origin.sessionVersionNumber == 3_784_977_147)

        capabilities.direction = .sendrecv
        let resume = try session.makeOffer(capabilities)
        #expect(resume.origin.sessionVersionNumber == 3_784_977_148)
        #expect(resume.origin.sessionID == first.origin.sessionID)
        #expect(session.version == 3_784_977_148)
    }

    @Test func explicitVersionUsernameAndAnswersShareTheCounter() throws {
        var session = LocalSDPSession(sessionID: 7, version: 1, username: "dialtone")
        let capabilities = TestSDP.capabilities()
        let offer = try session.makeOffer(capabilities)
        #expect(offer.origin.username == "dialtone")
        #expect(offer.origin.sessionVersion == "1")

        let remoteOffer = try TestSDP.session(["m=audio 5000 RTP/AVP 8", "a=rtpmap:8 PCMA/8000"])
        let answer = try session.makeAnswer(to: remoteOffer, capabilities: capabilities).answer
        #expect(answer.origin.sessionVersion == "2")
        #expect(answer.origin.sessionID == "7")
        let again = try session.makeAnswer(to: remoteOffer, capabilities: capabilities).answer
        #expect(again.origin.sessionVersion == "2")
    }

    @Test func failedNegotiationDoesNotMoveTheVersion() throws {
        var session = LocalSDPSession(sessionID: 10)
        let capabilities = TestSDP.capabilities()
        _ = try session.makeOffer(capabilities)
        let unacceptable = try TestSDP.session(["m=audio 5000 RTP/AVP 18"])
        #expect(throws: NegotiationError.notAcceptable(.noCommonCodec)) {
            try session.makeAnswer(to: unacceptable, capabilities: capabilities)
        }
        #expect(session.version == 10)
    }

    /// Two phones in one process: A offers SDES, B answers with its own key, A applies the answer.
    @Test func twoPhonesAgreeOnCodecPortsAndKeys() throws {
        var alice = LocalSDPSession(sessionID: 1)
        var bob = LocalSDPSession(sessionID: 2)
        var aliceCapabilities = TestSDP.capabilities(srtp: .mandatory)
        aliceCapabilities.codecs = [.opus(), .pcmu, .telephoneEvent()]
        var bobCapabilities = LocalMediaCapabilities(address: "192.0.2.20", rtpPort: 50000, codecs: [.pcmu, .opus(payloadType: 120), .telephoneEvent(payloadType: 100)])
        bobCapabilities.srtp = .optional
        bobCapabilities.sdesKeys = [TestSDP.key(.aesCM128HMACSHA1_80, seed: 100)]

        let offer = try alice.makeOffer(aliceCapabilities)
        let bobResult = try bob.makeAnswer(to: offer, capabilities: bobCapabilities)
        let bobMedia = try #require(bobResult.media)
        let aliceMedia = try alice.processAnswer(SessionDescription.parse(bobResult.answer.serialized()), toOffer: offer)

        #expect(aliceMedia.codec.encodingName == "opus")
        #expect(bobMedia.codec.encodingName == "opus")
        #expect(bobMedia.codec.sendPayloadType == 111)
        #expect(aliceMedia.telephoneEvent?.clockRate == 48000)
        #expect(aliceMedia.remote == bobMedia.local)
        #expect(bobMedia.remote == aliceMedia.local)
        #expect(aliceMedia.isRTCPMultiplexed && bobMedia.isRTCPMultiplexed)
        guard case .sdes(let aliceKeys) = aliceMedia.security, case .sdes(let bobKeys) = bobMedia.security else {
            Issue.record("expected SDES on both sides")
            return
        }
        #expect(aliceKeys.localKeySalt == bobKeys.remoteKeySalt)
        #expect(bobKeys.localKeySalt == aliceKeys.remoteKeySalt)
        #expect(aliceKeys.tag == bobKeys.tag)
    }
}

import SDP
import Testing

/// The typed attributes read what their RFCs define and are written back in the same form.
@Suite struct AttributeTests {
    private func media(_ attributes: [String], _ mediaLine: String = "m=audio 4000 RTP/AVP 0 8 96 97 101") throws
        -> MediaDescription
    {
        let session = try TestSDP.session([mediaLine] + attributes)
        #expect(try SessionDescription.parse(session.serialized()) == session)
        return session.media[0]
    }

    @Test func rtpmapWithAndWithoutChannels() throws {
        let media = try media(["a=rtpmap:96 opus/48000/2", "a=rtpmap:8 pcma/8000/1", "a=rtpmap:97 speex/16000"])
        #expect(media.rtpMaps == [
            RTPMap(payloadType: 96, encodingName: "opus", clockRate: 48000, channels: 2),
            RTPMap(payloadType: 8, encodingName: "pcma", clockRate: 8000, channels: 1),
            RTPMap(payloadType: 97, encodingName: "speex", clockRate: 16000),
        ])
        #expect(media.rtpMap(for: 97)?.channels == nil)
        #expect(media.attributeValues(named: "rtpmap") == ["96 opus/48000/2", "8 pcma/8000/1", "97 speex/16000"])
    }

    @Test func fmtpParameterListIsSplitOnSemicolonsAndSpaces() throws {
        let media = try media([
            "a=fmtp:96 useinbandfec=1; maxaveragebitrate=18000;stereo=1", "a=fmtp:101 0-15,16", "a=fmtp:97 mode-set=\"0,1,2\";octet-align=0",
        ])
        let opus = try #require(media.formatParameters(for: "96"))
        #expect(opus.payloadType == 96)
        #expect(opus.parameters.map(\.name) == ["useinbandfec", "maxaveragebitrate", "stereo"])
        #expect(opus.value(for: "MaxAverageBitrate") == "18000")
        #expect(opus.value(for: "cbr") == nil)
        #expect(media.formatParameters(for: "101")?.parameters == [FormatParameter(name: "0-15,16", value: nil)])
        #expect(media.formatParameters(for: "97")?.value(for: "mode-set") == "\"0,1,2\"")
        #expect(opus.parameterText == "useinbandfec=1; maxaveragebitrate=18000;stereo=1")
    }

    @Test func fmtpWithoutParametersAndForNonRTPFormats() throws {
        let session = try TestSDP.session(["m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "a=fmtp:webrtc-datachannel max-message-size=65536", "a=fmtp:5000"])
        let media = session.media[0]
        #expect(media.formatParameters(for: "webrtc-datachannel")?.payloadType == nil)
        #expect(media.formatParameters(for: "5000")?.parameterText == "")
        #expect(session.serialized().contains("a=fmtp:5000\r\n"))
    }

    @Test func packetTimesKeepFractionsAndWholeNumbers() throws {
        let media = try media(["a=ptime:20", "a=maxptime:22.5"])
        #expect(media.packetTime == 20)
        #expect(media.maximumPacketTime == 22.5)
        #expect(media.attributeValues(named: "ptime") == ["20"])
        #expect(media.attributeValues(named: "maxptime") == ["22.5"])
    }

    @Test func directionNamesAreMatchedIgnoringCase() throws {
        #expect(try media(["a=SendRecv"]).direction == .sendrecv)
        #expect(try media(["a=RECVONLY"]).direction == .recvonly)
        let withValue = try media(["a=sendonly:now"])
        #expect(withValue.direction == nil)
        #expect(withValue.attributes == [.other(name: "sendonly", value: "now")])
    }

    @Test func rtcpWithAndWithoutAddress() throws {
        #expect(try media(["a=rtcp:53020"]).rtcp == RTCPAttribute(port: 53020))
        #expect(try media(["a=rtcp:4001 IN IP6 2001:db8::1"]).rtcp
            == RTCPAttribute(port: 4001, connection: ConnectionData(addressType: .ipv6, address: "2001:db8::1")))
        #expect(try media(["a=rtcp-mux"]).hasRTCPMux)
        #expect(try !media(["a=rtcp:9"]).hasRTCPMux)
    }

    @Test func cryptoWithLifetimeMKIAndSessionParameters() throws {
        let media = try media([
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4;inline:QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVoxMjM0|2^20|2:4 FEC_ORDER=FEC_SRTP",
            "a=crypto:2 F8_128_HMAC_SHA1_80 inline:MTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5QUJjZGVm|1048576",
        ], "m=audio 4000 RTP/SAVP 0")
        let cryptos = media.cryptos
        #expect(cryptos.count == 2)
        #expect(cryptos[0].tag == 1)
        #expect(cryptos[0].suite == .aesCM128HMACSHA1_80)
        #expect(cryptos[0].keyParameters.count == 2)
        #expect(cryptos[0].keyParameters[0].lifetime == .powerOfTwo(20))
        #expect(cryptos[0].keyParameters[0].lifetime?.packetCount == 1_048_576)
        #expect(cryptos[0].keyParameters[1].masterKeyIdentifier == SRTPMasterKeyIdentifier(value: 2, length: 4))
        #expect(cryptos[0].keyParameters[0].keySaltBytes?.count == 30)
        #expect(cryptos[0].sessionParameters == ["FEC_ORDER=FEC_SRTP"])
        #expect(cryptos[1].suite == .other("F8_128_HMAC_SHA1_80"))
        #expect(cryptos[1].keyParameters[0].lifetime == .packets(1_048_576))
    }

    @Test func cryptoSuitesKnowTheirKeyLengths() {
        #expect(SRTPCryptoSuite(name: "AES_CM_128_HMAC_SHA1_32").keySaltLength == 30)
        #expect(SRTPCryptoSuite(name: "AES_256_CM_HMAC_SHA1_80").keySaltLength == 46)
        #expect(SRTPCryptoSuite(name: "AEAD_AES_128_GCM").keySaltLength == 28)
        #expect(SRTPCryptoSuite(name: "aead_aes_256_gcm").keySaltLength == 44)
        #expect(SRTPCryptoSuite(name: "NULL_HMAC_SHA1_80").keySaltLength == nil)
    }

    /// RFC 4648 §10 vectors through the public inline-key API, padded and unpadded.
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                      ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func inlineKeysAreBase64(plain: String, encoded: String) {
        #expect(SRTPKeyParameter(inlineKeySalt: Array(plain.utf8)).keySalt == encoded)
        #expect(SRTPKeyParameter(keySalt: encoded).keySaltBytes == Array(plain.utf8))
        let unpadded = String(encoded.prefix { $0 != "=" })
        #expect(SRTPKeyParameter(keySalt: unpadded).keySaltBytes == Array(plain.utf8))
    }

    @Test(arguments: ["Zm9v!", "Zg=", "Z", "Zm9v=Zm9v", "Zg==="])
    func malformedBase64KeysDecodeToNil(text: String) {
        #expect(SRTPKeyParameter(keySalt: text).keySaltBytes == nil)
    }

    @Test func allByteValuesSurviveBase64() {
        let bytes = (0...255).map(UInt8.init)
        #expect(SRTPKeyParameter(inlineKeySalt: bytes).keySaltBytes == bytes)
    }

    @Test func fingerprintDigestAndSetup() throws {
        let media = try media(["a=fingerprint:SHA-256 0a:1B:FF", "a=setup:ActPass"], "m=audio 9 UDP/TLS/RTP/SAVPF 0")
        #expect(media.fingerprints.first?.digest == [0x0A, 0x1B, 0xFF])
        #expect(media.fingerprints.first?.hashFunction == "SHA-256")
        #expect(media.setup == .actpass)
        #expect(Fingerprint(hashFunction: "sha-1", digest: [0x0A, 0xFF]).value == "0A:FF")
    }

    @Test func candidatesWithRelatedAddressAndExtensions() throws {
        let media = try media([
            "a=candidate:302099698 1 udp 1686052607 69.17.142.250 55695 typ srflx raddr 10.10.24.139 rport 55695 generation 0 network-id 1",
            "a=candidate:2861705686 1 tcp 1518280447 10.10.24.139 9 typ host tcptype active",
        ])
        let srflx = media.candidates[0]
        #expect(srflx.foundation == "302099698")
        #expect(srflx.componentID == 1)
        #expect(srflx.priority == 1_686_052_607)
        #expect(srflx.type == "srflx")
        #expect(srflx.relatedAddress == "10.10.24.139")
        #expect(srflx.relatedPort == 55695)
        #expect(srflx.extensions == [.init(name: "generation", value: "0"), .init(name: "network-id", value: "1")])
        #expect(media.candidates[1].extensions == [.init(name: "tcptype", value: "active")])
    }

    @Test func iceMidGroupAndGenericAttributes() throws {
        let session = try TestSDP.session([
            "a=group:BUNDLE audio video", "a=ice-options:trickle renomination", "a=msid-semantic: WMS *",
            "m=audio 4000 RTP/AVP 0", "a=ice-ufrag:F7gI", "a=ice-pwd:x9cml/YzichV2+XlhiMu8g", "a=mid:audio",
            "a=ssrc:1 cname:abc", "a=ssrc:1 msid:s t", "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=end-of-candidates",
        ])
        #expect(session.groups == [GroupAttribute(semantics: "BUNDLE", identifiers: ["audio", "video"])])
        #expect(session.iceOptions == ["trickle", "renomination"])
        #expect(session.attributeValues(named: "msid-semantic") == [" WMS *"])
        let media = session.media[0]
        #expect(media.iceUsernameFragment == "F7gI")
        #expect(media.icePassword == "x9cml/YzichV2+XlhiMu8g")
        #expect(media.mid == "audio")
        #expect(media.attributeValues(named: "SSRC") == ["1 cname:abc", "1 msid:s t"])
        #expect(media.hasAttribute(named: "end-of-candidates"))
        #expect(media.attributeValues(named: "end-of-candidates") == [nil])
        #expect(session.serialized().contains("a=msid-semantic: WMS *\r\n"))
    }

    @Test func unknownAttributesKeepNameCaseAndEmptyValues() throws {
        let media = try media(["a=X-nat:0", "a=x-empty:", "a=silenceSupp:off - - - -"])
        #expect(media.attributes == [
            .other(name: "X-nat", value: "0"), .other(name: "x-empty", value: ""),
            .other(name: "silenceSupp", value: "off - - - -"),
        ])
    }

    @Test func directionAnsweringFollowsRFC3264() {
        #expect(MediaDirection.answering(.sendrecv, localPreference: .sendrecv) == .sendrecv)
        #expect(MediaDirection.answering(.sendonly, localPreference: .sendrecv) == .recvonly)
        #expect(MediaDirection.answering(.recvonly, localPreference: .sendrecv) == .sendonly)
        #expect(MediaDirection.answering(.inactive, localPreference: .sendrecv) == .inactive)
        #expect(MediaDirection.answering(.sendrecv, localPreference: .sendonly) == .sendonly)
        #expect(MediaDirection.answering(.sendonly, localPreference: .sendonly) == .inactive)
        #expect(MediaDirection.answering(.recvonly, localPreference: .recvonly) == .inactive)
        #expect(MediaDirection.sendrecv.held == .sendonly)
        #expect(MediaDirection.recvonly.held == .inactive)
    }
}

import SDP
import Testing

/// Each line type of RFC 8866 §5 is read into the model, including the forms only real
/// devices and multicast announcements use.
@Suite struct ParserTests {
    @Test func readsEverySessionLevelLineType() throws {
        let session = try TestSDP.parse([
            "v=0", "o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5", "s=SDP Seminar",
            "i=A Seminar on the session description protocol", "u=http://www.example.com/seminars/sdp.pdf",
            "e=j.doe@example.com (Jane Doe)", "e=help@example.com", "p=+1 617 555-6011",
            "c=IN IP4 224.2.17.12/127", "b=CT:128", "b=AS:256", "t=2873397496 2873404696",
            "r=7d 1h 0 25h", "z=2882844526 -1h 2898848070 0", "k=clear:secret", "a=recvonly",
            "m=audio 49170 RTP/AVP 0",
        ])
        #expect(session.origin.username == "jdoe")
        #expect(session.origin.sessionVersionNumber == 2890842807)
        #expect(session.sessionName == "SDP Seminar")
        #expect(session.information == "A Seminar on the session description protocol")
        #expect(session.uri == "http://www.example.com/seminars/sdp.pdf")
        #expect(session.emails == ["j.doe@example.com (Jane Doe)", "help@example.com"])
        #expect(session.phones == ["+1 617 555-6011"])
        #expect(session.connection == ConnectionData(addressType: .ipv4, address: "224.2.17.12", ttl: 127))
        #expect(session.bandwidths == [Bandwidth(type: "CT", value: 128), Bandwidth(type: "AS", value: 256)])
        #expect(session.timing.first?.start == 2873397496)
        let repeatTime = try #require(session.timing.first?.repeats.first)
        #expect(repeatTime.interval.seconds == 604_800)
        #expect(repeatTime.activeDuration == TypedTime(value: 1, unit: .hours))
        #expect(repeatTime.offsets.map(\.seconds) == [0, 90_000])
        #expect(session.timeZoneAdjustments.map(\.offset.seconds) == [-3600, 0])
        #expect(session.encryptionKey == EncryptionKey(method: "clear", key: "secret"))
        #expect(session.direction == .recvonly)
    }

    @Test func readsMediaLevelLines() throws {
        let session = try TestSDP.parse([
            "v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "t=0 0",
            "m=video 51372/2 RTP/AVP 99", "i=main camera", "c=IN IP4 224.2.1.1/127/3", "c=IN IP6 FF15::101/3",
            "b=TIAS:64000", "k=prompt", "a=rtpmap:99 h263-1998/90000",
        ])
        let media = try #require(session.media.first)
        #expect(media.type == .video)
        #expect(media.port == 51372)
        #expect(media.portCount == 2)
        #expect(media.title == "main camera")
        #expect(media.connections == [
            ConnectionData(addressType: .ipv4, address: "224.2.1.1", ttl: 127, numberOfAddresses: 3),
            ConnectionData(addressType: .ipv6, address: "FF15::101", numberOfAddresses: 3),
        ])
        #expect(media.bandwidths == [Bandwidth(type: "TIAS", value: 64000)])
        #expect(media.encryptionKey == EncryptionKey(method: "prompt"))
        #expect(session.connection(for: media) == media.connections.first)
        #expect(try SessionDescription.parse(session.serialized()) == session)
    }

    @Test func bareLineFeedAndCRLFBodiesParseTheSame() throws {
        let lines = ["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "c=IN IP4 10.0.0.1", "t=0 0", "m=audio 4000 RTP/AVP 0"]
        let crlf = try SessionDescription.parse(TestSDP.body(lines))
        let lf = try SessionDescription.parse(lines.joined(separator: "\n"))
        #expect(crlf == lf)
        #expect(lf.serialized() == TestSDP.body(lines))
    }

    @Test func parsesBytesAndSlicesOfALargerBuffer() throws {
        let body = TestSDP.body(["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "t=0 0"])
        let message = Array(("INVITE sip:x SIP/2.0\r\n\r\n" + body).utf8)
        let slice = message[(message.count - body.utf8.count)...]
        #expect(try SessionDescription.parse(slice) == SessionDescription.parse(Array(body.utf8)))
    }

    @Test func toleratesBlankLinesAndExtraSpaces() throws {
        let session = try SessionDescription.parse(
            "v=0\r\no=-  1 1  IN IP4 10.0.0.1\r\ns=-\r\n\r\nt=0 0\r\nm=audio  4000 RTP/AVP 0  8 \r\n\r\n")
        #expect(session.origin.address == "10.0.0.1")
        #expect(session.media.first?.formats == ["0", "8"])
    }

    @Test func acceptsSessionLinesOutOfRFCOrder() throws {
        let session = try TestSDP.parse([
            "v=0", "s=-", "o=- 1 1 IN IP4 10.0.0.1", "t=0 0", "c=IN IP4 10.0.0.1", "b=AS:64", "m=audio 4000 RTP/AVP 0",
        ])
        #expect(session.connection?.address == "10.0.0.1")
        #expect(session.serialized().hasPrefix("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nb=AS:64\r\nt=0 0\r\n"))
    }

    @Test func originUsernameWithSpacesAndNonNumericIDsAreKept() throws {
        let session = try TestSDP.parse(["v=0", "o=Cisco SIP UA (null) (null) IN IP4 10.0.0.1", "s=-", "t=0 0"])
        #expect(session.origin.username == "Cisco SIP UA")
        #expect(session.origin.sessionID == "(null)")
        #expect(session.origin.sessionVersionNumber == nil)
        #expect(session.serialized().contains("o=Cisco SIP UA (null) (null) IN IP4 10.0.0.1\r\n"))
    }

    @Test func unknownLineTypesAreKeptInOrderPerSection() throws {
        let session = try TestSDP.parse([
            "v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "x=first", "t=0 0", "y=second", "m=audio 4000 RTP/AVP 0", "x=media",
        ])
        #expect(session.unknownLines == [SDPUnknownLine(type: "x", value: "first"), SDPUnknownLine(type: "y", value: "second")])
        #expect(session.media[0].unknownLines == [SDPUnknownLine(type: "x", value: "media")])
        let reparsed = try SessionDescription.parse(session.serialized())
        #expect(reparsed == session)
        #expect(session.serialized().hasSuffix("m=audio 4000 RTP/AVP 0\r\nx=media\r\n"))
    }

    @Test func rtpFormatsAreResolvedThroughRTPMapOrStaticTable() throws {
        let session = try TestSDP.session([
            "m=audio 4000 RTP/AVP 0 18 97 98", "a=rtpmap:97 iLBC/8000", "a=fmtp:97 mode=30", "a=fmtp:18 annexb=no",
        ])
        let formats = session.media[0].payloadFormats
        #expect(formats.map(\.encodingName) == ["PCMU", "G729", "iLBC"])
        #expect(formats.map(\.formatParameters) == [nil, "annexb=no", "mode=30"])
        #expect(session.media[0].payloadTypes == [0, 18, 97, 98])
    }

    @Test func nonRTPFormatsAreTokens() throws {
        let session = try TestSDP.session(["m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:5000"])
        #expect(session.media[0].formats == ["webrtc-datachannel"])
        #expect(session.media[0].payloadTypes.isEmpty)
        #expect(session.media[0].transport == .udpDTLSSCTP)
        #expect(!session.media[0].transport.isRTP)
    }

    @Test func transportProfilesAreClassified() {
        #expect(TransportProtocol.rtpAVP.isRTPOverUDP && !TransportProtocol.rtpAVP.isSecure)
        #expect(TransportProtocol.rtpSAVP.isSecure && !TransportProtocol.rtpSAVP.usesDTLS)
        #expect(TransportProtocol.udpTLSRTPSAVPF.isSecure && TransportProtocol.udpTLSRTPSAVPF.usesDTLS)
        #expect(TransportProtocol.udpTLSRTPSAVPF.hasFeedback && !TransportProtocol.rtpSAVP.hasFeedback)
        #expect(!TransportProtocol("TCP/RTP/AVP").isRTPOverUDP)
        #expect(TransportProtocol("rtp/savp").isSecure)
    }

    @Test func holdAddressesAreRecognised() throws {
        #expect(ConnectionData(address: "0.0.0.0").isUnspecifiedAddress)
        #expect(ConnectionData(address: "::").isUnspecifiedAddress)
        #expect(!ConnectionData(address: "10.0.0.1").isUnspecifiedAddress)
        #expect(ConnectionData(address: "fe80::1").addressType == .ipv6)
    }

    @Test func sessionDirectionIsTheDefaultForMedia() throws {
        let session = try TestSDP.session(["a=sendonly", "m=audio 4000 RTP/AVP 0", "m=audio 4002 RTP/AVP 0", "a=inactive"])
        #expect(session.direction(for: session.media[0]) == .sendonly)
        #expect(session.direction(for: session.media[1]) == .inactive)
        let plain = try TestSDP.session(["m=audio 4000 RTP/AVP 0"])
        #expect(plain.direction(for: plain.media[0]) == .sendrecv)
    }
}

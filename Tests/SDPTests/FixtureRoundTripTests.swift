import SDP
import Testing
import TestSupport

/// Every real-world body in `Tests/Fixtures/sdp` parses, and what `serialized()` writes parses
/// back to the same value (RFC 8866 §5), so nothing a peer sent is lost or changed in meaning.
@Suite struct FixtureRoundTripTests {
    static let fixtureNames: [String] = (try? Fixtures.files(in: "sdp", withExtension: "sdp")) ?? []

    /// Guards the parameterised tests below against running over an empty list.
    @Test func theFixtureCorpusIsFound() {
        #expect(Self.fixtureNames.count >= 25)
    }

    @Test(arguments: fixtureNames)
    func parsesAndRoundTrips(name: String) throws {
        let bytes = try Fixtures.bytes("sdp/" + name)
        let parsed = try SessionDescription.parse(bytes)
        let text = parsed.serialized()
        #expect(try SessionDescription.parse(text) == parsed)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingCRLF().contains("\r"))
    }

    /// Same number of lines in and out: no line is dropped or invented by a round trip.
    @Test(arguments: fixtureNames)
    func keepsEveryLine(name: String) throws {
        let text = String(decoding: try Fixtures.bytes("sdp/" + name), as: UTF8.self)
        let written = try SessionDescription.parse(text).serialized()
        #expect(written.lineCount == text.lineCount)
    }

    /// Bodies already in RFC 8866 order with canonical spelling come back byte for byte.
    @Test(arguments: [
        "asterisk11_offer.sdp", "freeswitch_offer.sdp", "zoiper3_offer.sdp", "microsip_sdes_four_crypto_offer.sdp",
        "webrtc_chrome_sipjs_offer.sdp", "webrtc_freeswitch_dtls_answer.sdp", "xlite4_offer_ice.sdp",
        "ipv6_amrwb_precondition_update.sdp", "cisco_sipua_null_origin.sdp",
    ])
    func canonicalBodiesComeBackByteForByte(name: String) throws {
        let text = String(decoding: try Fixtures.bytes("sdp/" + name), as: UTF8.self)
        #expect(try SessionDescription.parse(text).serialized() == text)
    }

    /// LF-only bodies (two WebRTC fixtures) are written back with CRLF and otherwise unchanged.
    @Test func lineFeedOnlyBodyIsWrittenWithCRLF() throws {
        let text = String(decoding: try Fixtures.bytes("sdp/webrtc_firefox46_offer_av_datachannel.sdp"), as: UTF8.self)
        #expect(!text.contains("\r\n"))
        let written = try SessionDescription.parse(text).serialized()
        #expect(written == text.split(separator: "\n").map { $0 + "\r\n" }.joined())
    }
}

extension String {
    func replacingCRLF() -> String {
        split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }

    var lineCount: Int {
        split(whereSeparator: \.isNewline).count
    }
}

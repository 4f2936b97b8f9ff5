import SDP
import TestSupport

/// Builders shared by the SDP tests: hand-written bodies stay readable as one line per array
/// element, and every test starts from the same local capabilities.
enum TestSDP {
    /// The lines joined with CRLF and a final CRLF, as a SIP body carries them.
    static func body(_ lines: [String]) -> String {
        lines.map { $0 + "\r\n" }.joined()
    }

    static func parse(_ lines: [String]) throws -> SessionDescription {
        try SessionDescription.parse(body(lines))
    }

    static func fixture(_ name: String) throws -> SessionDescription {
        try SessionDescription.parse(try Fixtures.bytes("sdp/" + name))
    }

    /// A minimal valid session with the given media lines appended.
    static func session(_ media: [String], connection: String = "c=IN IP4 203.0.113.5") throws -> SessionDescription {
        try parse(["v=0", "o=peer 1 1 IN IP4 203.0.113.5", "s=-", connection, "t=0 0"] + media)
    }

    /// Deterministic stand-ins for CSPRNG output, the right length for each suite.
    static func key(_ suite: SRTPCryptoSuite, seed: UInt8 = 0) -> SDESKey {
        let length = suite.keySaltLength ?? 30
        return SDESKey(suite: suite, keySalt: (0..<length).map { UInt8(truncatingIfNeeded: Int($0) + Int(seed)) })
    }

    static let localFingerprint = Fingerprint(hashFunction: "sha-256", digest: Array(0..<32))

    /// PCMU, PCMA, G722, opus, telephone-event/101 on 192.0.2.10:40000, sendrecv, ptime 20, rtcp-mux.
    static func capabilities(srtp: SRTPPolicy = .off) -> LocalMediaCapabilities {
        var capabilities = LocalMediaCapabilities(address: "192.0.2.10", rtpPort: 40000)
        capabilities.srtp = srtp
        if srtp != .off { capabilities.sdesKeys = [key(.aesCM128HMACSHA1_80)] }
        return capabilities
    }

    static let origin = Origin(username: "-", sessionID: "42", sessionVersion: "42", addressType: .ipv4, address: "192.0.2.10")

    static func answer(_ offer: SessionDescription, _ capabilities: LocalMediaCapabilities = capabilities())
        throws -> AnswerResult
    {
        try OfferAnswer.makeAnswer(to: offer, capabilities: capabilities, origin: origin)
    }
}

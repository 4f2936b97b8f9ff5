/// What this phone offers and accepts for one call's audio: the input of every offer and answer.
///
/// The caller owns sockets and randomness, so it supplies the address and port it bound and
/// the SRTP keys it drew; this module only describes them (RFC 3264 §5).
public struct LocalMediaCapabilities: Sendable, Hashable {
    /// Codecs in our order of preference, telephone-event included if DTMF is wanted.
    public var codecs: [Codec]
    /// The address media is received on; IPv6 when it has a colon.
    public var address: String
    public var rtpPort: UInt16
    /// `sendrecv` normally; `sendonly` or `inactive` to hold (RFC 3264 §8.4, see `MediaDirection.held`).
    public var direction: MediaDirection
    /// Milliseconds per packet we want to receive (`a=ptime`), or `nil` to say nothing.
    public var packetTime: UInt32?
    /// Whether RTP and RTCP may share the RTP port (RFC 5761).
    public var rtcpMux: Bool
    public var srtp: SRTPPolicy
    /// Our SDES keys, in the order their suites are preferred.
    public var sdesKeys: [SDESKey]
    /// Our DTLS identity, when DTLS-SRTP may be used.
    public var dtls: DTLSIdentity?
    /// Offers key SRTP by DTLS (fingerprint + `setup:actpass`) rather than `a=crypto`, when we
    /// have a DTLS identity. Answers always follow the offer.
    public var offersDTLS: Bool
    /// `s=`; RFC 8866 §5.3 suggests `-`.
    public var sessionName: String

    /// The codecs used when the caller names none: G.711 first because every peer has it.
    public static let defaultCodecs: [Codec] = [.pcmu, .pcma, .g722, .opus(), .telephoneEvent()]

    public init(address: String, rtpPort: UInt16, codecs: [Codec] = LocalMediaCapabilities.defaultCodecs) {
        self.codecs = codecs
        self.address = address
        self.rtpPort = rtpPort
        direction = .sendrecv
        packetTime = 20
        rtcpMux = true
        srtp = .off
        sdesKeys = []
        dtls = nil
        offersDTLS = false
        sessionName = "-"
    }

    var addressType: AddressType { AddressType(inferringFrom: address) }

    /// Refuses capabilities no offer or answer could honour, before anything is sent.
    func validate() throws(NegotiationError) {
        guard codecs.contains(where: { !$0.isTelephoneEvent && !$0.isComfortNoise }) else {
            throw .invalidCapabilities(.noVoiceCodec)
        }
        guard rtpPort != 0 else { throw .invalidCapabilities(.invalidPort) }
        for key in sdesKeys where key.suite.keySaltLength != key.keySalt.count {
            throw .invalidCapabilities(.invalidSDESKey(key.suite))
        }
        if srtp == .mandatory, sdesKeys.isEmpty, dtls == nil {
            throw .invalidCapabilities(.noKeysForMandatorySRTP)
        }
    }
}

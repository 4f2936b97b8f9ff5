/// Whether media must, may or must not be encrypted with SRTP (RFC 3711).
public enum SRTPPolicy: Sendable, Hashable, CaseIterable {
    /// Plain RTP only; an offer that insists on SRTP is refused.
    case off
    /// SRTP when the peer offers or accepts it, plain RTP otherwise. Offers say `RTP/AVP`
    /// with `a=crypto` (best-effort SRTP, as most desk phones do it).
    case optional
    /// SRTP or no call: offers say `RTP/SAVP`; a plain offer is refused with 488.
    case mandatory
}

/// One local SDES master key (RFC 4568 §6.1) for one suite. The bytes are the master key
/// followed by the master salt, drawn by the caller from the system CSPRNG: this module never
/// makes keys, so it never has to be trusted with randomness.
public struct SDESKey: Sendable, Hashable {
    public var suite: SRTPCryptoSuite
    public var keySalt: [UInt8]

    public init(suite: SRTPCryptoSuite, keySalt: [UInt8]) {
        self.suite = suite
        self.keySalt = keySalt
    }
}

/// Our DTLS certificate's fingerprints (RFC 8122), for DTLS-SRTP (RFC 5763/5764).
public struct DTLSIdentity: Sendable, Hashable {
    public var fingerprints: [Fingerprint]
    /// Our role when an offer leaves the choice to us (`actpass`); RFC 5763 §5 recommends active.
    public var answerSetup: SetupRole

    public init(fingerprints: [Fingerprint], answerSetup: SetupRole = .active) {
        self.fingerprints = fingerprints
        self.answerSetup = answerSetup
    }
}

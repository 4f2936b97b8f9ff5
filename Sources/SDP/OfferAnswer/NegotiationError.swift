/// Why an offer could not be answered, an answer could not be used, or an offer not be made.
/// Each case says what the SIP layer should do (RFC 3261 §13.3.1.1, RFC 3264 §6).
public enum NegotiationError: Error, Sendable, Hashable {
    /// The offer cannot be accepted: answer the INVITE with 488 Not Acceptable Here.
    case notAcceptable(NotAcceptableReason)
    /// The answer contradicts our offer (RFC 3264 §6): end the dialog, the media state is unknown.
    case invalidAnswer(InvalidAnswerReason)
    /// The answerer refused our audio stream with port 0 (RFC 3264 §6): there is no media.
    case rejectedByPeer
    /// The local capabilities cannot produce a valid description: a configuration bug.
    case invalidCapabilities(CapabilityProblem)

    public enum NotAcceptableReason: Error, Sendable, Hashable {
        /// No `m=audio` line at all.
        case noAudioStream
        /// An RTP profile over something other than UDP (e.g. `TCP/RTP/AVP`), or no RTP at all.
        case unsupportedTransport(String)
        /// Neither the media section nor the session has a `c=` line (RFC 8866 §5.7).
        case missingConnectionAddress
        /// No voice codec in common.
        case noCommonCodec
        /// Our policy is mandatory SRTP and the offer has no crypto or DTLS we accept.
        case secureMediaRequired
        /// The offer insists on SRTP (`RTP/SAVP`, `UDP/TLS/...`) and we can use none of its keying.
        case noAcceptableKeying
    }

    public enum InvalidAnswerReason: Error, Sendable, Hashable {
        /// RFC 3264 §6: the answer has exactly as many m= lines as the offer.
        case mediaCountMismatch(offered: Int, answered: Int)
        /// The m= line at `index` changed its media type.
        case mediaTypeMismatch(index: Int)
        /// The answered transport profile is not the offered one.
        case transportMismatch(offered: String, answered: String)
        case missingConnectionAddress
        /// A payload type that names no codec we offered.
        case codecNotOffered(payloadType: UInt8)
        /// The answer accepted audio but names no voice codec.
        case noVoiceCodec
        /// `a=crypto` with a tag we did not offer (RFC 4568 §5.1.3).
        case cryptoTagNotOffered(tag: UInt32)
        /// `a=crypto` whose suite differs from the one we offered under that tag.
        case cryptoSuiteMismatch(tag: UInt32)
        /// `a=crypto` whose key is not an inline key of the suite's length.
        case invalidCryptoKey(tag: UInt32)
        /// More than one `a=crypto` in the answer (RFC 4568 §5.1.2 allows exactly one).
        case multipleCryptoLines
        /// We offered SRTP only and the answer gives no way to key it.
        case missingKeying
        /// `a=setup` in a DTLS answer must be `active` or `passive` (RFC 5763 §5).
        case invalidSetupRole(SetupRole)
        /// Our offer had no active audio stream to match the answer against.
        case noAudioOffered
    }

    public enum CapabilityProblem: Sendable, Hashable {
        /// Only telephone-event or comfort noise configured.
        case noVoiceCodec
        /// Port 0 would reject our own stream.
        case invalidPort
        /// An SDES key whose length does not fit its suite, or a suite this module does not know.
        case invalidSDESKey(SRTPCryptoSuite)
        /// Mandatory SRTP with neither SDES keys nor a DTLS identity.
        case noKeysForMandatorySRTP
    }
}

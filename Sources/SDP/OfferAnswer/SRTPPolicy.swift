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

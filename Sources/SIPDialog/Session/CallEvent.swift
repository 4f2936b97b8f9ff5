import SDP
import SIPSyntax

/// Everything an invite session reports to the application, past tense or state-like.
public enum CallEvent: Hashable, Sendable {
    /// An INVITE arrived (UAS); answer with `ring()`, `answer()` or `reject(…)`.
    case incoming(IncomingCall)
    /// A 180 arrived (or another 1xx without SDP that is not 183).
    case ringing
    /// A provisional response carried the answer: media may flow before the call is answered.
    case earlyMedia(NegotiatedMedia)
    /// The call is answered; nil media only when the answer disabled every stream.
    case answered(NegotiatedMedia?)
    /// A 3xx sent us on to another target.
    case redirected(to: URI)
    /// The peer put us on hold (sendonly/inactive or `c=0.0.0.0`), or took us off hold.
    case heldByRemote
    case resumedByRemote
    /// Our hold or resume was accepted by the peer.
    case held
    case resumed
    /// A renegotiation changed the media (new address, codec, direction).
    case mediaChanged(NegotiatedMedia)
    /// Our re-INVITE or UPDATE failed; the previous media stays (RFC 3261 §14.1).
    case reofferFailed(statusCode: Int, reasonPhrase: String)
    /// The peer asks us to call `target` (REFER, RFC 3515), replacing a dialog of ours when
    /// `replaces` is set (attended transfer, RFC 3891). Report back with `notifyTransferProgress`.
    case transferRequested(target: URI, replaces: ReplacesHeader?, referredBy: String?)
    /// The transfer we asked for progressed: the status line of the peer's sipfrag NOTIFY.
    case transferProgress(statusCode: Int, reasonPhrase: String)
    /// Our REFER was refused.
    case transferFailed(statusCode: Int, reasonPhrase: String)
    /// A DTMF digit from SIP INFO (application/dtmf-relay); duration in milliseconds.
    case dtmfReceived(Character, duration: Int)
    case ended(CallEndReason)
}

/// What the application needs to present an incoming call.
public struct IncomingCall: Hashable, Sendable {
    public var from: SIPAddress
    public var to: SIPAddress
    public var requestURI: URI
    /// The caller's offer; nil for an offerless INVITE (we offer in the 200, RFC 3261 §13.3.1).
    public var offer: SessionDescription?
    /// Set when the INVITE replaces an existing dialog (RFC 3891): find the call it matches
    /// with `InviteSession.isReplaced(by:)`.
    public var replaces: ReplacesHeader?
}

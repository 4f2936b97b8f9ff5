import MediaEngine

/// Something that happened to a call, once: the events scripts react to (`--json` prints them
/// with these names, see `EngineEventJSON`).
public struct CallNotification: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An INVITE for us: who calls.
        case incoming(from: String, displayName: String?)
        case ringing
        case earlyMedia
        /// Answered (by the peer or by us), with the media agreed.
        case answered(codec: String?, encryption: String)
        /// Our hold / resume was accepted.
        case held
        case resumed
        /// The peer put us on hold (true) or took us off hold (false).
        case remoteHold(Bool)
        /// Our REFER's progress (RFC 3515 sipfrag), or its refusal.
        case transferProgress(statusCode: Int, reasonPhrase: String)
        case dtmf(Character)
        /// The last event of a call: the SIP status when one decided, the reason, talk time.
        case ended(code: Int?, reason: String, duration: Double?)
        case stats(CallMediaStatistics)
        /// Our microphone was muted (true) or unmuted.
        case muted(Bool)
        /// Recording started to this file, or stopped (nil: the file is complete).
        case recording(path: String?)
        /// No RTP from the peer for this many seconds (`no_rtp_timeout`), while it should send.
        case noMedia(seconds: Int)
        /// RTP arrives again after `noMedia`.
        case mediaRestored
    }

    public var call: CallID
    public var account: String
    public var kind: Kind

    public init(call: CallID, account: String, kind: Kind) {
        self.call = call
        self.account = account
        self.kind = kind
    }
}

/// A page-mode message (RFC 3428) that arrived for an account.
public struct InstantMessageNotification: Sendable, Hashable {
    public var account: String
    public var from: String
    public var displayName: String?
    public var text: String

    public init(account: String, from: String, displayName: String?, text: String) {
        self.account = account
        self.from = from
        self.displayName = displayName
        self.text = text
    }
}

import Foundation

/// A call as the UI and scripts see it: who, which account, where it stands, and the media it
/// runs with. Emitted as `EngineEvent.call` whenever any of it changes.
public struct CallSnapshot: Sendable, Hashable {
    /// Where the call stands; `ended` is the last snapshot of every call.
    public enum State: String, Sendable, Hashable {
        /// We sent the INVITE; nothing but 100 heard.
        case dialing
        /// 180 from the peer (outgoing) or our 180 sent (incoming).
        case ringing
        /// A provisional response carried SDP: media before the answer (RFC 3261 §13.2.1).
        case earlyMedia = "early_media"
        /// An INVITE for us waits for answer or reject.
        case incoming
        case active
        /// We put the peer on hold.
        case held
        case ended
    }

    public enum Direction: String, Sendable, Hashable {
        case incoming, outgoing
    }

    public var id: CallID
    public var account: String
    public var direction: Direction
    public var state: State
    /// The peer's address of record (`sip:bob@example.com`).
    public var remoteURI: String
    public var remoteDisplayName: String?
    /// The SIP Call-ID, to find the call in a trace.
    public var sipCallID: String?
    /// The peer put us on hold (RFC 3264 §8.4).
    public var isRemoteHold: Bool
    public var startedAt: Date
    public var answeredAt: Date?
    public var endedAt: Date?
    /// `PCMU/8000` once media is agreed.
    public var codec: String?
    /// `none`, `srtp-sdes`, `dtls-srtp`.
    public var encryption: String
    /// Our microphone is muted: the peer hears silence.
    public var isMuted: Bool = false
    /// Set while no RTP has come from the peer for this many seconds (it should be sending):
    /// "no audio from the other side" — one-way audio, a NAT or firewall problem, or a dead peer.
    public var noMediaSeconds: Int?
    /// The WAV file this call is being recorded to, nil when not recording.
    public var recordingPath: String?
    /// When ended: the SIP status that decided it, if any, and the reason in words.
    public var endCode: Int?
    public var endReason: String?

    public init(id: CallID, account: String, direction: Direction, remoteURI: String, startedAt: Date) {
        self.id = id
        self.account = account
        self.direction = direction
        self.state = direction == .incoming ? .incoming : .dialing
        self.remoteURI = remoteURI
        self.isRemoteHold = false
        self.startedAt = startedAt
        self.encryption = "none"
    }

    /// Talk time in seconds, once answered.
    public var duration: TimeInterval? {
        guard let answeredAt else { return nil }
        return (endedAt ?? Date()).timeIntervalSince(answeredAt)
    }

    public var isEnded: Bool { state == .ended }
}

import Foundation

/// Identifies a call across engine and UI. Opaque to the UI: it only compares and passes it back.
public struct CallID: Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// One call in the calls area.
public struct CallRow: Sendable, Hashable {
    /// The call's state in the words a user expects (issue 7, calls area). A transfer in
    /// progress is not a state of its own: it is `transfer`, shown over whichever state the
    /// call is in (talking or on hold), which it returns to if the transfer fails.
    public enum State: Sendable, Hashable, CaseIterable {
        case dialling, ringing, earlyMedia, talking, onHold, heldByRemote, ended
    }

    public enum Direction: Sendable, Hashable {
        case incoming, outgoing
    }

    /// Media protection, shown on every call so a user is never misled about privacy.
    public enum Encryption: Sendable, Hashable {
        case none, srtp, dtls
    }

    /// Live media quality from RTCP (RFC 3550 §6.4) and the engine's E-model estimate.
    public struct Quality: Sendable, Hashable {
        /// Fraction of packets lost, in percent.
        public var lossPercent: Double
        public var jitterMilliseconds: Double
        /// Mean opinion score, 1.0–4.5.
        public var meanOpinionScore: Double

        public init(lossPercent: Double, jitterMilliseconds: Double, meanOpinionScore: Double) {
            self.lossPercent = lossPercent
            self.jitterMilliseconds = jitterMilliseconds
            self.meanOpinionScore = meanOpinionScore
        }
    }

    /// Our REFER for this call (RFC 3515) and how it went, from the sipfrag NOTIFYs (§2.4.5).
    public enum Transfer: Sendable, Hashable {
        /// REFER sent; `statusCode` is the latest provisional status the peer reported, if any.
        case inProgress(statusCode: Int?)
        /// The peer reached the target: our leg ends.
        case succeeded
        /// The REFER was refused or the peer's call to the target failed; the call stays ours.
        case failed(statusCode: Int, reasonPhrase: String)
    }

    public var id: CallID
    /// The contact's name when the number is known, else nil (the URI is shown instead).
    public var remoteName: String?
    public var remoteURI: String
    public var account: String
    public var direction: Direction
    public var state: State
    /// When the call was answered; the duration shown is `now - connectedAt`, so the engine
    /// need not send an update every second.
    public var connectedAt: Date?
    public var codec: String?
    public var encryption: Encryption
    public var quality: Quality?
    public var isMuted: Bool
    public var isRecording: Bool
    /// Since when the peer has sent no audio though it should (engine `no_media`), nil while it
    /// does; a date rather than a count so the shown seconds grow with the clock.
    public var noAudioSince: Date?
    public var transfer: Transfer?

    public init(
        id: CallID, remoteName: String? = nil, remoteURI: String, account: String,
        direction: Direction = .outgoing, state: State, connectedAt: Date? = nil, codec: String? = nil,
        encryption: Encryption = .none, quality: Quality? = nil, isMuted: Bool = false, isRecording: Bool = false,
        noAudioSince: Date? = nil, transfer: Transfer? = nil
    ) {
        self.id = id
        self.remoteName = remoteName
        self.remoteURI = remoteURI
        self.account = account
        self.direction = direction
        self.state = state
        self.connectedAt = connectedAt
        self.codec = codec
        self.encryption = encryption
        self.quality = quality
        self.isMuted = isMuted
        self.isRecording = isRecording
        self.noAudioSince = noAudioSince
        self.transfer = transfer
    }

    /// The name a person recognises: the contact name, else the URI.
    public var displayName: String { remoteName ?? remoteURI }

    /// An incoming call not yet answered: the one-key answer/reject/ignore popup is about these.
    public var isUnansweredIncoming: Bool {
        direction == .incoming && (state == .ringing || state == .earlyMedia)
    }

    /// Audio is flowing both ways (or we are the party holding it); switching calls holds it.
    public var isActive: Bool {
        switch state {
        case .talking, .heldByRemote, .earlyMedia: return !isUnansweredIncoming
        case .dialling, .ringing, .onHold, .ended: return false
        }
    }
}

/// Why a call ended, with the SIP status when one decided it: what the UI shows and what the
/// call history stores.
public enum CallEndReason: Error, Hashable, Sendable, CustomStringConvertible {
    /// We sent BYE.
    case localHangUp
    /// The peer sent BYE.
    case remoteHangUp
    /// We cancelled before an answer (RFC 3261 §9.1); also when the answer raced the CANCEL.
    case cancelled
    /// The caller cancelled our incoming call (§9.2).
    case cancelledByCaller
    /// We refused the incoming call with this status (486, 603, 488, …).
    case rejectedLocally(statusCode: Int, reasonPhrase: String)
    /// The call attempt failed with a final response (real or the transaction layer's local
    /// 408/503).
    case failed(CallFailure)
    /// The transfer we asked for succeeded, so our leg ends (RFC 5589 §6.1).
    case transferred
    /// An INVITE with Replaces took this call over (RFC 3891).
    case replaced
    /// We answered and no ACK came within 64·T1 (RFC 3261 §13.3.1.4).
    case ackTimeout
    /// The session timer ran out without a refresh (RFC 4028 §10).
    case sessionExpired
    /// More 3xx redirections than allowed, or only targets already tried.
    case redirectLimitReached
    /// The peer's SDP could not be used (RFC 3264): the call was released.
    case mediaFailure(String)
    /// Our own audio could not start (no free RTP port, the sound device refused, …): not the
    /// peer's fault, so not worded as a negotiation failure.
    case mediaUnavailable(String)
    /// The peer broke the protocol in a way that leaves no usable call.
    case protocolError(String)
    /// We hung up because no RTP came for this many seconds (`hangup_on_no_rtp`).
    case noMedia(seconds: Int)

    /// The SIP status that ended the call, when there is one.
    public var statusCode: Int? {
        switch self {
        case .rejectedLocally(let code, _): code
        case .failed(let failure): failure.statusCode
        case .cancelled, .cancelledByCaller: 487
        case .ackTimeout: 408
        case .localHangUp, .remoteHangUp, .transferred, .replaced, .sessionExpired,
             .redirectLimitReached, .mediaFailure, .mediaUnavailable, .protocolError, .noMedia: nil
        }
    }

    public var reasonPhrase: String {
        switch self {
        case .localHangUp: "Hung up"
        case .remoteHangUp: "Remote party hung up"
        case .cancelled: "Cancelled"
        case .cancelledByCaller: "Caller cancelled"
        case .rejectedLocally(_, let reason): reason
        case .failed(let failure): failure.reasonPhrase
        case .transferred: "Transferred"
        case .replaced: "Replaced"
        case .ackTimeout: "No ACK for the answer"
        case .sessionExpired: "Session timer expired"
        case .redirectLimitReached: "Too many redirections"
        case .mediaFailure(let reason): "Media negotiation failed: \(reason)"
        case .mediaUnavailable(let reason): "Audio could not start: \(reason)"
        case .protocolError(let reason): "Protocol error: \(reason)"
        case .noMedia(let seconds): "No audio from the other side for \(seconds) s"
        }
    }

    public var description: String { statusCode.map { "\($0) \(reasonPhrase)" } ?? reasonPhrase }
}

/// A failed call attempt: the final status and what it means to a person.
public struct CallFailure: Hashable, Sendable {
    /// What the status means, for the UI and for scripts (RFC 3261 §21).
    public enum Cause: Hashable, Sendable {
        case busy, declined, notFound, unavailable, notAcceptable, noAnswer, unreachable
        case authenticationFailed, other
    }

    public var statusCode: Int
    /// The phrase as the peer wrote it.
    public var reasonPhrase: String
    public var cause: Cause

    public init(statusCode: Int, reasonPhrase: String) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.cause = Self.cause(of: statusCode)
    }

    static func cause(of status: Int) -> Cause {
        switch status {
        case 486, 600: .busy
        case 603, 607: .declined
        case 404, 604: .notFound
        case 480: .unavailable
        case 488, 606: .notAcceptable
        case 408: .noAnswer
        case 503: .unreachable
        case 401, 407: .authenticationFailed
        default: .other
        }
    }
}

/// `a=sendrecv`, `a=sendonly`, `a=recvonly`, `a=inactive` (RFC 8866 §6.7), always from the
/// point of view of the side that wrote the description. RFC 3264 §6.1 builds the answer's
/// direction from the offer's by swapping send and receive, then removing what the answerer
/// does not want; `answering(_:localPreference:)` is that rule.
public enum MediaDirection: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sendrecv, sendonly, recvonly, inactive

    public init(sends: Bool, receives: Bool) {
        switch (sends, receives) {
        case (true, true): self = .sendrecv
        case (true, false): self = .sendonly
        case (false, true): self = .recvonly
        case (false, false): self = .inactive
        }
    }

    public var sends: Bool { self == .sendrecv || self == .sendonly }
    public var receives: Bool { self == .sendrecv || self == .recvonly }

    /// The same stream seen from the other end: what one side sends, the other receives.
    public var reversed: MediaDirection { MediaDirection(sends: receives, receives: sends) }

    /// What both allow.
    public func intersection(_ other: MediaDirection) -> MediaDirection {
        MediaDirection(sends: sends && other.sends, receives: receives && other.receives)
    }

    /// The direction to offer when putting a stream on hold (RFC 3264 §8.4): stop receiving,
    /// so `sendrecv` becomes `sendonly` and `recvonly` becomes `inactive`.
    public var held: MediaDirection { MediaDirection(sends: sends, receives: false) }

    /// The answer to an offer with direction `offered` (RFC 3264 §6.1): sendonly is answered
    /// recvonly, recvonly sendonly, inactive inactive, each narrowed by `localPreference`.
    public static func answering(_ offered: MediaDirection, localPreference: MediaDirection) -> MediaDirection {
        offered.reversed.intersection(localPreference)
    }

    init?(attributeName name: String) {
        switch name {
        case "sendrecv": self = .sendrecv
        case "sendonly": self = .sendonly
        case "recvonly": self = .recvonly
        case "inactive": self = .inactive
        default: return nil
        }
    }

    /// The attribute name.
    public var description: String {
        switch self {
        case .sendrecv: "sendrecv"
        case .sendonly: "sendonly"
        case .recvonly: "recvonly"
        case .inactive: "inactive"
        }
    }
}

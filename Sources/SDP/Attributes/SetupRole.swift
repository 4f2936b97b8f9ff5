/// `a=setup` (RFC 4145 §4): which side opens the connection, which for DTLS-SRTP decides who
/// is the DTLS client (RFC 5763 §5: the offerer says `actpass`, the answerer picks).
public enum SetupRole: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case active, passive, actpass, holdconn

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        switch value.trimmingWhitespace().lowercasedString {
        case "active": self = .active
        case "passive": self = .passive
        case "actpass": self = .actpass
        case "holdconn": self = .holdconn
        default: throw .unrecognized("role", value: value.string)
        }
    }

    public var description: String {
        switch self {
        case .active: "active"
        case .passive: "passive"
        case .actpass: "actpass"
        case .holdconn: "holdconn"
        }
    }
}

/// A header field name. Names compare case-insensitively (RFC 3261 §7.3.1), and the single-letter
/// compact forms of RFC 3261 §7.3.3 (and later RFCs) are expanded to their long forms on creation,
/// so `v`, `VIA` and `Via` are one name. Known names take their canonical spelling; unknown ones
/// keep the spelling they arrived with.
public struct SIPHeaderName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The spelling used when serializing.
    public let name: String
    /// The lower-cased long form: the identity used for comparison and hashing.
    public let key: String

    public init(_ text: String) {
        let lower = text.lowercased()
        if let canonical = Self.canonicalByLowercase[lower] {
            self.name = canonical
            self.key = canonical.lowercased()
        } else {
            self.name = text
            self.key = lower
        }
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    public var description: String { name }

    /// Whether the name arrived (or could be sent) as a compact form.
    public var compactForm: Character? { Self.compactByKey[key] }

    // MARK: - Well-known names

    public static let accept: SIPHeaderName = "Accept"
    public static let allow: SIPHeaderName = "Allow"
    public static let authorization: SIPHeaderName = "Authorization"
    public static let callID: SIPHeaderName = "Call-ID"
    public static let contact: SIPHeaderName = "Contact"
    public static let contentDisposition: SIPHeaderName = "Content-Disposition"
    public static let contentEncoding: SIPHeaderName = "Content-Encoding"
    public static let contentLength: SIPHeaderName = "Content-Length"
    public static let contentType: SIPHeaderName = "Content-Type"
    public static let cseq: SIPHeaderName = "CSeq"
    public static let event: SIPHeaderName = "Event"
    public static let expires: SIPHeaderName = "Expires"
    public static let from: SIPHeaderName = "From"
    public static let maxForwards: SIPHeaderName = "Max-Forwards"
    public static let minExpires: SIPHeaderName = "Min-Expires"
    public static let proxyAuthenticate: SIPHeaderName = "Proxy-Authenticate"
    public static let proxyAuthorization: SIPHeaderName = "Proxy-Authorization"
    public static let proxyRequire: SIPHeaderName = "Proxy-Require"
    public static let rack: SIPHeaderName = "RAck"
    public static let recordRoute: SIPHeaderName = "Record-Route"
    public static let referTo: SIPHeaderName = "Refer-To"
    public static let require: SIPHeaderName = "Require"
    public static let route: SIPHeaderName = "Route"
    public static let rseq: SIPHeaderName = "RSeq"
    public static let server: SIPHeaderName = "Server"
    public static let subscriptionState: SIPHeaderName = "Subscription-State"
    public static let supported: SIPHeaderName = "Supported"
    public static let timestamp: SIPHeaderName = "Timestamp"
    public static let to: SIPHeaderName = "To"
    public static let unsupported: SIPHeaderName = "Unsupported"
    public static let userAgent: SIPHeaderName = "User-Agent"
    public static let via: SIPHeaderName = "Via"
    public static let wwwAuthenticate: SIPHeaderName = "WWW-Authenticate"

    // MARK: - Tables

    /// Compact forms: RFC 3261 §7.3.3 (i m e l c f s k t v), RFC 6665 (o u), RFC 3515 (r),
    /// RFC 3892 (b), RFC 4028 (x), RFC 3841 (a j d), RFC 4474 (y n).
    static let compactForms: [Character: String] = [
        "i": "Call-ID", "m": "Contact", "e": "Content-Encoding", "l": "Content-Length",
        "c": "Content-Type", "f": "From", "s": "Subject", "k": "Supported", "t": "To",
        "v": "Via", "o": "Event", "u": "Allow-Events", "r": "Refer-To", "b": "Referred-By",
        "x": "Session-Expires", "a": "Accept-Contact", "j": "Reject-Contact",
        "d": "Request-Disposition", "y": "Identity", "n": "Identity-Info",
    ]

    /// Canonical spellings of the headers of RFC 3261 §20 and the extensions the stack uses.
    static let canonicalNames: [String] = [
        "Accept", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
        "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact",
        "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length",
        "Content-Type", "CSeq", "Date", "Error-Info", "Event", "Expires", "From", "In-Reply-To",
        "Max-Forwards", "MIME-Version", "Min-Expires", "Min-SE", "Organization", "Priority",
        "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require", "RAck", "Reason",
        "Record-Route", "Refer-To", "Referred-By", "Replaces", "Reply-To", "Require",
        "Retry-After", "Route", "RSeq", "Server", "Session-Expires", "SIP-ETag", "SIP-If-Match",
        "Subject", "Subscription-State", "Supported", "Timestamp", "To", "Unsupported",
        "User-Agent", "Via", "Warning", "WWW-Authenticate", "Path", "Service-Route",
        "P-Asserted-Identity", "P-Preferred-Identity", "Accept-Contact", "Reject-Contact",
        "Request-Disposition", "Identity", "Identity-Info", "Privacy", "Security-Client",
        "Security-Server", "Security-Verify", "Flow-Timer",
    ]

    static let canonicalByLowercase: [String: String] = {
        var table: [String: String] = [:]
        for name in canonicalNames { table[name.lowercased()] = name }
        for (letter, long) in compactForms { table[String(letter)] = long }
        return table
    }()

    static let compactByKey: [String: Character] = {
        var table: [String: Character] = [:]
        for (letter, long) in compactForms { table[long.lowercased()] = letter }
        return table
    }()
}

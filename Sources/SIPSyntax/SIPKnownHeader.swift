/// The header names of RFC 3261 §20 and the extensions the stack uses, as a closed set: a
/// `SIPHeaderName` for one of these is a one-byte tag, so comparing, hashing and copying names
/// on the parse path costs no string work (the parse-rate budget is a few microseconds per INVITE).
enum SIPKnownHeader: UInt8, CaseIterable, Hashable, Sendable {
    case accept
    case acceptEncoding
    case acceptLanguage
    case alertInfo
    case allow
    case allowEvents
    case authenticationInfo
    case authorization
    case callID
    case callInfo
    case contact
    case contentDisposition
    case contentEncoding
    case contentLanguage
    case contentLength
    case contentType
    case cseq
    case date
    case errorInfo
    case event
    case expires
    case from
    case inReplyTo
    case maxForwards
    case mimeVersion
    case minExpires
    case minSE
    case organization
    case priority
    case proxyAuthenticate
    case proxyAuthorization
    case proxyRequire
    case rack
    case reason
    case recordRoute
    case referTo
    case referredBy
    case replaces
    case replyTo
    case require
    case retryAfter
    case route
    case rseq
    case server
    case sessionExpires
    case sipETag
    case sipIfMatch
    case subject
    case subscriptionState
    case supported
    case timestamp
    case to
    case unsupported
    case userAgent
    case via
    case warning
    case wwwAuthenticate
    case path
    case serviceRoute
    case pAssertedIdentity
    case pPreferredIdentity
    case acceptContact
    case rejectContact
    case requestDisposition
    case identity
    case identityInfo
    case privacy
    case securityClient
    case securityServer
    case securityVerify
    case flowTimer

    /// The canonical spelling. A switch over literals rather than a table: literals are
    /// immortal, so the serializer reads a name with no lazy-global check and no retain.
    @inline(__always)
    var spelling: String {
        switch self {
        case .accept: "Accept"
        case .acceptEncoding: "Accept-Encoding"
        case .acceptLanguage: "Accept-Language"
        case .alertInfo: "Alert-Info"
        case .allow: "Allow"
        case .allowEvents: "Allow-Events"
        case .authenticationInfo: "Authentication-Info"
        case .authorization: "Authorization"
        case .callID: "Call-ID"
        case .callInfo: "Call-Info"
        case .contact: "Contact"
        case .contentDisposition: "Content-Disposition"
        case .contentEncoding: "Content-Encoding"
        case .contentLanguage: "Content-Language"
        case .contentLength: "Content-Length"
        case .contentType: "Content-Type"
        case .cseq: "CSeq"
        case .date: "Date"
        case .errorInfo: "Error-Info"
        case .event: "Event"
        case .expires: "Expires"
        case .from: "From"
        case .inReplyTo: "In-Reply-To"
        case .maxForwards: "Max-Forwards"
        case .mimeVersion: "MIME-Version"
        case .minExpires: "Min-Expires"
        case .minSE: "Min-SE"
        case .organization: "Organization"
        case .priority: "Priority"
        case .proxyAuthenticate: "Proxy-Authenticate"
        case .proxyAuthorization: "Proxy-Authorization"
        case .proxyRequire: "Proxy-Require"
        case .rack: "RAck"
        case .reason: "Reason"
        case .recordRoute: "Record-Route"
        case .referTo: "Refer-To"
        case .referredBy: "Referred-By"
        case .replaces: "Replaces"
        case .replyTo: "Reply-To"
        case .require: "Require"
        case .retryAfter: "Retry-After"
        case .route: "Route"
        case .rseq: "RSeq"
        case .server: "Server"
        case .sessionExpires: "Session-Expires"
        case .sipETag: "SIP-ETag"
        case .sipIfMatch: "SIP-If-Match"
        case .subject: "Subject"
        case .subscriptionState: "Subscription-State"
        case .supported: "Supported"
        case .timestamp: "Timestamp"
        case .to: "To"
        case .unsupported: "Unsupported"
        case .userAgent: "User-Agent"
        case .via: "Via"
        case .warning: "Warning"
        case .wwwAuthenticate: "WWW-Authenticate"
        case .path: "Path"
        case .serviceRoute: "Service-Route"
        case .pAssertedIdentity: "P-Asserted-Identity"
        case .pPreferredIdentity: "P-Preferred-Identity"
        case .acceptContact: "Accept-Contact"
        case .rejectContact: "Reject-Contact"
        case .requestDisposition: "Request-Disposition"
        case .identity: "Identity"
        case .identityInfo: "Identity-Info"
        case .privacy: "Privacy"
        case .securityClient: "Security-Client"
        case .securityServer: "Security-Server"
        case .securityVerify: "Security-Verify"
        case .flowTimer: "Flow-Timer"
        }
    }

    /// The length of the longest spelling ("P-Preferred-Identity"), checked by
    /// `KnownHeaderTableTests`.
    static let longestSpelling = 20

    /// The lower-cased spelling: the identity `SIPHeaderName.key` reports.
    var key: String { Self.keys[Int(rawValue)] }

    private static let keys: [String] = allCases.map { $0.spelling.lowercased() }
}

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

    /// The canonical spelling.
    var spelling: String { Self.spellings[Int(rawValue)] }

    /// The lower-cased spelling: the identity `SIPHeaderName.key` reports.
    var key: String { Self.keys[Int(rawValue)] }

    /// Spellings in case order (checked by `KnownHeaderTableTests`).
    private static let spellings: [String] = [
        "Accept", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
        "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact",
        "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length",
        "Content-Type", "CSeq", "Date", "Error-Info", "Event", "Expires", "From", "In-Reply-To",
        "Max-Forwards", "MIME-Version", "Min-Expires", "Min-SE", "Organization", "Priority",
        "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require", "RAck", "Reason",
        "Record-Route", "Refer-To", "Referred-By", "Replaces", "Reply-To", "Require", "Retry-After",
        "Route", "RSeq", "Server", "Session-Expires", "SIP-ETag", "SIP-If-Match", "Subject",
        "Subscription-State", "Supported", "Timestamp", "To", "Unsupported", "User-Agent", "Via",
        "Warning", "WWW-Authenticate", "Path", "Service-Route", "P-Asserted-Identity",
        "P-Preferred-Identity", "Accept-Contact", "Reject-Contact", "Request-Disposition",
        "Identity", "Identity-Info", "Privacy", "Security-Client", "Security-Server",
        "Security-Verify", "Flow-Timer",
    ]

    private static let keys: [String] = spellings.map { $0.lowercased() }
}

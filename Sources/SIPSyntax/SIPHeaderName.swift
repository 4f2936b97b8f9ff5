/// A header field name. Names compare case-insensitively (RFC 3261 §7.3.1), and the single-letter
/// compact forms of RFC 3261 §7.3.3 (and later RFCs) are expanded to their long forms on creation,
/// so `v`, `VIA` and `Via` are one name. Known names take their canonical spelling; unknown ones
/// keep the spelling they arrived with.
///
/// A known name is stored as a one-byte `SIPKnownHeader` tag, so the parser and the header
/// look-ups compare, hash and copy names without touching strings.
public struct SIPHeaderName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    enum Storage: Hashable, Sendable {
        case known(SIPKnownHeader)
        /// Never holds the key of a known header: `init(_:)` maps those to `.known`.
        case other(name: String, key: String)
    }

    let storage: Storage

    init(known: SIPKnownHeader) { storage = .known(known) }

    public init(_ text: String) {
        let lower = text.lowercased()
        if let known = Self.knownByLowercase[lower] {
            storage = .known(known)
        } else {
            storage = .other(name: text, key: lower)
        }
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The spelling used when serializing.
    public var name: String {
        switch storage {
        case .known(let header): header.spelling
        case .other(let name, _): name
        }
    }

    /// The lower-cased long form: the identity used for comparison and hashing.
    public var key: String {
        switch storage {
        case .known(let header): header.key
        case .other(_, let key): key
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.known(let a), .known(let b)): a == b
        case (.other(_, let a), .other(_, let b)): a == b
        case (.known, .other), (.other, .known): false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .known(let header): hasher.combine(header.rawValue)
        case .other(_, let key): hasher.combine(key)
        }
    }

    public var description: String { name }

    /// At least `name.utf8.count`: exact for unknown names, the longest spelling for known ones.
    var maximumUTF8Count: Int {
        switch storage {
        case .known: SIPKnownHeader.longestSpelling
        case .other(let name, _): name.utf8.count
        }
    }

    /// The spelling `name` returns, without copying it out first.
    @inline(__always)
    func write(to out: inout SIPWireWriter) {
        switch storage {
        case .known(let header): out.write(header.spelling)
        case .other(let name, _): out.write(name)
        }
    }

    /// Whether the name arrived (or could be sent) as a compact form.
    public var compactForm: Character? { Self.compactByKey[key] }

    /// The canonical spellings of the known headers (RFC 3261 §20 and the extensions in use).
    static var canonicalNames: [String] { SIPKnownHeader.allCases.map(\.spelling) }

    // MARK: - Well-known names

    public static var accept: SIPHeaderName { SIPHeaderName(known: .accept) }
    public static var allow: SIPHeaderName { SIPHeaderName(known: .allow) }
    public static var authorization: SIPHeaderName { SIPHeaderName(known: .authorization) }
    public static var callID: SIPHeaderName { SIPHeaderName(known: .callID) }
    public static var contact: SIPHeaderName { SIPHeaderName(known: .contact) }
    public static var contentDisposition: SIPHeaderName { SIPHeaderName(known: .contentDisposition) }
    public static var contentEncoding: SIPHeaderName { SIPHeaderName(known: .contentEncoding) }
    public static var contentLength: SIPHeaderName { SIPHeaderName(known: .contentLength) }
    public static var contentType: SIPHeaderName { SIPHeaderName(known: .contentType) }
    public static var cseq: SIPHeaderName { SIPHeaderName(known: .cseq) }
    public static var event: SIPHeaderName { SIPHeaderName(known: .event) }
    public static var expires: SIPHeaderName { SIPHeaderName(known: .expires) }
    public static var from: SIPHeaderName { SIPHeaderName(known: .from) }
    public static var maxForwards: SIPHeaderName { SIPHeaderName(known: .maxForwards) }
    public static var minExpires: SIPHeaderName { SIPHeaderName(known: .minExpires) }
    public static var proxyAuthenticate: SIPHeaderName { SIPHeaderName(known: .proxyAuthenticate) }
    public static var proxyAuthorization: SIPHeaderName { SIPHeaderName(known: .proxyAuthorization) }
    public static var proxyRequire: SIPHeaderName { SIPHeaderName(known: .proxyRequire) }
    public static var rack: SIPHeaderName { SIPHeaderName(known: .rack) }
    public static var recordRoute: SIPHeaderName { SIPHeaderName(known: .recordRoute) }
    public static var referTo: SIPHeaderName { SIPHeaderName(known: .referTo) }
    public static var require: SIPHeaderName { SIPHeaderName(known: .require) }
    public static var route: SIPHeaderName { SIPHeaderName(known: .route) }
    public static var rseq: SIPHeaderName { SIPHeaderName(known: .rseq) }
    public static var server: SIPHeaderName { SIPHeaderName(known: .server) }
    public static var subscriptionState: SIPHeaderName { SIPHeaderName(known: .subscriptionState) }
    public static var supported: SIPHeaderName { SIPHeaderName(known: .supported) }
    public static var timestamp: SIPHeaderName { SIPHeaderName(known: .timestamp) }
    public static var to: SIPHeaderName { SIPHeaderName(known: .to) }
    public static var unsupported: SIPHeaderName { SIPHeaderName(known: .unsupported) }
    public static var userAgent: SIPHeaderName { SIPHeaderName(known: .userAgent) }
    public static var via: SIPHeaderName { SIPHeaderName(known: .via) }
    public static var wwwAuthenticate: SIPHeaderName { SIPHeaderName(known: .wwwAuthenticate) }

    public static var acceptEncoding: SIPHeaderName { SIPHeaderName(known: .acceptEncoding) }
    public static var allowEvents: SIPHeaderName { SIPHeaderName(known: .allowEvents) }
    public static var date: SIPHeaderName { SIPHeaderName(known: .date) }
    public static var minSE: SIPHeaderName { SIPHeaderName(known: .minSE) }
    public static var reason: SIPHeaderName { SIPHeaderName(known: .reason) }
    public static var referredBy: SIPHeaderName { SIPHeaderName(known: .referredBy) }
    public static var replyTo: SIPHeaderName { SIPHeaderName(known: .replyTo) }
    public static var replaces: SIPHeaderName { SIPHeaderName(known: .replaces) }
    public static var retryAfter: SIPHeaderName { SIPHeaderName(known: .retryAfter) }
    public static var sessionExpires: SIPHeaderName { SIPHeaderName(known: .sessionExpires) }
    public static var subject: SIPHeaderName { SIPHeaderName(known: .subject) }
    public static var warning: SIPHeaderName { SIPHeaderName(known: .warning) }

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

    static let knownByLowercase: [String: SIPKnownHeader] = {
        var table: [String: SIPKnownHeader] = [:]
        for header in SIPKnownHeader.allCases { table[header.key] = header }
        for (letter, long) in compactForms { table[String(letter)] = table[long.lowercased()] }
        return table
    }()

    static let compactByKey: [String: Character] = {
        var table: [String: Character] = [:]
        for (letter, long) in compactForms { table[long.lowercased()] = letter }
        return table
    }()
}

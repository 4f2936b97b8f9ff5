/// Why a message, start line or header value could not be parsed, and where.
///
/// Parsers never trap on malformed input (RFC 4475 §1: "a parser must not break"); every
/// failure surfaces as one of these, so that a UA can answer 400 with `reasonPhrase` (RFC 3261
/// §21.4.1) and `sip-lint` can point at the exact spot.
public struct SIPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// The request line or status line does not follow RFC 3261 §7.1 / §7.2.
        case invalidStartLine(reason: String)
        /// A header line is not `name HCOLON value` (RFC 3261 §7.3.1), e.g. no colon.
        case invalidHeaderLine(reason: String)
        /// A header value does not follow its grammar (RFC 3261 §25.1 / §20).
        case invalidHeader(name: String, reason: String)
        /// A URI parsed on its own does not follow RFC 3261 §19.1 / RFC 3966 / RFC 3986.
        case invalidURI(reason: String)
        /// A datagram ended before the empty line that ends the header section (RFC 3261 §7).
        case unterminatedHeaderSection
        /// A stream message has no Content-Length (RFC 3261 §18.3, §20.14: mandatory on streams).
        case missingContentLength
        /// Content-Length declares more bytes than the datagram holds (RFC 3261 §18.3,
        /// RFC 4475 §3.1.2.2).
        case bodyTruncated(declared: Int, available: Int)
        /// A configured bound was crossed; the message is refused rather than buffered.
        case limitExceeded(SIPParserLimits.Limit, maximum: Int)
    }

    public var kind: Kind
    /// 1-based line in the message; 0 when a value was parsed on its own (typed header look-up).
    public var line: Int
    /// 1-based column on `line`; for a value parsed on its own, the 1-based byte position in it.
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// A short phrase fit for a 400 reason phrase (RFC 3261 §21.4.1).
    public var reasonPhrase: String {
        switch kind {
        case .invalidStartLine(let reason): "Bad start line: \(reason)"
        case .invalidHeaderLine(let reason): "Bad header line: \(reason)"
        case .invalidHeader(let name, let reason): "Bad \(name): \(reason)"
        case .invalidURI(let reason): "Bad URI: \(reason)"
        case .unterminatedHeaderSection: "Header section not terminated by an empty line"
        case .missingContentLength: "Content-Length is required on stream transports"
        case .bodyTruncated(let declared, let available):
            "Content-Length \(declared) exceeds the \(available) body bytes present"
        case .limitExceeded(let limit, let maximum): "\(limit.description) exceeds \(maximum)"
        }
    }

    public var description: String {
        line > 0 ? "line \(line), column \(column): \(reasonPhrase)" : "column \(column): \(reasonPhrase)"
    }
}

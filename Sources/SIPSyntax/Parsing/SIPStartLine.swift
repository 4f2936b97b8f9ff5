/// The first line of a message (RFC 3261 §7.1, §7.2), as the head parser found it.
public enum SIPStartLine: Hashable, Sendable {
    case request(method: SIPMethod, uri: URI, version: SIPVersion)
    case response(version: SIPVersion, statusCode: Int, reasonPhrase: String)
}

/// Where one header field sat in the original bytes, so `sip-lint` can turn a position in the
/// unfolded value into the line and column the user sees (folded values span several lines).
public struct SIPFieldLocation: Hashable, Sendable {
    /// One physical line's share of the unfolded value.
    public struct Segment: Hashable, Sendable {
        /// Byte offset in the unfolded value where this line's text begins.
        public var valueOffset: Int
        public var line: Int
        /// 1-based column of that byte on `line`.
        public var column: Int
    }

    /// The line holding the field name.
    public var line: Int
    /// The lines the value spans, in order (empty when the value is empty).
    public var segments: [Segment]

    /// Line and column of byte `offset` of the unfolded value (0-based).
    public func position(ofValueOffset offset: Int) -> (line: Int, column: Int) {
        guard let segment = segments.last(where: { $0.valueOffset <= offset }) ?? segments.first else {
            return (line, 1)
        }
        return (segment.line, segment.column + max(0, offset - segment.valueOffset))
    }
}

/// The start line and header fields of a message, before body framing.
public struct SIPMessageHead: Hashable, Sendable {
    public var startLine: SIPStartLine
    public var headers: SIPHeaders
    /// Bytes from the first byte of the start line through the empty line's CRLF.
    public var length: Int
    /// Per field, where it was; filled only when asked for (`sip-lint`), empty otherwise.
    public var locations: [SIPFieldLocation]
    /// The line number of the empty line that ends the header section.
    public var endLine: Int
}

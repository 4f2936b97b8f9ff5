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

extension SIPMessageHead {
    /// Moves the start line and header fields out, leaving empty placeholders: building a message
    /// from a head this way retains nothing (copying them out of a head that dies right after is
    /// not optimized into a move, and costs a retain and release per string and array).
    mutating func takeParts() -> (SIPStartLine, SIPHeaders) {
        var startLine = SIPStartLine.response(version: SIPVersion(""), statusCode: 0, reasonPhrase: "")
        var headers = SIPHeaders()
        swap(&startLine, &self.startLine)
        swap(&headers, &self.headers)
        return (startLine, headers)
    }
}

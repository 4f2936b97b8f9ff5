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

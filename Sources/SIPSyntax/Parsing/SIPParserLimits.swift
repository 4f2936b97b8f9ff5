/// Bounds on what the parser accepts, so that hostile or broken peers cost bounded memory and
/// time: crossing one throws `SIPParseError.Kind.limitExceeded` rather than buffering on
/// (a stream framer holds at most `maxHeaderSectionSize + maxBodySize` bytes of one message).
public struct SIPParserLimits: Hashable, Sendable {
    /// Which bound was crossed.
    public enum Limit: Hashable, Sendable, CustomStringConvertible {
        case headerCount, lineLength, headerSectionSize, bodySize

        public var description: String {
            switch self {
            case .headerCount: "Number of header fields"
            case .lineLength: "Line length"
            case .headerSectionSize: "Header section size"
            case .bodySize: "Body size"
            }
        }
    }

    /// Header fields per message (physical fields, before splitting comma lists).
    public var maxHeaderCount: Int
    /// Bytes in one physical line, CRLF included.
    public var maxLineLength: Int
    /// Bytes from the start line through the empty line.
    public var maxHeaderSectionSize: Int
    /// Bytes of body (a Content-Length above this is refused before any body arrives).
    public var maxBodySize: Int

    public init(maxHeaderCount: Int, maxLineLength: Int, maxHeaderSectionSize: Int, maxBodySize: Int) {
        self.maxHeaderCount = maxHeaderCount
        self.maxLineLength = maxLineLength
        self.maxHeaderSectionSize = maxHeaderSectionSize
        self.maxBodySize = maxBodySize
    }

    public static let defaultMaxHeaderCount = 256
    public static let defaultMaxLineLength = 8 * 1024
    public static let defaultMaxHeaderSectionSize = 64 * 1024
    public static let defaultMaxBodySize = 1024 * 1024

    /// 256 fields, 8 KiB lines, 64 KiB header section, 1 MiB body: far above any real message
    /// (RFC 4475's longreq.dat is 3.5 KB) yet small enough per connection.
    public static let standard = SIPParserLimits(
        maxHeaderCount: defaultMaxHeaderCount, maxLineLength: defaultMaxLineLength,
        maxHeaderSectionSize: defaultMaxHeaderSectionSize, maxBodySize: defaultMaxBodySize)
}

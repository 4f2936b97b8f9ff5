/// A whole SDP body (RFC 8866 §5): session-level lines, then media sections.
///
/// `parse` accepts CRLF and bare LF (RFC 8866 §5 asks parsers to), tolerates what real
/// devices send (fields in an unusual order, `(null)` in `o=`, doubled spaces), and rejects
/// what cannot be understood with an `SDPParseError` naming the line. `serialized()` writes
/// CRLF in RFC 8866 order, so `parse(serialized()) == self` for any parsed description.
public struct SessionDescription: Sendable, Hashable, SDPAttributeCarrier {
    public var origin: Origin
    /// `s=`; RFC 8866 §5.3 suggests `-` when there is nothing to say.
    public var sessionName: String
    /// `i=`.
    public var information: String?
    /// `u=`.
    public var uri: String?
    /// `e=` lines.
    public var emails: [String]
    /// `p=` lines.
    public var phones: [String]
    /// Session-level `c=`, the default for media sections without their own.
    public var connection: ConnectionData?
    public var bandwidths: [Bandwidth]
    /// `t=` lines with their `r=` lines; at least one (RFC 8866 §5.9).
    public var timing: [TimeDescription]
    /// `z=` pairs.
    public var timeZoneAdjustments: [TimeZoneAdjustment]
    public var encryptionKey: EncryptionKey?
    /// Session-level `a=` lines.
    public var attributes: [SDPAttribute]
    /// Session-level lines of unknown type, in order.
    public var unknownLines: [SDPUnknownLine]
    public var media: [MediaDescription]

    public init(
        origin: Origin, sessionName: String = "-", information: String? = nil, uri: String? = nil,
        emails: [String] = [], phones: [String] = [], connection: ConnectionData? = nil,
        bandwidths: [Bandwidth] = [], timing: [TimeDescription] = [TimeDescription()],
        timeZoneAdjustments: [TimeZoneAdjustment] = [], encryptionKey: EncryptionKey? = nil,
        attributes: [SDPAttribute] = [], unknownLines: [SDPUnknownLine] = [], media: [MediaDescription] = []
    ) {
        self.origin = origin
        self.sessionName = sessionName
        self.information = information
        self.uri = uri
        self.emails = emails
        self.phones = phones
        self.connection = connection
        self.bandwidths = bandwidths
        self.timing = timing
        self.timeZoneAdjustments = timeZoneAdjustments
        self.encryptionKey = encryptionKey
        self.attributes = attributes
        self.unknownLines = unknownLines
        self.media = media
    }

    /// Parses an SDP body given as bytes (a SIP message body).
    public static func parse(_ bytes: [UInt8]) throws(SDPParseError) -> SessionDescription {
        try parse(bytes[...])
    }

    /// Parses an SDP body given as bytes (a slice of a larger SIP message buffer).
    public static func parse(_ bytes: ArraySlice<UInt8>) throws(SDPParseError) -> SessionDescription {
        try bytes.withUnsafeBufferPointer { buffer in Result { () throws(SDPParseError) in try SDPParser.parse(buffer[...]) } }
            .get()
    }

    /// Parses an SDP body given as text.
    public static func parse(_ text: String) throws(SDPParseError) -> SessionDescription {
        let result = text.utf8.withContiguousStorageIfAvailable { buffer in
            Result { () throws(SDPParseError) in try SDPParser.parse(buffer[...]) }
        }
        if let result { return try result.get() }
        return try parse(Array(text.utf8))
    }

    /// The body in RFC 8866 order with CRLF line endings.
    public func serialized() -> String {
        SDPSerializer.serialize(self)
    }

    /// The connection a media section uses: its own first `c=`, else the session's
    /// (RFC 8866 §5.7).
    public func connection(for media: MediaDescription) -> ConnectionData? {
        media.connections.first ?? connection
    }

    /// The direction of a media section: its own attribute, else the session's, else
    /// sendrecv (RFC 8866 §6.7).
    public func direction(for media: MediaDescription) -> MediaDirection {
        media.direction ?? direction ?? .sendrecv
    }
}

/// One media section: an `m=` line and the `i=`, `c=`, `b=`, `k=` and `a=` lines after it
/// (RFC 8866 §5.14).
public struct MediaDescription: Sendable, Hashable, SDPAttributeCarrier {
    public var type: MediaType
    /// The transport port; 0 rejects or disables the stream (RFC 3264 §5.1, §6).
    public var port: UInt16
    /// The `/<number of ports>` suffix, for layered encodings.
    public var portCount: UInt16?
    public var transport: TransportProtocol
    /// Payload type numbers for RTP (as text), other tokens otherwise; preference order.
    public var formats: [String]
    /// `i=`, the media title.
    public var title: String?
    /// `c=` lines; several only for layered multicast. Empty means "use the session's".
    public var connections: [ConnectionData]
    public var bandwidths: [Bandwidth]
    public var encryptionKey: EncryptionKey?
    public var attributes: [SDPAttribute]
    /// Lines of unknown type in this section, in order.
    public var unknownLines: [SDPUnknownLine]

    public init(
        type: MediaType, port: UInt16, portCount: UInt16? = nil, transport: TransportProtocol,
        formats: [String], title: String? = nil, connections: [ConnectionData] = [],
        bandwidths: [Bandwidth] = [], encryptionKey: EncryptionKey? = nil,
        attributes: [SDPAttribute] = [], unknownLines: [SDPUnknownLine] = []
    ) {
        self.type = type
        self.port = port
        self.portCount = portCount
        self.transport = transport
        self.formats = formats
        self.title = title
        self.connections = connections
        self.bandwidths = bandwidths
        self.encryptionKey = encryptionKey
        self.attributes = attributes
        self.unknownLines = unknownLines
    }

    /// The formats that are RTP payload type numbers, in order.
    public var payloadTypes: [UInt8] {
        formats.compactMap { format in withBytes(of: format) { $0.decimal(UInt8.self) } }.filter { $0 <= 127 }
    }

    /// The formats that are RTP payload types, each with the codec it names: its rtpmap, or the
    /// RFC 3551 static assignment when it has none (X-Lite omits rtpmap for 0 and 8). Dynamic
    /// payload types without an rtpmap mean nothing and are left out.
    public var payloadFormats: [PayloadFormat] {
        payloadTypes.compactMap { payloadType in
            let fmtp = formatParameters(for: String(payloadType))?.parameterText
            if let map = rtpMap(for: payloadType) {
                return PayloadFormat(rtpMap: map, formatParameters: fmtp)
            }
            guard var format = PayloadFormat.staticAssignment(payloadType) else { return nil }
            format.formatParameters = fmtp
            return format
        }
    }

    /// `m=<media> <port>[/<number of ports>] <proto> 1*(SP <fmt>)`. For RTP profiles each
    /// format must be a payload type (0–127); an m= line with no format is tolerated because
    /// some stacks write rejected streams that way.
    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        var cursor = FieldCursor(value)
        type = MediaType(parsing: try cursor.next("media"))
        let (portBytes, countBytes) = try cursor.next("port").splitOnce(at: ASCII.slash)
        port = try portBytes.number("port")
        if let countBytes { portCount = try countBytes.number("number of ports") } else { portCount = nil }
        let transportBytes = try cursor.next("transport protocol")
        transport = TransportProtocol(transportBytes.string)
        let isRTP = transportBytes.containsIgnoringCase("RTP/")
        formats = []
        formats.reserveCapacity(8)
        while let format = cursor.next() {
            if isRTP { _ = try RTPMap.payloadType(format) }
            formats.append(format.string)
        }
        title = nil
        connections = []
        bandwidths = []
        attributes = []
        attributes.reserveCapacity(12)
        unknownLines = []
    }

    var mediaLineValue: String {
        var text = "\(type) \(port)"
        if let portCount { text += "/\(portCount)" }
        text += " \(transport)"
        for format in formats { text += " \(format)" }
        return text
    }
}

/// `a=candidate` (RFC 8839 §5.1): one transport address the peer can be reached at.
/// Dialtone does not run ICE yet, but WebRTC gateways and X-Lite send these, so they are
/// parsed to be shown, checked and carried through unchanged.
public struct ICECandidate: Sendable, Hashable {
    public var foundation: String
    /// 1 for RTP, 2 for RTCP.
    public var componentID: UInt16
    /// `udp`, `tcp`, as written.
    public var transport: String
    public var priority: UInt32
    public var address: String
    public var port: UInt16
    /// `host`, `srflx`, `prflx`, `relay`, as written.
    public var type: String
    public var relatedAddress: String?
    public var relatedPort: UInt16?
    /// `generation 0`, `tcptype active`, `network-id 1`, ... in order.
    public var extensions: [Extension]

    public struct Extension: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(foundation: String, componentID: UInt16, transport: String, priority: UInt32, address: String,
                port: UInt16, type: String, relatedAddress: String? = nil, relatedPort: UInt16? = nil,
                extensions: [Extension] = []) {
        self.foundation = foundation
        self.componentID = componentID
        self.transport = transport
        self.priority = priority
        self.address = address
        self.port = port
        self.type = type
        self.relatedAddress = relatedAddress
        self.relatedPort = relatedPort
        self.extensions = extensions
    }

    private static let fieldNames = [
        "foundation", "component id", "transport", "priority", "connection address", "port", "typ", "candidate type",
    ]

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let fields = value.fields()
        guard fields.count >= 8 else { throw .missing(Self.fieldNames[fields.count]) }
        foundation = fields[0].string
        componentID = try fields[1].number("component id")
        transport = fields[2].string
        priority = try fields[3].number("priority")
        address = fields[4].string
        port = try fields[5].number("port")
        guard fields[6].equalsIgnoringCase("typ") else { throw .unrecognized("keyword", value: fields[6].string) }
        type = fields[7].string
        guard fields.count.isMultiple(of: 2) else { throw .missing("extension value") }
        extensions = []
        for index in stride(from: 8, to: fields.count, by: 2) {
            try addTrailing(name: fields[index], value: fields[index + 1])
        }
    }

    private mutating func addTrailing(name: SDPBytes, value: SDPBytes) throws(SDPParseError.Problem) {
        if name.equalsIgnoringCase("raddr"), relatedAddress == nil, extensions.isEmpty {
            relatedAddress = value.string
        } else if name.equalsIgnoringCase("rport"), relatedPort == nil, extensions.isEmpty {
            relatedPort = try value.number("rport")
        } else {
            extensions.append(Extension(name: name.string, value: value.string))
        }
    }

    var sdpValue: String {
        var text = "\(foundation) \(componentID) \(transport) \(priority) \(address) \(port) typ \(type)"
        if let relatedAddress { text += " raddr \(relatedAddress)" }
        if let relatedPort { text += " rport \(relatedPort)" }
        for item in extensions { text += " \(item.name) \(item.value)" }
        return text
    }
}

/// SDES, packet type 202 (RFC 3550 §6.5): per-source items such as the CNAME.
public struct RTCPSourceDescription: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        /// 1 CNAME, 2 NAME, 3 EMAIL, 4 PHONE, 5 LOC, 6 TOOL, 7 NOTE, 8 PRIV.
        public var type: UInt8
        /// At most 255 octets, UTF-8 text for the standard items.
        public var value: [UInt8]

        public init(type: UInt8, value: [UInt8]) {
            self.type = type
            self.value = value
        }

        public static let cnameType: UInt8 = 1

        public static func cname(_ text: String) -> Item { Item(type: cnameType, value: Array(text.utf8)) }
    }

    public struct Chunk: Hashable, Sendable {
        public var ssrc: UInt32
        public var items: [Item]

        public init(ssrc: UInt32, items: [Item]) {
            self.ssrc = ssrc
            self.items = items
        }
    }

    /// At most 31 (SC is 5 bits).
    public var chunks: [Chunk]

    public init(chunks: [Chunk]) {
        self.chunks = chunks
    }

    /// The CNAME of `ssrc`, the identifier that survives SSRC changes (RFC 3550 §6.5.1).
    public func cname(of ssrc: UInt32) -> String? {
        for chunk in chunks where chunk.ssrc == ssrc {
            for item in chunk.items where item.type == Item.cnameType {
                return String(decoding: item.value, as: UTF8.self)
            }
        }
        return nil
    }
}

/// BYE, packet type 203 (RFC 3550 §6.6).
public struct RTCPGoodbye: Hashable, Sendable {
    /// At most 31.
    public var ssrcs: [UInt32]
    /// The optional reason text (at most 255 octets).
    public var reason: [UInt8]?

    public init(ssrcs: [UInt32], reason: [UInt8]? = nil) {
        self.ssrcs = ssrcs
        self.reason = reason
    }
}

/// Any other packet type (APP, feedback, XR…), kept verbatim so a compound packet round-trips.
public struct RTCPOtherPacket: Hashable, Sendable {
    public var packetType: UInt8
    /// The 5-bit field after the P bit (a count or a format, per type).
    public var countField: UInt8
    /// Everything after the 4-octet header, padding excluded; a whole number of words.
    public var body: [UInt8]

    public init(packetType: UInt8, countField: UInt8, body: [UInt8]) {
        self.packetType = packetType
        self.countField = countField
        self.body = body
    }
}

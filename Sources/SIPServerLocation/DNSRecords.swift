/// The DNS record types RFC 3263 server location asks for.
public enum DNSRecordType: UInt16, Sendable, Hashable, CustomStringConvertible {
    /// IPv4 address (RFC 1035 §3.4.1).
    case a = 1
    /// IPv6 address (RFC 3596 §2.1).
    case aaaa = 28
    /// Service location (RFC 2782).
    case srv = 33
    /// Naming authority pointer (RFC 3403 §4).
    case naptr = 35

    public var description: String {
        switch self {
        case .a: "A"
        case .aaaa: "AAAA"
        case .srv: "SRV"
        case .naptr: "NAPTR"
        }
    }
}

/// One query: a name and a type (the class is always IN).
public struct DNSQuestion: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var type: DNSRecordType

    public init(_ type: DNSRecordType, _ name: String) {
        self.name = name
        self.type = type
    }

    public var description: String { "\(type) \(name)" }
}

/// A DNS record with a time to live: the cache and the step log both need the TTL.
public protocol DNSRecord: Sendable, Hashable {
    /// Seconds the answer may be cached (RFC 1035 §3.2.1, RFC 2181 §8).
    var ttl: UInt32 { get set }
}

/// A NAPTR record (RFC 3403 §4.1). RFC 3263 §4.1 only follows records whose flags are `S`,
/// whose regexp is empty and whose replacement names an SRV record.
public struct NAPTRRecord: DNSRecord {
    public var order: UInt16
    public var preference: UInt16
    public var flags: String
    public var service: String
    public var regexp: String
    public var replacement: String
    public var ttl: UInt32

    public init(
        order: UInt16, preference: UInt16, flags: String = "S", service: String,
        regexp: String = "", replacement: String, ttl: UInt32
    ) {
        self.order = order
        self.preference = preference
        self.flags = flags
        self.service = service
        self.regexp = regexp
        self.replacement = replacement
        self.ttl = ttl
    }
}

/// An SRV record (RFC 2782).
public struct SRVRecord: DNSRecord {
    public var priority: UInt16
    public var weight: UInt16
    public var port: UInt16
    public var target: String
    public var ttl: UInt32

    public init(priority: UInt16, weight: UInt16, port: UInt16, target: String, ttl: UInt32) {
        self.priority = priority
        self.weight = weight
        self.port = port
        self.target = target
        self.ttl = ttl
    }

    /// A target of "." means "the service is decidedly not available at this domain" (RFC 2782).
    public var isServiceUnavailable: Bool { target.isEmpty || target == "." }
}

/// An A or AAAA record.
public struct AddressRecord: DNSRecord {
    public var address: IPAddress
    public var ttl: UInt32

    public init(address: IPAddress, ttl: UInt32) {
        self.address = address
        self.ttl = ttl
    }
}

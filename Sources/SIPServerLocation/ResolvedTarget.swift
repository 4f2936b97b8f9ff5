/// Where to send: transport, address and port. The identity of a target for failover
/// bookkeeping, whatever DNS path led to it.
public struct TransportEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var transport: SIPTransport
    public var address: IPAddress
    public var port: UInt16

    public init(_ transport: SIPTransport, _ address: IPAddress, port: UInt16) {
        self.transport = transport
        self.address = address
        self.port = port
    }

    /// `TCP 127.0.0.2:5060`, `TLS [::1]:5061`.
    public var description: String { "\(transport) \(address.description(port: port))" }
}

/// One entry of the ordered list RFC 3263 §4 produces, with the steps that led to it.
public struct ResolvedTarget: Sendable, Hashable, CustomStringConvertible {
    public var endpoint: TransportEndpoint
    /// The DNS name the address belongs to (an SRV target or the URI's host); the address
    /// itself for a numeric host.
    public var hostName: String
    /// The queries and rules behind this target, ending with its `chose` step.
    public var via: [ResolutionStep]

    public init(
        transport: SIPTransport, address: IPAddress, port: UInt16, hostName: String,
        via: [ResolutionStep]
    ) {
        endpoint = TransportEndpoint(transport, address, port: port)
        self.hostName = hostName
        self.via = via
    }

    public var transport: SIPTransport { endpoint.transport }
    public var address: IPAddress { endpoint.address }
    public var port: UInt16 { endpoint.port }
    public var description: String { endpoint.description }
}

/// Why a target is in the list, for its `chose` step.
public enum TargetChoiceReason: Sendable, Hashable, CustomStringConvertible {
    /// The URI's host is an IP address.
    case numericHost
    /// The URI's port, on an address of its host.
    case explicitPort(UInt16)
    /// An SRV record, placed by RFC 2782 ordering.
    case srv(SRVRecord, SRVSelection)
    /// No SRV records: an address of the domain on the default port (RFC 3263 §4.2).
    case addressFallback(port: UInt16)

    public var description: String {
        switch self {
        case .numericHost:
            "numeric IP address in the URI"
        case .explicitPort(let port):
            "port \(port) from the URI"
        case .srv(let record, .sole(priorityRank: 0)):
            "first SRV target by priority (\(record.target))"
        case .srv(let record, .sole):
            "SRV priority \(record.priority) backup (\(record.target))"
        case .srv(let record, .weighted(let rank, let weight, let total)):
            "SRV priority \(record.priority)\(rank == 0 ? "" : " backup"), weighted pick (weight \(weight) of \(total)) (\(record.target))"
        case .addressFallback(let port):
            "no SRV records, default port \(port)"
        }
    }
}

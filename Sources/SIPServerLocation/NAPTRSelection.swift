/// Which NAPTR records a SIP client follows, and in what order (RFC 3263 §4.1, RFC 3403 §4.1).
public enum NAPTRSelection {
    /// A NAPTR record we follow, with the transport its service names.
    public struct Choice: Sendable, Hashable {
        public var record: NAPTRRecord
        public var transport: SIPTransport
    }

    /// Sorts by Order then Preference and keeps the records a SIP client may use. RFC 3403
    /// §4.1: "once a match is found the client MUST NOT consider records with a different
    /// Order", so only the lowest Order holding a usable record survives; its records stay
    /// in Preference order and later ones serve as failover. Every record gets a rule saying
    /// whether it was followed and why not.
    public static func select(
        _ records: [NAPTRRecord], scheme: SIPScheme, transports: [SIPTransport]
    ) -> (choices: [Choice], rules: [ResolutionRule]) {
        let sorted = records.enumerated().sorted { lhs, rhs in
            (lhs.element.order, lhs.element.preference, lhs.offset)
                < (rhs.element.order, rhs.element.preference, rhs.offset)
        }.map(\.element)
        var choices: [Choice] = []
        var rules: [ResolutionRule] = []
        var matchedOrder: UInt16?
        for record in sorted {
            if let matchedOrder, record.order != matchedOrder {
                rules.append(.naptrIgnored(record, .differentOrder(matched: matchedOrder)))
                continue
            }
            switch verdict(record, scheme: scheme, transports: transports) {
            case .success(let transport):
                matchedOrder = record.order
                choices.append(Choice(record: record, transport: transport))
                rules.append(.naptrFollowed(record, transport))
            case .failure(let reason):
                rules.append(.naptrIgnored(record, reason))
            }
        }
        return (choices, rules)
    }

    /// Whether one record is usable: an `S` record (terminal, next lookup SRV) with an empty
    /// regexp and a replacement (RFC 3263 §4.1), a service we speak, TLS for a SIPS URI (a
    /// SIP URI keeps `SIPS+D2T` records: "the converse is not true"), and the transport enabled.
    static func verdict(
        _ record: NAPTRRecord, scheme: SIPScheme, transports: [SIPTransport]
    ) -> Result<SIPTransport, NAPTRIgnoreReason> {
        guard let transport = SIPTransport(naptrService: record.service) else {
            return .failure(.unsupportedService)
        }
        guard record.flags.lowercased() == "s", record.regexp.isEmpty,
              !record.replacement.isEmpty, record.replacement != "."
        else { return .failure(.notAnSRVPointer) }
        if scheme == .sips, transport != .tls { return .failure(.sipsNeedsTLS) }
        guard transports.contains(transport) else { return .failure(.transportNotEnabled(transport)) }
        return .success(transport)
    }
}

/// Why a NAPTR record was not followed.
public enum NAPTRIgnoreReason: Error, Sendable, Hashable, CustomStringConvertible {
    /// A service we do not speak (`SIP+D2S` is SCTP, `SIPS+D2W` WebSocket, `E2U+sip` ENUM, …).
    case unsupportedService
    /// Not a terminal `S` record with an empty regexp and a replacement (RFC 3263 §4.1).
    case notAnSRVPointer
    /// A SIPS URI discards every service that is not `SIPS+…` (RFC 3263 §4.1).
    case sipsNeedsTLS
    /// The transport is switched off in the configuration.
    case transportNotEnabled(SIPTransport)
    /// A record of another Order already matched (RFC 3403 §4.1).
    case differentOrder(matched: UInt16)

    public var description: String {
        switch self {
        case .unsupportedService: "unsupported service"
        case .notAnSRVPointer: "not an \"S\" record pointing to SRV"
        case .sipsNeedsTLS: "a sips URI needs TLS"
        case .transportNotEnabled(let transport): "\(transport) is not enabled"
        case .differentOrder(let order): "order \(order) already matched (RFC 3403 §4.1)"
        }
    }
}

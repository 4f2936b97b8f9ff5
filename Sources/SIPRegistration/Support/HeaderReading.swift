import SIPSyntax

/// Lenient readings of header values the machines act on; anything malformed reads as absent,
/// never as a trap.
enum HeaderReading {
    /// delta-seconds (RFC 3261 §25.1) without an upper clamp, so a caller can tell an absurd
    /// value (e.g. Min-Expires above 2^31, RFC 3261 §20.23 says such values are not sane) from a
    /// missing one. At most 18 digits, so the value fits in an Int without overflow.
    static func deltaSeconds(_ value: String?) -> Int? {
        guard let value else { return nil }
        let digits = value.utf8.filter { $0 != 0x20 && $0 != 0x09 }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The option tags of a Require/Supported header, lower-cased; malformed values give none.
    static func optionTags(_ headers: SIPHeaders, _ name: SIPHeaderName) -> [String] {
        headers.elements(name).map { $0.lowercased() }
    }

    /// The CSeq number, nil when absent or malformed.
    static func cseqNumber(_ headers: SIPHeaders) -> UInt32? {
        (try? headers.cseq)?.sequenceNumber
    }

    /// The Retry-After seconds (RFC 3261 §20.33), comment and parameters ignored.
    static func retryAfter(_ headers: SIPHeaders) -> Int? {
        guard let value = headers[.retryAfter] else { return nil }
        let number = value.prefix { $0 != "(" && $0 != ";" }
        return deltaSeconds(String(number))
    }
}

extension SIPURI {
    /// The port a URI reaches, with the scheme's default (RFC 3261 §19.1.2: 5060, 5061 for sips).
    var effectivePort: Int { Int(port ?? (isSecure ? 5061 : 5060)) }

    /// Whether the URI addresses the same user at the same host and port (RFC 3261 §10.2.4
    /// matches bindings by URI; parameters such as `transport` or `ob` do not tell bindings apart
    /// for our purposes).
    func sameBinding(as other: SIPURI) -> Bool {
        user == other.user && host.description.lowercased() == other.host.description.lowercased()
            && effectivePort == other.effectivePort
    }
}

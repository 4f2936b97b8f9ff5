/// One suggestion under the dialer: who it is and the address that would be dialled.
public struct DialerCompletion: Sendable, Hashable {
    public enum Source: Sendable, Hashable { case contact, history }
    public var label: String
    public var address: String
    public var source: Source
}

extension DialerCompletion {
    /// Completions for what is typed: contacts first, then addresses from history; within each,
    /// prefix matches (of the name, the address or its digits) before substring matches.
    /// Deduplicated by address and capped at `limit`.
    static func candidates(
        for typed: String, contacts: [ContactRow], history: [HistoryEntry], limit: Int = 8
    ) -> [DialerCompletion] {
        let query = typed.trimmingSpaces
        guard !query.isEmpty else { return [] }
        var pool: [DialerCompletion] = []
        for contact in contacts {
            for address in contact.addresses {
                pool.append(DialerCompletion(label: contact.name, address: address, source: .contact))
            }
        }
        for entry in history {
            pool.append(DialerCompletion(label: entry.displayName, address: entry.remoteURI, source: .history))
        }
        let ranked = pool.compactMap { candidate in rank(candidate, query: query).map { (candidate, $0) } }
            .enumerated()
            .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
            .map(\.element.0)
        var seen = Set<String>()
        return Array(ranked.filter { seen.insert(addressKey($0.address)).inserted }.prefix(limit))
    }

    /// 0 for a prefix match, 1 for a substring match, nil for none.
    private static func rank(_ candidate: DialerCompletion, query: String) -> Int? {
        let needle = query.lowercased()
        let texts = [candidate.label.lowercased(), candidate.address.lowercased(), strippedScheme(candidate.address)]
        if texts.contains(where: { $0.hasPrefix(needle) }) { return 0 }
        if let digits = PhoneNumber.normalised(query).map(PhoneNumber.digitsOnly), !digits.isEmpty {
            let candidateDigits = PhoneNumber.digitsOnly(candidate.address)
            if candidateDigits.hasPrefix(digits) { return 0 }
            if candidateDigits.contains(digits) { return 1 }
        }
        return texts.contains(where: { $0.contains(needle) }) ? 1 : nil
    }

    /// `sip:bob@x` → `bob@x`, so typing `bob` completes a URI.
    private static func strippedScheme(_ address: String) -> String {
        let lowered = address.lowercased()
        for scheme in ["sip:", "sips:", "tel:"] where lowered.hasPrefix(scheme) {
            return String(lowered.dropFirst(scheme.count))
        }
        return lowered
    }

    /// Two spellings of one number are one completion.
    private static func addressKey(_ address: String) -> String {
        PhoneNumber.normalised(address) ?? address.lowercased()
    }
}

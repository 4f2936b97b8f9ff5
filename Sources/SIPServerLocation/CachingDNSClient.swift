/// A TTL-respecting cache in front of another `DNSClient` (RFC 1035 §3.2.1, RFC 2181 §8).
///
/// Positive answers are kept for the smallest TTL among their records, and come back with the
/// TTLs counted down by the time spent in the cache, so a later reader sees how long they
/// remain valid. Negative answers (NXDOMAIN, NODATA) are not cached: RFC 2308 ties their
/// lifetime to the SOA record in the authority section, which the client does not return.
/// Failures (timeouts, SERVFAIL, …) are never cached.
public actor CachingDNSClient: DNSClient {
    private struct Entry {
        var storedAt: Duration
        var lifetime: UInt32
        var records: [any DNSRecord]
    }

    private let upstream: any DNSClient
    private let time: any TimeSource
    private var entries: [DNSQuestion: Entry] = [:]

    public init(wrapping upstream: any DNSClient, time: any TimeSource = SystemTimeSource()) {
        self.upstream = upstream
        self.time = time
    }

    public func naptr(_ name: String) async throws(DNSError) -> [NAPTRRecord] {
        try await cached(DNSQuestion(.naptr, name)) { [upstream] () async throws(DNSError) in
            try await upstream.naptr(name)
        }
    }

    public func srv(_ name: String) async throws(DNSError) -> [SRVRecord] {
        try await cached(DNSQuestion(.srv, name)) { [upstream] () async throws(DNSError) in
            try await upstream.srv(name)
        }
    }

    public func a(_ name: String) async throws(DNSError) -> [AddressRecord] {
        try await cached(DNSQuestion(.a, name)) { [upstream] () async throws(DNSError) in
            try await upstream.a(name)
        }
    }

    public func aaaa(_ name: String) async throws(DNSError) -> [AddressRecord] {
        try await cached(DNSQuestion(.aaaa, name)) { [upstream] () async throws(DNSError) in
            try await upstream.aaaa(name)
        }
    }

    /// Forgets every entry, e.g. after the network changed.
    public func removeAll() {
        entries.removeAll()
    }

    /// Answers from the cache while the entry's lifetime lasts, otherwise asks upstream and
    /// stores a positive answer whose smallest TTL is above zero (TTL 0 means "do not cache").
    private func cached<R: DNSRecord>(
        _ question: DNSQuestion, fetch: @Sendable () async throws(DNSError) -> [R]
    ) async throws(DNSError) -> [R] {
        let key = DNSQuestion(question.type, Self.canonical(question.name))
        let now = time.now()
        if let entry = entries[key], let records: [R] = Self.fresh(entry, now: now) {
            return records
        }
        entries[key] = nil
        let records = try await fetch()
        if let lifetime = records.map(\.ttl).min(), lifetime > 0 {
            entries[key] = Entry(storedAt: time.now(), lifetime: lifetime, records: records)
        }
        return records
    }

    /// The entry's records with TTLs reduced by the whole seconds spent in the cache, or nil
    /// once the smallest TTL has run out.
    private static func fresh<R: DNSRecord>(_ entry: Entry, now: Duration) -> [R]? {
        let elapsed = now - entry.storedAt
        guard elapsed < .seconds(Int64(entry.lifetime)) else { return nil }
        let spent = UInt32(clamping: elapsed.components.seconds)
        return entry.records.compactMap { record -> R? in
            guard var typed = record as? R else { return nil }
            typed.ttl = typed.ttl > spent ? typed.ttl - spent : 0
            return typed
        }
    }

    private static func canonical(_ name: String) -> String {
        var lower = name.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        return lower
    }
}

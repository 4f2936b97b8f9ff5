import CAres

/// Raw replies to records: c-ares' parsers for the contents, `DNSAnswerSection` for the TTLs of
/// SRV and NAPTR (both list the answer records of the type in answer order, so they pair up;
/// the fixed RDATA fields are compared to make sure).
enum CAresReplyParser {
    static func naptr(_ reply: [UInt8], _ question: DNSQuestion) throws(DNSError) -> [NAPTRRecord] {
        let section = try answers(reply, question)
        var head: UnsafeMutablePointer<ares_naptr_reply>?
        try check(ares_parse_naptr_reply(reply, Int32(reply.count), &head), question)
        defer { ares_free_data(head) }
        var records: [NAPTRRecord] = []
        var node = head
        while let current = node?.pointee {
            records.append(NAPTRRecord(
                order: current.order, preference: current.preference,
                flags: text(current.flags), service: text(current.service),
                regexp: text(current.regexp), replacement: String(cString: current.replacement),
                ttl: 0))
            node = current.next
        }
        return try withTTLs(records, section.records(of: .naptr), reply, question) {
            [$0.order, $0.preference]
        }
    }

    static func srv(_ reply: [UInt8], _ question: DNSQuestion) throws(DNSError) -> [SRVRecord] {
        let section = try answers(reply, question)
        var head: UnsafeMutablePointer<ares_srv_reply>?
        try check(ares_parse_srv_reply(reply, Int32(reply.count), &head), question)
        defer { ares_free_data(head) }
        var records: [SRVRecord] = []
        var node = head
        while let current = node?.pointee {
            records.append(SRVRecord(
                priority: current.priority, weight: current.weight, port: current.port,
                target: String(cString: current.host), ttl: 0))
            node = current.next
        }
        return try withTTLs(records, section.records(of: .srv), reply, question) {
            [$0.priority, $0.weight, $0.port]
        }
    }

    static func a(_ reply: [UInt8], _ question: DNSQuestion) throws(DNSError) -> [AddressRecord] {
        var entries = [ares_addrttl](repeating: ares_addrttl(), count: try capacity(reply, question))
        var count = Int32(entries.count)
        try check(ares_parse_a_reply(reply, Int32(reply.count), nil, &entries, &count), question)
        return try nonEmpty(entries.prefix(Int(count)).compactMap { entry in
            IPAddress(bytes: withUnsafeBytes(of: entry.ipaddr) { Array($0) })
                .map { AddressRecord(address: $0, ttl: UInt32(max(0, entry.ttl))) }
        }, question)
    }

    static func aaaa(_ reply: [UInt8], _ question: DNSQuestion) throws(DNSError) -> [AddressRecord] {
        var entries = [ares_addr6ttl](repeating: ares_addr6ttl(), count: try capacity(reply, question))
        var count = Int32(entries.count)
        try check(ares_parse_aaaa_reply(reply, Int32(reply.count), nil, &entries, &count), question)
        return try nonEmpty(entries.prefix(Int(count)).compactMap { entry in
            IPAddress(bytes: withUnsafeBytes(of: entry.ip6addr) { Array($0) })
                .map { AddressRecord(address: $0, ttl: UInt32(max(0, entry.ttl))) }
        }, question)
    }

    /// Pairs parsed records with the answer records of their type and copies each TTL, after
    /// checking that the record's leading 16-bit fields (`fixedFields`) are the first ones of
    /// the paired RDATA, i.e. that both describe the same record.
    private static func withTTLs<R: DNSRecord>(
        _ records: [R], _ headers: [DNSAnswerSection.Record], _ reply: [UInt8],
        _ question: DNSQuestion, fixedFields: (R) -> [UInt16]
    ) throws(DNSError) -> [R] {
        guard records.count == headers.count else {
            throw .malformedResponse(question, detail: "\(records.count) records parsed, \(headers.count) in the answer section")
        }
        var result: [R] = []
        for (record, header) in zip(records, headers) {
            let fields = fixedFields(record)
            let start = header.rdata.lowerBound
            guard header.rdata.count >= 2 * fields.count,
                  fields.indices.allSatisfy({ DNSAnswerSection.uint16(reply, start + 2 * $0) == fields[$0] })
            else { throw .malformedResponse(question, detail: "answer section does not match the parsed records") }
            var copy = record
            copy.ttl = header.ttl
            result.append(copy)
        }
        return try nonEmpty(result, question)
    }

    private static func answers(_ reply: [UInt8], _ question: DNSQuestion) throws(DNSError) -> DNSAnswerSection {
        guard let section = DNSAnswerSection(reply) else {
            throw .malformedResponse(question, detail: "truncated or undecodable reply")
        }
        return section
    }

    /// Room for every answer record; `ares_parse_a_reply` stops at the capacity given.
    private static func capacity(_ reply: [UInt8], _ question: DNSQuestion) throws(DNSError) -> Int {
        max(1, try answers(reply, question).records.count)
    }

    private static func check(_ status: Int32, _ question: DNSQuestion) throws(DNSError) {
        guard status == ARES_SUCCESS else { throw DNSError(CAresStatus(status), question, servers: []) }
    }

    /// An empty answer is NODATA (the `DNSClient` contract), e.g. a reply with only a CNAME.
    private static func nonEmpty<R>(_ records: [R], _ question: DNSQuestion) throws(DNSError) -> [R] {
        guard !records.isEmpty else { throw .noRecords(question) }
        return records
    }

    private static func text(_ pointer: UnsafeMutablePointer<UInt8>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

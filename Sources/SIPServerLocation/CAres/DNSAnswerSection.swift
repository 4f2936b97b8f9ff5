import CAres

/// The answer section of a raw DNS reply, walked record by record (RFC 1035 §4.1).
///
/// c-ares 1.18's `ares_parse_srv_reply` and `ares_parse_naptr_reply` drop the TTLs, which the
/// cache and the step log need, so the answer records' headers are read here; names are
/// skipped with `ares_expand_name`, which follows compression pointers safely.
struct DNSAnswerSection {
    /// One answer record's header and where its RDATA lies in the reply.
    struct Record: Hashable {
        var type: UInt16
        var rrClass: UInt16
        var ttl: UInt32
        var rdata: Range<Int>
    }

    let records: [Record]

    /// Reads the header counts, skips the question section and collects every answer
    /// record; nil if the reply is truncated or a name does not decode.
    init?(_ reply: [UInt8]) {
        guard reply.count >= 12 else { return nil }
        let questions = Self.uint16(reply, 4)
        let answers = Self.uint16(reply, 6)
        var offset = 12
        var records: [Record] = []
        for _ in 0..<questions {
            guard let end = Self.skipName(reply, at: offset), end + 4 <= reply.count else { return nil }
            offset = end + 4  // QTYPE, QCLASS
        }
        for _ in 0..<answers {
            guard let end = Self.skipName(reply, at: offset), end + 10 <= reply.count else { return nil }
            let length = Int(Self.uint16(reply, end + 8))
            guard end + 10 + length <= reply.count else { return nil }
            records.append(Record(
                type: Self.uint16(reply, end), rrClass: Self.uint16(reply, end + 2),
                ttl: Self.ttl(Self.uint32(reply, end + 4)), rdata: (end + 10)..<(end + 10 + length)))
            offset = end + 10 + length
        }
        self.records = records
    }

    /// The records of one type in class IN, in answer order: the ones c-ares' parsers return.
    func records(of type: DNSRecordType) -> [Record] {
        records.filter { $0.type == type.rawValue && $0.rrClass == 1 }
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) << 16 | UInt32(uint16(bytes, offset + 2))
    }

    /// RFC 2181 §8: a TTL with the top bit set is to be treated as zero.
    private static func ttl(_ raw: UInt32) -> UInt32 {
        raw & 0x8000_0000 == 0 ? raw : 0
    }

    /// The offset just past the (possibly compressed) name at `offset`.
    private static func skipName(_ reply: [UInt8], at offset: Int) -> Int? {
        guard offset < reply.count else { return nil }
        return reply.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var name: UnsafeMutablePointer<CChar>?
            var length = 0
            let status = ares_expand_name(base + offset, base, Int32(buffer.count), &name, &length)
            if let name { ares_free_string(name) }
            return status == ARES_SUCCESS ? offset + length : nil
        }
    }
}

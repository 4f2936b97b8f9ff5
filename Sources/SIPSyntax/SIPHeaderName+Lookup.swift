/// Byte-level recognition of well-known header names, so the message parser turns `Via`, `v`
/// or `CONTENT-LENGTH` into a `SIPHeaderName` without building, lower-casing and hashing a
/// String per field (the parse-rate budget is a few microseconds per INVITE).
extension SIPHeaderName {
    /// The name spelled by `bytes[range]` (a token, RFC 3261 §7.3.1), compact forms expanded.
    static func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in table: SIPHeaderNameTable = .shared) -> SIPHeaderName {
        if let known = table.find(bytes, range) { return SIPHeaderName(known: known) }
        return SIPHeaderName(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
}

/// Every known spelling (long forms and compact letters), lower-cased and bucketed by length in
/// one immutable byte block, so a look-up touches no reference-counted storage.
final class SIPHeaderNameTable: Sendable {
    static let shared = SIPHeaderNameTable()

    /// Per length: where its spellings start in `spellings`, and the headers they name.
    private let bucketStart: [Int]
    private let spellings: [UInt8]
    private let headers: [SIPKnownHeader]
    private let headerStart: [Int]

    private init() {
        var pairs: [([UInt8], SIPKnownHeader)] = SIPKnownHeader.allCases.map { (Array($0.key.utf8), $0) }
        for (letter, long) in SIPHeaderName.compactForms {
            if let known = SIPHeaderName.knownByLowercase[long.lowercased()] { pairs.append((Array(String(letter).utf8), known)) }
        }
        pairs.sort { $0.0.count < $1.0.count }
        let longest = pairs.last?.0.count ?? 0
        var bucketStart = [Int](repeating: 0, count: longest + 2)
        var headerStart = [Int](repeating: 0, count: longest + 2)
        var spellings: [UInt8] = [], headers: [SIPKnownHeader] = []
        var index = 0
        for length in 0...longest + 1 {
            bucketStart[length] = spellings.count
            headerStart[length] = headers.count
            while index < pairs.count, pairs[index].0.count == length {
                spellings += pairs[index].0
                headers.append(pairs[index].1)
                index += 1
            }
        }
        (self.bucketStart, self.headerStart, self.spellings, self.headers) = (bucketStart, headerStart, spellings, headers)
    }

    /// Case-insensitive match against spellings made only of lower-case letters, digits and
    /// "-": setting bit 5 lower-cases letters and leaves those others unchanged, and no other
    /// byte can turn into one of them.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SIPKnownHeader? {
        let length = range.count
        guard length > 0, length + 1 < bucketStart.count else { return nil }
        return spellings.withUnsafeBufferPointer { table -> SIPKnownHeader? in
            var offset = bucketStart[length], entry = headerStart[length]
            let end = bucketStart[length + 1]
            let first = bytes[range.lowerBound] | 0x20
            while offset < end {
                if table[offset] != first {
                    offset += length
                    entry += 1
                    continue
                }
                var index = 1
                while index < length, bytes[range.lowerBound + index] | 0x20 == table[offset + index] { index += 1 }
                if index == length { return headers[entry] }
                offset += length
                entry += 1
            }
            return nil
        }
    }
}

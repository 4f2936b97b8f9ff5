/// Byte-level recognition of well-known header names, so the message parser turns `Via`, `v`
/// or `CONTENT-LENGTH` into a shared `SIPHeaderName` without building, lower-casing and hashing
/// a String per field (the parse-rate budget is a few microseconds per INVITE).
extension SIPHeaderName {
    init(canonicalName: String, key: String) {
        self.name = canonicalName
        self.key = key
    }

    /// The name spelled by `bytes[range]` (a token, RFC 3261 §7.3.1), compact forms expanded.
    static func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SIPHeaderName {
        let count = range.count
        if count < lookUpTable.count {
            for entry in lookUpTable[count] where matches(entry.lowercased, bytes, range.lowerBound) {
                return entry.name
            }
        }
        return SIPHeaderName(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    /// Case-insensitive compare against a table spelling made only of lower-case letters,
    /// digits and "-": setting bit 5 lower-cases letters and leaves those others unchanged, and
    /// no other byte can turn into one of them.
    private static func matches(_ lowercased: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        for offset in lowercased.indices where bytes[start + offset] | 0x20 != lowercased[offset] {
            return false
        }
        return true
    }

    private struct Entry: Sendable {
        let lowercased: [UInt8]
        let name: SIPHeaderName
    }

    /// Entries bucketed by spelling length.
    private static let lookUpTable: [[Entry]] = {
        var spellings: [(String, String)] = canonicalNames.map { ($0.lowercased(), $0) }
        for (letter, long) in compactForms { spellings.append((String(letter), long)) }
        let longest = spellings.map(\.0.utf8.count).max() ?? 0
        var table = [[Entry]](repeating: [], count: longest + 1)
        for (spelling, canonical) in spellings {
            let name = SIPHeaderName(canonicalName: canonical, key: canonical.lowercased())
            table[spelling.utf8.count].append(Entry(lowercased: Array(spelling.utf8), name: name))
        }
        return table
    }()
}

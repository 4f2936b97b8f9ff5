/// Byte-level recognition of well-known header names, so the message parser turns `Via`, `v`
/// or `CONTENT-LENGTH` into a `SIPHeaderName` without building, lower-casing and hashing a
/// String per field (the parse-rate budget is a few microseconds per INVITE).
extension SIPHeaderName {
    /// The name spelled by `bytes[range]` (a token, RFC 3261 §7.3.1), compact forms expanded.
    @inline(__always)
    static func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, in table: SIPHeaderNameTable = .shared) -> SIPHeaderName {
        if let known = table.find(bytes, range) { return SIPHeaderName(known: known) }
        return SIPHeaderName(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
}

/// Every known spelling (long forms and compact letters), lower-cased, in an open-addressed hash
/// table keyed by the length and the first eight bytes: a look-up loads those bytes as one word,
/// hashes it and compares one candidate (rarely two) a word at a time. Immutable after `init`,
/// so shared freely.
final class SIPHeaderNameTable: Sendable {
    static let shared = SIPHeaderNameTable()

    /// One spelling: its length and bytes as little-endian words, zero-padded.
    private struct Entry {
        var count: Int
        var words: (UInt64, UInt64, UInt64)
        var header: SIPKnownHeader
    }

    /// Per slot: 1 + an index into `entries`, or 0 for an empty slot.
    private let slots: [UInt8]
    private let entries: [Entry]

    private static let slotCount = 256
    private static let longest = 24

    private init() {
        var spellings: [([UInt8], SIPKnownHeader)] = SIPKnownHeader.allCases.map { (Array($0.key.utf8), $0) }
        for (letter, long) in SIPHeaderName.compactForms.sorted(by: { $0.key < $1.key }) {
            if let known = SIPHeaderName.knownByLowercase[long.lowercased()] { spellings.append((Array(String(letter).utf8), known)) }
        }
        var slots = [UInt8](repeating: 0, count: Self.slotCount)
        var entries: [Entry] = []
        for (spelling, header) in spellings {
            precondition(spelling.count <= Self.longest, "spelling longer than the table's words")
            // `find` on bytes that are not known to be a token relies on this (see its comment).
            precondition(spelling.allSatisfy { $0 == UInt8(ascii: "-") || (0x61...0x7A).contains($0) }, "spelling not made of a-z and -")
            let word = { (index: Int) in spelling.dropFirst(8 * index).prefix(8).reversed().reduce(0) { $0 << 8 | UInt64($1) } }
            let entry = Entry(count: spelling.count, words: (word(0), word(1), word(2)), header: header)
            var slot = Self.hash(entry.words.0, count: entry.count)
            while slots[slot] != 0 { slot = (slot + 1) % Self.slotCount }
            entries.append(entry)
            slots[slot] = UInt8(entries.count)
        }
        (self.slots, self.entries) = (slots, entries)
    }

    /// Mixes the length and the first word into a slot number (multiplicative hashing). The
    /// multiplier was searched for so that the ~60 names seen in everyday traffic (RFC 3261's
    /// and the common extensions', long and compact) each sit in their home slot: a look-up of
    /// one of them never probes, and never mispredicts a probe.
    @inline(__always)
    private static func hash(_ word: UInt64, count: Int) -> Int {
        (Int(truncatingIfNeeded: (word &* 0xB3D4_61F0_DF78_3A5F) >> 56) ^ count &* 17) & (slotCount - 1)
    }

    /// Case-insensitive match against spellings made only of lower-case letters and "-": setting
    /// bit 5 lower-cases letters and leaves "-" unchanged, and the only other bytes that turn
    /// into one of them are CR (into "-"), which no line contains. So a match also proves the
    /// bytes are token characters, whatever range they came from.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SIPKnownHeader? {
        let count = range.count, lower = range.lowerBound
        guard count > 0, count <= Self.longest else { return nil }
        let words = (
            Self.lowerCasedWord(bytes, lower, count: min(count, 8)),
            count > 8 ? Self.lowerCasedWord(bytes, lower &+ 8, count: min(count &- 8, 8)) : 0,
            count > 16 ? Self.lowerCasedWord(bytes, lower &+ 16, count: count &- 16) : 0)
        var slot = Self.hash(words.0, count: count)
        while true {
            let index = Int(slots[slot]) &- 1
            guard index >= 0 else { return nil }
            let entry = entries[index]
            if entry.count == count && entry.words == words { return entry.header }
            slot = (slot &+ 1) & (Self.slotCount - 1)
        }
    }

    /// `bytes[from..<from + count]` (1 ≤ count ≤ 8) with bit 5 set in each byte, as a
    /// little-endian word padded with zeros: one unaligned load when eight bytes are there.
    @inline(__always)
    private static func lowerCasedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, count: Int) -> UInt64 {
        let bits = 0x2020_2020_2020_2020 as UInt64
        if from &+ 8 <= bytes.count, let base = bytes.baseAddress {
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: from, as: UInt64.self)) | bits
            return count == 8 ? word : word & (1 &<< (8 &* UInt64(count)) &- 1)
        }
        var word: UInt64 = 0
        for index in (from..<from + count).reversed() { word = word << 8 | UInt64(bytes[index] | 0x20) }
        return word
    }
}

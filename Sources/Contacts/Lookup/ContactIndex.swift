#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Finds contacts fast enough to name an incoming caller before the first ring is drawn:
/// a dictionary from `ContactLookupKey` (O(1) per key) for URIs and numbers, and a sorted array
/// of folded names and name words (O(log n) to the first match) for prefix search.
///
/// An immutable value built from a snapshot of the contacts; rebuild it after the store
/// changes (about 0.1 s for 10,000 contacts; lookups take microseconds: `ContactIndexBenchmark`).
public struct ContactIndex: Sendable {
    /// The contacts, in the order results are returned.
    public let contacts: [Contact]
    private let positionsByKey: [ContactLookupKey: [Int]]
    /// Folded full names and every folded word of a name, sorted by UTF-8 bytes.
    private let nameEntries: [NameEntry]
    /// Every folded display name as UTF-8, each followed by a line feed (which folding never
    /// leaves inside a name), so substring search is one scan over contiguous bytes instead of
    /// 10,000 String comparisons per keystroke.
    private let nameBytes: [UInt8]
    /// Where each contact's name starts in `nameBytes`.
    private let nameStarts: [Int]

    private struct NameEntry: Sendable {
        var key: [UInt8]
        var position: Int
    }

    public init(contacts: [Contact]) {
        self.contacts = contacts
        var positionsByKey: [ContactLookupKey: [Int]] = [:]
        var nameEntries: [NameEntry] = []
        var nameBytes: [UInt8] = []
        var nameStarts: [Int] = []
        nameStarts.reserveCapacity(contacts.count)
        for (position, contact) in contacts.enumerated() {
            let addresses = contact.allSIPURIs + contact.phoneNumbers.map(\.value)
            for key in Set(addresses.flatMap(ContactLookupKey.keys(for:))) {
                positionsByKey[key, default: []].append(position)
            }
            let folded = NameFolding.fold(contact.displayName)
            nameStarts.append(nameBytes.count)
            nameBytes += folded
            nameBytes.append(0x0A)
            let structured = contact.name.map { NameFolding.words(of: NameFolding.fold($0.displayName)) } ?? []
            for key in Set([folded] + NameFolding.words(of: folded) + structured) {
                nameEntries.append(NameEntry(key: key, position: position))
            }
        }
        nameEntries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        self.positionsByKey = positionsByKey
        self.nameEntries = nameEntries
        self.nameBytes = nameBytes
        self.nameStarts = nameStarts
    }

    /// The contacts reachable at a URI or number (see `ContactLookupKey.keys(for:)`), in index
    /// order. An incoming `sip:+1-555-0100@carrier.example;user=phone` finds the contact whose
    /// TEL is `+1 (555) 0100` or `tel:+1-555-0100`.
    public func contacts(matching uriOrNumber: String) -> [Contact] {
        var positions: [Int] = []
        for key in ContactLookupKey.keys(for: uriOrNumber) {
            for position in positionsByKey[key] ?? [] where !positions.contains(position) {
                positions.append(position)
            }
        }
        return positions.sorted().map { contacts[$0] }
    }

    /// Contacts whose name, or a word of it, starts with the query, then those whose name
    /// contains it; case and diacritics ignored ("zoe ang" finds "Zoë Ångström").
    public func search(_ query: String) -> [Contact] {
        let folded = NameFolding.fold(query)
        guard !folded.isEmpty else { return contacts }
        var seen = Set<Int>()
        var prefixMatches: [Int] = []
        var index = firstEntry(notBefore: folded)
        while index < nameEntries.count, nameEntries[index].key.starts(with: folded) {
            if seen.insert(nameEntries[index].position).inserted { prefixMatches.append(nameEntries[index].position) }
            index += 1
        }
        let substringMatches = positionsContaining(folded).filter { !seen.contains($0) }
        return (prefixMatches.sorted() + substringMatches).map { contacts[$0] }
    }

    /// The positions of the contacts whose folded name contains `needle`, in order: `memchr`
    /// to the next candidate first byte, `memcmp` to confirm, then skip to the next name.
    private func positionsContaining(_ needle: [UInt8]) -> [Int] {
        var positions: [Int] = []
        nameBytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress, pattern.count > 0 else { return }
                let last = haystack.count - pattern.count
                var offset = 0
                while offset <= last,
                      let candidate = memchr(base + offset, Int32(needle[0]), last - offset + 1) {
                    let at = base.distance(to: UnsafeRawPointer(candidate))
                    guard memcmp(candidate, patternBase, pattern.count) == 0 else {
                        offset = at + 1
                        continue
                    }
                    let position = nameContaining(offset: at)
                    positions.append(position)
                    offset = position + 1 < nameStarts.count ? nameStarts[position + 1] : haystack.count
                }
            }
        }
        return positions
    }

    /// The contact whose name holds byte `offset` of `nameBytes` (binary search in `nameStarts`).
    private func nameContaining(offset: Int) -> Int {
        var low = 0, high = nameStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if nameStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return low
    }

    /// Binary search: the first entry whose key is not ordered before `key`.
    private func firstEntry(notBefore key: [UInt8]) -> Int {
        var low = 0, high = nameEntries.count
        while low < high {
            let middle = (low + high) / 2
            if nameEntries[middle].key.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

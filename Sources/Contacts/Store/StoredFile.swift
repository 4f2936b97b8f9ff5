import Foundation

/// One `.vcf` file of the store as last read or written: its stamp and content hash (to notice
/// outside changes), the contacts it yielded, and whether Dialtone may rewrite it.
struct StoredFile: Hashable, Sendable {
    var stamp: FileStamp
    var contentHash: UInt64
    var contacts: [Contact]
    var diagnostics: [ContactStoreDiagnostic]
    /// True only for a file holding exactly one card that parsed without error: rewriting any
    /// other file from what was understood of it would destroy the rest.
    var isWritable: Bool

    /// Reads and parses a file, or returns `previous` (with the new stamp) if the bytes are the
    /// same. Nil if the file vanished since the directory was listed.
    static func read(_ name: String, in directory: URL, stamp: FileStamp, previous: StoredFile?) -> StoredFile? {
        let bytes: [UInt8]
        do {
            guard let contents = try ContactFiles.contents(of: directory.appendingPathComponent(name)) else { return nil }
            bytes = contents
        } catch {
            return StoredFile(stamp: stamp, contentHash: 0, contacts: [],
                              diagnostics: [.unreadable(file: name, reason: error.description)], isWritable: false)
        }
        let hash = ContactFiles.hash(bytes)
        if var previous, previous.contentHash == hash {
            previous.stamp = stamp
            return previous
        }
        return parse(bytes, name: name, stamp: stamp, hash: hash)
    }

    /// A card without UID is named after its file (`alice.vcf` → `alice`), the identity vdir
    /// gives it, so that it keeps the same UID on every load.
    private static func parse(_ bytes: [UInt8], name: String, stamp: FileStamp, hash: UInt64) -> StoredFile {
        let result = VCardParser.parse(bytes: bytes, file: name)
        let stem = String(name.dropLast(4))
        let contacts = result.cards.enumerated().map { index, card in
            Contact(vCard: card, uidIfMissing: index == 0 ? stem : "\(stem)-\(index + 1)")
        }
        var diagnostics = result.errors.map(ContactStoreDiagnostic.invalidVCard)
        if result.cards.isEmpty, result.errors.isEmpty { diagnostics.append(.noVCard(file: name)) }
        if result.cards.count > 1 { diagnostics.append(.severalVCards(file: name, count: result.cards.count)) }
        return StoredFile(stamp: stamp, contentHash: hash, contacts: contacts, diagnostics: diagnostics,
                          isWritable: result.errors.isEmpty && result.cards.count == 1)
    }
}

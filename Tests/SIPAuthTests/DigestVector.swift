import TestSupport
import Testing

/// One row of `Tests/Fixtures/digest/digest_vectors.tsv`, read by column name from the header
/// row so a reordered file cannot silently shift values (see Tests/Fixtures/README.md "digest/").
struct DigestVector: Sendable, CustomTestStringConvertible {
    let columns: [String: String]

    subscript(_ name: String) -> String {
        columns[name] ?? ""
    }

    var id: String { self["id"] }
    var testDescription: String { id }

    /// The RFC 7616 §3.9.2 row whose published values only SHA-512 truncated to 256 bits
    /// reproduces; a FIPS 180-4 SHA-512/256 implementation must NOT match it.
    var isPublishedTruncatedSHA512: Bool {
        self["status"].contains("NOT reproducible with FIPS SHA-512/256")
    }

    static let path = "digest/digest_vectors.tsv"

    static func all() throws -> [DigestVector] {
        let rows = try Fixtures.tsv(path)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { row in
            DigestVector(columns: Dictionary(
                zip(header, row + Array(repeating: "", count: max(0, header.count - row.count))),
                uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Every row an FIPS-conformant implementation must reproduce.
    static func conformant() throws -> [DigestVector] {
        try all().filter { !$0.isPublishedTruncatedSHA512 }
    }
}

import Foundation

/// A fresh directory under the system temporary directory, removed by `remove()`; every test
/// gets its own, so tests run in parallel without sharing files.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dialtone-contacts-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a file as another program would (not atomically, no fsync).
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
    }

    /// Every file name in the directory, hidden ones included, sorted.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// A clock that always says the same instant, so REV is predictable.
let fixedNow: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_700_000_000.75) }

/// A minimal single-card vCard file.
func vcf(uid: String, name: String, extra: String = "") -> String {
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:\(uid)\r\nFN:\(name)\r\n\(extra)END:VCARD\r\n"
}

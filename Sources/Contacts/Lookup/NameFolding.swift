import Foundation

/// The form names are compared in for search: lower case, no diacritics (ö → o, ß → ss), NFC,
/// runs of white space as one space — so a user typing without accents finds accented names.
/// Returned as UTF-8 bytes, which the index sorts and scans directly.
enum NameFolding {
    static func fold(_ text: String) -> [UInt8] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .precomposedStringWithCanonicalMapping
            return Array(folded.split(whereSeparator: \.isWhitespace).joined(separator: " ").utf8)
        }
        // ASCII, the common case, needs no Foundation call (tens of microseconds each).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(ASCII.lowercased(byte))
        }
        return bytes
    }

    /// The words of a folded name: runs of letters and digits.
    static func words(of folded: [UInt8]) -> [[UInt8]] {
        guard folded.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: folded, as: UTF8.self)
            return text.split { !$0.isLetter && !$0.isNumber }.map { Array($0.utf8) }
        }
        return folded.split { !ASCII.isAlphanumeric($0) }.map(Array.init)
    }
}

/// A logical content line after unfolding, with the physical line it started on.
struct VCardLine: Hashable, Sendable {
    var number: Int
    var text: String
}

/// Splits a file's bytes into logical content lines (RFC 6350 §3.2).
///
/// - Lines end with CRLF or a bare LF: files edited on Unix often lose the CR.
/// - A line starting with a space or tab continues the previous one; exactly that one
///   whitespace character is removed ("unfolding").
/// - A quoted-printable value (vCard 2.1) ending in `=` continues on the next line whatever that
///   line starts with (RFC 2045 §6.7 rule 5, soft line break); the `=` and the break are removed.
/// - Blank lines are skipped: 2.1 files put one after base64 data.
///
/// Unfolding happens on bytes, before decoding, because RFC 6350 §3.2 warns that careless
/// writers fold inside a multi-octet UTF-8 sequence; joined first, the sequence is whole again.
/// A logical line that is still not UTF-8 is read as Latin-1 (old 2.1 exports), never dropped.
enum VCardLineReader {
    static func logicalLines(_ bytes: [UInt8]) -> [VCardLine] {
        var lines: [(number: Int, bytes: [UInt8])] = []
        var softBreakPending = false
        var number = 0
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        for slice in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let content = slice.last == UInt8(ascii: "\r") ? slice.dropLast() : slice
            if softBreakPending, !lines.isEmpty {
                lines[lines.count - 1].bytes.removeLast()  // the soft break's "="
                lines[lines.count - 1].bytes += content
            } else if let first = content.first, first == 0x20 || first == 0x09, !lines.isEmpty {
                lines[lines.count - 1].bytes += content.dropFirst()
            } else if !content.isEmpty {
                lines.append((number, Array(content)))
            } else {
                continue
            }
            softBreakPending = endsWithSoftBreak(lines[lines.count - 1].bytes)
        }
        if softBreakPending, !lines.isEmpty {
            lines[lines.count - 1].bytes.removeLast()
        }
        return lines.map { VCardLine(number: $0.number, text: TextDecoding.string(from: $0.bytes)) }
    }

    /// Whether a logical line is quoted-printable and ends with a soft line break. The encoding is
    /// looked for in the name-and-parameters part only, before the first colon.
    private static func endsWithSoftBreak(_ line: [UInt8]) -> Bool {
        guard line.last == UInt8(ascii: "="), let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return String(decoding: line[..<colon], as: UTF8.self).uppercased().contains("QUOTED-PRINTABLE")
    }
}

/// Why a vCard, or a stray line between vCards, could not be read; always names the file and the
/// physical line (1-based) so the user can open the file and fix it.
///
/// The parser reports these alongside the cards it did read: one broken card never hides the
/// others in the same file.
public struct VCardParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// A line outside any card that is not `BEGIN:VCARD` (RFC 6350 §6.1.1).
        case missingBegin
        /// A card with no `END:VCARD` before the next `BEGIN:VCARD` or the end of the file;
        /// the line is that of its `BEGIN` (RFC 6350 §6.1.2).
        case missingEnd
        /// A content line with no `:` outside quotes (RFC 6350 §3.3 `contentline`).
        case missingColon
        /// A content line with nothing before its `:` or `;`, or an empty group.
        case missingPropertyName
        /// A parameter value opened with `"` and never closed.
        case unterminatedQuote
        /// `VERSION` other than 2.1, 3.0 or 4.0.
        case unsupportedVersion(String)
    }

    /// The file name (or other label) the text came from.
    public var file: String
    /// The 1-based physical line where the problem is.
    public var line: Int
    public var problem: Problem

    public init(file: String, line: Int, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        "\(file):\(line): \(problemDescription)"
    }

    private var problemDescription: String {
        switch problem {
        case .missingBegin: "line outside a vCard (expected BEGIN:VCARD); skipped"
        case .missingEnd: "vCard starting here has no END:VCARD; card skipped"
        case .missingColon: "content line has no ':'; card skipped"
        case .missingPropertyName: "content line has no property name; card skipped"
        case .unterminatedQuote: "parameter value has an unterminated quote; card skipped"
        case .unsupportedVersion(let version): "unsupported vCard VERSION \(version); card skipped"
        }
    }
}

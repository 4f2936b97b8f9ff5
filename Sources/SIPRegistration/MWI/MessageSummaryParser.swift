/// Parses `application/simple-message-summary` (RFC 3842 §5.2):
///
///     message-summary = msg-status-line CRLF [msg-account CRLF]
///                       [*(msg-summary-line CRLF)] [ *(extension-header CRLF) ]
///     msg-status-line = "Messages-Waiting" HCOLON msg-status     ; "yes" / "no"
///     msg-account     = "Message-Account" HCOLON absoluteURI
///     msg-summary-line = message-context-class HCOLON newmsgs SLASH oldmsgs
///                        [ LPAREN new-urgentmsgs SLASH old-urgentmsgs RPAREN ]
///
/// Tolerant where servers differ: names in any case, white space anywhere around the
/// punctuation, LF or CRLF line ends, the status line anywhere in the summary, unknown
/// headers and classes skipped (they are extensions). The summary ends at the first empty line
/// after it; what follows is the optional RFC 2822 message headers of §5.2, which are not read.
enum MessageSummaryParser {
    /// Far above any real summary (a few hundred bytes); bounds the work done on garbage.
    static let maximumSize = 65_536
    /// Counts above this are not counts (and could overflow arithmetic in a UI).
    static let maximumCount = 1_000_000_000

    static func parse(_ body: [UInt8]) throws(MessageSummaryError) -> MessageSummary {
        guard body.count <= maximumSize else { throw .tooLarge(size: body.count, maximum: maximumSize) }
        var waiting: Bool?
        var summary = MessageSummary(messagesWaiting: false)
        var sawContent = false
        for (index, line) in lines(body).enumerated() {
            let number = index + 1
            let trimmed = line.trimmed
            if trimmed.isEmpty {
                if sawContent { break }  // end of the summary; message headers may follow
                continue
            }
            if line.first == " " || line.first == "\t" { continue }  // folded continuation of an extension header
            sawContent = true
            guard let colon = trimmed.firstIndex(of: ":") else { throw .malformedLine(line: number, text: trimmed) }
            let name = trimmed[..<colon].trimmed.lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmed
            guard !name.isEmpty else { throw .malformedLine(line: number, text: trimmed) }
            switch name {
            case "messages-waiting":
                guard waiting == nil else { continue }  // the first one counts
                switch value.lowercased() {
                case "yes": waiting = true
                case "no": waiting = false
                default: throw .invalidStatus(line: number, value: value)
                }
            case "message-account":
                if summary.messageAccount == nil, !value.isEmpty { summary.messageAccount = value }
            default:
                guard let messageClass = messageClass(named: name) else { continue }
                guard let counts = counts(value) else {
                    throw .invalidCounts(line: number, header: String(trimmed[..<colon].trimmed), value: value)
                }
                summary.counts[messageClass] = counts
            }
        }
        guard let waiting else { throw .missingStatus }
        summary.messagesWaiting = waiting
        return summary
    }

    /// Lines split on LF with a trailing CR removed; bytes that are not UTF-8 become U+FFFD.
    private static func lines(_ body: [UInt8]) -> [String] {
        body.split(separator: 0x0A, omittingEmptySubsequences: false).map { raw in
            let line = raw.last == 0x0D ? raw.dropLast() : raw[...]
            return String(decoding: line, as: UTF8.self)
        }
    }

    private static func messageClass(named name: String) -> MessageClass? {
        MessageClass.allCases.first { $0.headerName.lowercased() == name }
    }

    /// `new/old` or `new/old (urgentNew/urgentOld)`, white space allowed around every token.
    static func counts(_ value: String) -> MessageCounts? {
        let compact = value.filter { $0 != " " && $0 != "\t" }
        var main = Substring(compact)
        var urgent: (Int, Int)?
        if let open = compact.firstIndex(of: "(") {
            guard compact.last == ")" else { return nil }
            let inner = compact[compact.index(after: open)..<compact.index(before: compact.endIndex)]
            guard let pair = pair(inner) else { return nil }
            urgent = pair
            main = compact[..<open]
        }
        guard let (new, old) = pair(main) else { return nil }
        return MessageCounts(new: new, old: old, urgentNew: urgent?.0, urgentOld: urgent?.1)
    }

    private static func pair(_ text: Substring) -> (Int, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = count(parts[0]), let second = count(parts[1]) else { return nil }
        return (first, second)
    }

    /// 1*DIGIT, at most 10 digits and `maximumCount`.
    private static func count(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 10, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
              value <= maximumCount else { return nil }
        return value
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}

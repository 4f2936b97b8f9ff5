/// A message-summary body (RFC 3842 §5, `application/simple-message-summary`): whether
/// messages are waiting, for which account, and how many per message class.
public struct MessageSummary: Sendable, Hashable {
    public var messagesWaiting: Bool
    /// `Message-Account` as sent (RFC 3842 §5.1: an absolute URI, usually the voicemail
    /// account's SIP URI); nil when absent.
    public var messageAccount: String?
    /// Counts per class, only for the classes the body lists.
    public var counts: [MessageClass: MessageCounts]

    public init(messagesWaiting: Bool, messageAccount: String? = nil, counts: [MessageClass: MessageCounts] = [:]) {
        self.messagesWaiting = messagesWaiting
        self.messageAccount = messageAccount
        self.counts = counts
    }

    /// The voice counts, which is what a phone's indicator shows.
    public var voice: MessageCounts? { counts[.voice] }

    /// Parses a body; see `MessageSummaryParser`.
    public static func parse(_ body: [UInt8]) throws(MessageSummaryError) -> MessageSummary {
        try MessageSummaryParser.parse(body)
    }
}

/// message-context-class (RFC 3842 §5.2, taken from RFC 3458 §6.2).
public enum MessageClass: String, Sendable, Hashable, CaseIterable {
    case voice, fax, pager, multimedia, text, none

    /// The header name in a body: `Voice-Message`, `Fax-Message`, …
    public var headerName: String {
        switch self {
        case .voice: "Voice-Message"
        case .fax: "Fax-Message"
        case .pager: "Pager-Message"
        case .multimedia: "Multimedia-Message"
        case .text: "Text-Message"
        case .none: "None"
        }
    }
}

/// `newmsgs SLASH oldmsgs [ LPAREN new-urgentmsgs SLASH old-urgentmsgs RPAREN ]` (RFC 3842 §5.2).
public struct MessageCounts: Sendable, Hashable {
    public var new: Int
    public var old: Int
    /// nil when the line has no urgent part.
    public var urgentNew: Int?
    public var urgentOld: Int?

    public init(new: Int, old: Int, urgentNew: Int? = nil, urgentOld: Int? = nil) {
        self.new = new
        self.old = old
        self.urgentNew = urgentNew
        self.urgentOld = urgentOld
    }
}

/// Why a body is not a message summary; `line` is 1-based.
public enum MessageSummaryError: Error, Sendable, Hashable, CustomStringConvertible {
    case tooLarge(size: Int, maximum: Int)
    /// No `Messages-Waiting` line: RFC 3842 §5.2 makes it mandatory.
    case missingStatus
    case invalidStatus(line: Int, value: String)
    /// A line that is not `name: value`.
    case malformedLine(line: Int, text: String)
    case invalidCounts(line: Int, header: String, value: String)

    public var description: String {
        switch self {
        case .tooLarge(let size, let maximum): "message summary of \(size) bytes exceeds \(maximum)"
        case .missingStatus: "message summary lacks the Messages-Waiting line"
        case .invalidStatus(let line, let value): "line \(line): Messages-Waiting must be yes or no, not \"\(value)\""
        case .malformedLine(let line, let text): "line \(line): expected \"name: value\", got \"\(text)\""
        case .invalidCounts(let line, let header, let value):
            "line \(line): \(header) must be new/old or new/old (urgent-new/urgent-old), not \"\(value)\""
        }
    }
}

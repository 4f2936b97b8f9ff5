import Foundation

/// When a call started, was answered and ended, at millisecond precision.
///
/// Times come from the caller (the engine's injected clock); nothing here reads the system
/// clock. They are rounded to whole milliseconds on creation because that is what the database
/// stores, so a record reads back equal to the one appended.
public struct CallTimes: Sendable, Hashable {
    /// When the INVITE was sent or received.
    public let start: Date
    /// When the call was answered (2xx sent or received), nil if it never was.
    public let answer: Date?
    /// When the call ended (BYE, CANCEL, or the final error response).
    public let end: Date

    public init(start: Date, answer: Date? = nil, end: Date) {
        self.start = Milliseconds.rounded(start)
        self.answer = answer.map(Milliseconds.rounded)
        self.end = Milliseconds.rounded(end)
    }

    /// Talk time in seconds: answer to end, nil if never answered.
    ///
    /// Clamped at zero because a wall clock stepped backwards mid-call (NTP) must not show a
    /// negative duration.
    public var duration: TimeInterval? {
        answer.map { max(0, end.timeIntervalSince($0)) }
    }
}

/// Conversion between `Date` and the integer milliseconds since 1970 the database stores.
///
/// Integers keep the column sortable and readable with the sqlite3 shell
/// (`datetime(start_ms / 1000, 'unixepoch')`), unlike GRDB's default text dates.
enum Milliseconds {
    static func from(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func rounded(_ date: Date) -> Date {
        Self.date(from(date))
    }
}

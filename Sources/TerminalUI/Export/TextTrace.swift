import Foundation

/// The plain-text trace export: each message under a line with its time (UTC, microseconds),
/// direction, transport and addresses, the way sngrep and `ngrep` print SIP, so a trace can be
/// pasted into a bug report and read by a person.
public enum TextTrace {
    public static func render(_ records: [TraceRecord]) -> String {
        var output = ""
        for record in records {
            output += header(record) + "\n"
            var text = record.text.replacingOccurrences(of: "\r\n", with: "\n")
            if !text.hasSuffix("\n") { text += "\n" }
            output += text + "\n"
        }
        return output
    }

    /// `2024-05-01 14:03:00.123456 UTC sent UDP 127.0.0.1:40000 → 127.0.0.1:5060`.
    static func header(_ record: TraceRecord) -> String {
        let verb = record.direction == .sent ? "sent" : "received"
        return "\(timestamp(record.time)) \(verb) \(record.transport) \(record.source) → \(record.destination)"
    }

    static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros.quotientAndRemainder(dividingBy: 1_000_000)
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds.quotient))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))."
            + String(format: "%06d", Int(seconds.remainder)) + " UTC"
    }
}

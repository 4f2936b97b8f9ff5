import Foundation

/// The plain-text table `dialtone history` prints.
///
/// Lives in the library, not the executable, so the exact output is unit-tested. The time zone
/// is passed in (the command passes the user's), so tests do not depend on where they run. No
/// colour: the missed mark is a character, which also reads under `NO_COLOR` and in a pipe.
public enum HistoryTable {
    /// Widest remote column before names are cut with "…".
    public static let remoteWidth = 40

    /// The header line and one line per call, each ending in a newline; a single explanatory
    /// line when there are no calls.
    public static func render(_ records: [CallRecord], timeZone: TimeZone) -> String {
        guard !records.isEmpty else { return "No calls.\n" }
        let rows = records.map { row(for: $0, timeZone: timeZone) }
        let header = ["TIME", "DIR", "REMOTE", "DURATION", "RESULT"]
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { line($0, widths: widths) }.joined()
    }

    /// The cells of one call: local start time, arrow (with `!` when missed), remote, talk time, result.
    static func row(for record: CallRecord, timeZone: TimeZone) -> [String] {
        [
            localTime(record.times.start, timeZone: timeZone),
            arrow(record.direction) + (record.result == .missed ? "!" : ""),
            truncated(remoteText(record.remote)),
            record.duration.map(durationText) ?? "-",
            resultText(record),
        ]
    }

    static func arrow(_ direction: HistoryDirection) -> String {
        switch direction {
        case .incoming: "←"
        case .outgoing: "→"
        }
    }

    /// `Name <uri>` when the peer sent a display name, else the bare URI.
    static func remoteText(_ remote: RemoteParty) -> String {
        guard let name = remote.displayName, !name.isEmpty else { return remote.uri }
        return "\(name) <\(remote.uri)>"
    }

    /// `M:SS` below an hour, `H:MM:SS` from one hour, rounded down to whole seconds.
    public static func durationText(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded(.down))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? "\(hours):\(padded(minutes, 2)):\(padded(secs, 2))" : "\(minutes):\(padded(secs, 2))"
    }

    /// The result word, with the status for failures so "failed (404 Not Found)" says why.
    static func resultText(_ record: CallRecord) -> String {
        guard let status = record.finalStatus else { return record.result.rawValue }
        switch record.result {
        case .failed: return "failed (\(status.code) \(status.reasonPhrase))"
        case .answered, .missed, .rejected, .busy, .cancelled: return record.result.rawValue
        }
    }

    /// `YYYY-MM-DD HH:MM` in `timeZone`.
    static func localTime(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = "\(padded(parts.year ?? 0, 4))-\(padded(parts.month ?? 0, 2))-\(padded(parts.day ?? 0, 2))"
        return day + " \(padded(parts.hour ?? 0, 2)):\(padded(parts.minute ?? 0, 2))"
    }

    /// `value` with leading zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func truncated(_ text: String) -> String {
        text.count <= remoteWidth ? text : String(text.prefix(remoteWidth - 1)) + "…"
    }

    /// Cells padded to their column's width, two spaces apart, trailing spaces trimmed.
    static func line(_ cells: [String], widths: [Int]) -> String {
        let padded = zip(cells, widths).map { cell, width in
            cell + String(repeating: " ", count: width - cell.count)
        }
        var text = padded.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text + "\n"
    }
}

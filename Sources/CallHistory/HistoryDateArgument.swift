import Foundation

/// Parses the DATE of `dialtone history --since DATE`.
///
/// Accepts `YYYY-MM-DD` (midnight in the given time zone: "since Monday" means the user's
/// Monday) and ISO 8601 date-times `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM` or `±HHMM`,
/// or with no offset (the given time zone). A space may replace the `T`. Impossible dates such
/// as `2025-02-30` are refused rather than rolled over into March.
public enum HistoryDateArgument {
    /// The instant `text` names, or nil if it is not one of the accepted forms.
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let pattern = #/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/#
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let out = match.output
        var components = DateComponents(
            year: Int(out.1), month: Int(out.2), day: Int(out.3),
            hour: out.4.flatMap { Int($0) } ?? 0, minute: out.5.flatMap { Int($0) } ?? 0,
            second: out.6.flatMap { Int($0) } ?? 0)
        if let fraction = out.7 {
            components.nanosecond = Int(fraction.padding(toLength: 9, withPad: "0", startingAt: 0))
        }
        guard let zone = out.8.map({ offsetZone(String($0)) }) ?? timeZone else { return nil }
        return validDate(components, in: zone)
    }

    /// The zone for `Z` or a numeric offset; nil for an offset beyond ±18:00.
    private static func offsetZone(_ designator: String) -> TimeZone? {
        guard designator != "Z" else { return TimeZone(secondsFromGMT: 0) }
        let digits = designator.dropFirst().filter(\.isNumber)
        guard let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)), minutes < 60 else { return nil }
        let seconds = (hours * 3600 + minutes * 60) * (designator.hasPrefix("-") ? -1 : 1)
        return abs(seconds) <= 18 * 3600 ? TimeZone(secondsFromGMT: seconds) : nil
    }

    /// The date for `components`, nil when a field is out of range (the calendar would roll
    /// `2025-02-30` over to March 2; comparing the fields back catches that).
    private static func validDate(_ components: DateComponents, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let hour = components.hour, hour < 24, let minute = components.minute, minute < 60,
              let second = components.second, second < 60,
              let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == components.year, back.month == components.month, back.day == components.day else { return nil }
        return date
    }
}

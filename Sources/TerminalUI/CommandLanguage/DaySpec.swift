import Foundation

/// A calendar day as a person types it in `dates`: `2026-11-01`, `today`, `yesterday` or `7d`
/// (seven days ago). Kept as typed: which instant a day starts at depends on the clock and the
/// time zone, which the parser does not know (it is pure); `start(now:timeZone:)` decides.
public enum DaySpec: Sendable, Hashable, CustomStringConvertible {
    case date(year: Int, month: Int, day: Int)
    case daysAgo(Int)

    public static func parse(_ text: String) -> DaySpec? {
        switch text.lowercased() {
        case "today": return .daysAgo(0)
        case "yesterday": return .daysAgo(1)
        default: break
        }
        if text.hasSuffix("d"), let count = Int(text.dropLast()), (0...36_500).contains(count) {
            return .daysAgo(count)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return .date(year: year, month: month, day: day)
    }

    /// Midnight at the start of the day in `timeZone`; nil for a date the calendar does not
    /// have (`2026-02-30`).
    public func start(now: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        switch self {
        case .daysAgo(let count):
            return calendar.date(byAdding: .day, value: -count, to: calendar.startOfDay(for: now))
        case .date(let year, let month, let day):
            let components = DateComponents(year: year, month: month, day: day)
            guard let date = calendar.date(from: components),
                  calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
            else { return nil }
            return date
        }
    }

    /// Midnight at the end of the day (the start of the next one) in `timeZone`.
    public func end(now: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return start(now: now, timeZone: timeZone).flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
    }

    public var description: String {
        switch self {
        case .daysAgo(0): "today"
        case .daysAgo(1): "yesterday"
        case .daysAgo(let count): "\(count)d"
        case .date(let year, let month, let day): String(format: "%04d-%02d-%02d", year, month, day)
        }
    }
}

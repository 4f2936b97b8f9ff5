import Foundation

/// REV timestamps: 4.0 basic format `20240131T235959Z` (RFC 6350 §4.3.5), 3.0 extended format
/// `2024-01-31T23:59:59Z` (RFC 2426 §3.6.4, ISO 8601), date-only, UTC offsets and fractions.
///
/// Parsed by hand rather than with DateFormatter: the accepted shapes are few, and a formatter
/// is neither cheap nor `Sendable`. Times without an offset are taken as UTC.
enum VCardTimestamp {
    static func date(from text: String) -> Date? {
        let trimmed = text.trimmingSpaces
        let parts = trimmed.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let dateDigits = parts[0].filter { $0 != "-" }
        guard dateDigits.count == 8, let day = digits(dateDigits) else { return nil }
        var components = DateComponents(year: day / 10000, month: day / 100 % 100, day: day % 100)
        var offset = 0
        if parts.count == 2 {
            guard let (time, zone) = timeAndOffset(parts[1]) else { return nil }
            (components.hour, components.minute, components.second) = (time / 10000, time / 100 % 100, time % 100)
            offset = zone
        }
        guard isValid(components) else { return nil }
        return utcCalendar().date(from: components).map { $0.addingTimeInterval(TimeInterval(-offset)) }
    }

    /// The timestamp in the format of `version`, whole seconds, UTC.
    static func string(from date: Date, version: VCardVersion) -> String {
        let c = utcCalendar().dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let (y, mo, d) = (c.year ?? 1970, c.month ?? 1, c.day ?? 1)
        let (h, mi, s) = (c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
        switch version {
        case .v4_0: return "\(year)\(two(mo))\(two(d))T\(two(h))\(two(mi))\(two(s))Z"
        case .v3_0, .v2_1: return "\(year)-\(two(mo))-\(two(d))T\(two(h)):\(two(mi)):\(two(s))Z"
        }
    }

    /// A date cut to whole seconds, the precision REV is written with, so a saved contact equals
    /// the contact read back from its file.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// `235959Z`, `23:59:59.5+01:00`, `2359-0500` → (HHMMSS as a number, offset in seconds).
    private static func timeAndOffset(_ text: Substring) -> (Int, Int)? {
        let zoneStart = text.firstIndex { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" } ?? text.endIndex
        var clock = text[..<zoneStart].filter { $0 != ":" }
        if let dot = clock.firstIndex(where: { $0 == "." || $0 == "," }) { clock = String(clock[..<dot]) }
        while clock.count < 6 { clock += "0" }
        guard clock.count == 6, let time = digits(clock) else { return nil }
        let zone = text[zoneStart...]
        guard let sign = zone.first, sign == "+" || sign == "-" else {
            return zone.count <= 1 ? (time, 0) : nil
        }
        let zoneDigits = zone.dropFirst().filter { $0 != ":" }
        guard zoneDigits.count == 4 || zoneDigits.count == 2, let hhmm = digits(zoneDigits.padding(toLength: 4, withPad: "0", startingAt: 0)) else { return nil }
        let seconds = (hhmm / 100) * 3600 + (hhmm % 100) * 60
        return (time, sign == "-" ? -seconds : seconds)
    }

    private static func digits(_ text: String) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func isValid(_ c: DateComponents) -> Bool {
        (1...12).contains(c.month ?? 0) && (1...31).contains(c.day ?? 0)
            && (0...23).contains(c.hour ?? 0) && (0...59).contains(c.minute ?? 0) && (0...60).contains(c.second ?? 0)
    }

    private static func utcCalendar() -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }
}

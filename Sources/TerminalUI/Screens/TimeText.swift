import Foundation

/// Times and durations as the screens print them, in the state's time zone.
enum TimeText {
    /// `14:03`.
    static func clock(_ date: Date, in zone: TimeZone) -> String {
        let c = components(date, zone)
        return two(c.hour) + ":" + two(c.minute)
    }

    /// `14:03:05.123`, sngrep's precision: SIP timers are in hundreds of milliseconds.
    static func precise(_ date: Date, in zone: TimeZone) -> String {
        let c = components(date, zone)
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        return two(c.hour) + ":" + two(c.minute) + ":" + two(c.second) + "." + String(format: "%03d", max(0, millis))
    }

    /// `14:03` today, `05-01 14:03` this year, `2023-05-01` before.
    static func short(_ date: Date, now: Date, in zone: TimeZone) -> String {
        let c = components(date, zone)
        let today = components(now, zone)
        if c.year == today.year, c.month == today.month, c.day == today.day { return clock(date, in: zone) }
        if c.year == today.year { return two(c.month) + "-" + two(c.day) + " " + clock(date, in: zone) }
        return String(c.year ?? 0) + "-" + two(c.month) + "-" + two(c.day)
    }

    /// `1:05`, `12:00`, `1:02:03`.
    static func duration(seconds: Int) -> String {
        let total = max(0, seconds)
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? "\(hours):" + two(minutes) + ":" + two(secs) : "\(minutes):" + two(secs)
    }

    private static func components(_ date: Date, _ zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func two(_ value: Int?) -> String {
        let v = value ?? 0
        return v < 10 ? "0\(v)" : "\(v)"
    }
}

/// A point on the media clock in microseconds: arrival times, playout ticks and RTCP timers
/// are all expressed on it, so tests drive everything from a virtual clock.
public struct MediaTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var microseconds: Int64

    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    public static let zero = MediaTime(microseconds: 0)

    public static func milliseconds(_ value: Int64) -> MediaTime {
        MediaTime(microseconds: value &* 1000)
    }

    public static func seconds(_ value: Double) -> MediaTime {
        MediaTime(microseconds: Int64((value * 1_000_000).rounded()))
    }

    public var seconds: Double { Double(microseconds) / 1_000_000 }
    public var milliseconds: Double { Double(microseconds) / 1000 }

    public static func < (lhs: MediaTime, rhs: MediaTime) -> Bool { lhs.microseconds < rhs.microseconds }
    public static func + (lhs: MediaTime, rhs: MediaTime) -> MediaTime {
        MediaTime(microseconds: lhs.microseconds &+ rhs.microseconds)
    }
    public static func - (lhs: MediaTime, rhs: MediaTime) -> MediaTime {
        MediaTime(microseconds: lhs.microseconds &- rhs.microseconds)
    }
    public static func += (lhs: inout MediaTime, rhs: MediaTime) { lhs = lhs + rhs }

    public var description: String { "\(milliseconds) ms" }
}

/// A 64-bit NTP timestamp (RFC 3550 §4): seconds since 1900 and a binary fraction.
public struct NTPTimestamp: Hashable, Sendable {
    public var seconds: UInt32
    public var fraction: UInt32

    public init(seconds: UInt32, fraction: UInt32) {
        self.seconds = seconds
        self.fraction = fraction
    }

    /// The middle 32 bits, the form LSR and DLSR use (RFC 3550 §6.4.1).
    public var middle32: UInt32 { seconds << 16 | fraction >> 16 }

    /// The timestamp `offset` later: sender reports are stamped from one anchor read off the
    /// wall clock plus the media clock's elapsed time, so no wall clock is read per report.
    public func adding(_ offset: MediaTime) -> NTPTimestamp {
        let total = (UInt64(seconds) << 32 | UInt64(fraction)) &+ NTPTimestamp.fixedPoint(offset)
        return NTPTimestamp(seconds: UInt32(truncatingIfNeeded: total >> 32), fraction: UInt32(truncatingIfNeeded: total))
    }

    /// A duration as 32.32 fixed point (negative durations wrap, as NTP arithmetic does).
    static func fixedPoint(_ duration: MediaTime) -> UInt64 {
        let whole = duration.microseconds / 1_000_000
        let rest = duration.microseconds % 1_000_000
        return (UInt64(bitPattern: whole) << 32) &+ UInt64(bitPattern: (rest << 32) / 1_000_000)
    }
}

/// Short NTP: 16.16 fixed point, the unit of LSR and DLSR (RFC 3550 §6.4.1).
public enum ShortNTP {
    /// A duration in 1/65536 s, saturating at 32 bits (DLSR's width).
    public static func units(_ duration: MediaTime) -> UInt32 {
        guard duration.microseconds > 0 else { return 0 }
        let (shifted, overflow) = duration.microseconds.multipliedReportingOverflow(by: 65536)
        return overflow ? UInt32.max : UInt32(clamping: shifted / 1_000_000)
    }

    /// 1/65536 s units as seconds.
    public static func seconds(_ units: UInt32) -> Double { Double(units) / 65536 }
}

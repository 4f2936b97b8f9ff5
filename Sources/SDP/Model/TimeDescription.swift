/// A `t=` line and the `r=` lines that follow it (RFC 8866 §5.9, §5.10). SIP sessions
/// always say `t=0 0` (RFC 3264 §5); the rest is kept for descriptions from announcements.
public struct TimeDescription: Sendable, Hashable {
    /// NTP start time, 0 for "unbounded".
    public var start: UInt64
    /// NTP stop time, 0 for "unbounded".
    public var stop: UInt64
    public var repeats: [RepeatTime]

    public init(start: UInt64 = 0, stop: UInt64 = 0, repeats: [RepeatTime] = []) {
        self.start = start
        self.stop = stop
        self.repeats = repeats
    }

    /// `t=<start-time> <stop-time>`.
    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        var cursor = FieldCursor(value)
        start = try cursor.next("start time").number("start time")
        stop = try cursor.next("stop time").number("stop time")
        try cursor.expectEnd()
        repeats = []
    }

    var sdpValue: String { "\(start) \(stop)" }
}

/// An `r=` line (RFC 8866 §5.10): `<repeat interval> <active duration> <offsets from start-time>`.
public struct RepeatTime: Sendable, Hashable {
    public var interval: TypedTime
    public var activeDuration: TypedTime
    public var offsets: [TypedTime]

    public init(interval: TypedTime, activeDuration: TypedTime, offsets: [TypedTime]) {
        self.interval = interval
        self.activeDuration = activeDuration
        self.offsets = offsets
    }

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let fields = value.fields()
        guard fields.count >= 3 else {
            throw .missing(["repeat interval", "active duration", "offset"][fields.count])
        }
        interval = try TypedTime(parsing: fields[0], name: "repeat interval", allowsNegative: false)
        activeDuration = try TypedTime(parsing: fields[1], name: "active duration", allowsNegative: false)
        var offsets: [TypedTime] = []
        for field in fields.dropFirst(2) {
            offsets.append(try TypedTime(parsing: field, name: "offset", allowsNegative: false))
        }
        self.offsets = offsets
    }

    var sdpValue: String { ([interval, activeDuration] + offsets).map(\.description).joined(separator: " ") }
}

/// One `<adjustment time> <offset>` pair of the `z=` line (RFC 8866 §5.11).
public struct TimeZoneAdjustment: Sendable, Hashable {
    public var time: UInt64
    public var offset: TypedTime

    public init(time: UInt64, offset: TypedTime) {
        self.time = time
        self.offset = offset
    }

    static func parseList(_ value: SDPBytes) throws(SDPParseError.Problem) -> [TimeZoneAdjustment] {
        let fields = value.fields()
        guard !fields.isEmpty else { throw .missing("adjustment time") }
        guard fields.count.isMultiple(of: 2) else { throw .missing("offset") }
        var result: [TimeZoneAdjustment] = []
        for pair in stride(from: 0, to: fields.count, by: 2) {
            let time: UInt64 = try fields[pair].number("adjustment time")
            let offset = try TypedTime(parsing: fields[pair + 1], name: "offset", allowsNegative: true)
            result.append(TimeZoneAdjustment(time: time, offset: offset))
        }
        return result
    }

    static func sdpValue(_ list: [TimeZoneAdjustment]) -> String {
        list.map { "\($0.time) \($0.offset)" }.joined(separator: " ")
    }
}

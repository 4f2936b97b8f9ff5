/// A time in `r=` and `z=` lines (RFC 8866 §5.10): seconds, or a number with a unit letter
/// (`d`, `h`, `m`, `s`). The unit is kept so `7d` is written back as `7d`, not `604800`.
public struct TypedTime: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: Sendable, Hashable {
        case days, hours, minutes, seconds

        var secondsPerUnit: Int64 {
            switch self {
            case .days: 86_400
            case .hours: 3_600
            case .minutes: 60
            case .seconds: 1
            }
        }

        var letter: String {
            switch self {
            case .days: "d"
            case .hours: "h"
            case .minutes: "m"
            case .seconds: "s"
            }
        }
    }

    /// The number as written; negative only in `z=` offsets.
    public var value: Int64
    /// The unit letter, or `nil` for plain seconds.
    public var unit: Unit?

    public init(value: Int64, unit: Unit? = nil) {
        self.value = value
        self.unit = unit
    }

    /// The length in seconds (saturating, so a hostile `99999999999d` cannot trap).
    public var seconds: Int64 {
        let (product, overflow) = value.multipliedReportingOverflow(by: unit?.secondsPerUnit ?? 1)
        return overflow ? (value < 0 ? .min : .max) : product
    }

    public var description: String { "\(value)\(unit?.letter ?? "")" }

    /// `typed-time = 1*DIGIT [fixed-len-time-unit]`, with a leading `-` when `allowsNegative`.
    init(parsing bytes: SDPBytes, name: String, allowsNegative: Bool) throws(SDPParseError.Problem) {
        var digits = bytes
        let negative = allowsNegative && digits.first == ASCII.minus
        if negative { digits = digits.dropFirst() }
        switch digits.last.map(ASCII.lowercased) ?? 0 {
        case UInt8(ascii: "d"): unit = .days
        case UInt8(ascii: "h"): unit = .hours
        case UInt8(ascii: "m"): unit = .minutes
        case UInt8(ascii: "s"): unit = .seconds
        default: unit = nil
        }
        if unit != nil { digits = digits.dropLast() }
        let magnitude: UInt64 = try digits.number(name)
        guard magnitude <= UInt64(Int64.max) else { throw .outOfRange(name) }
        value = negative ? -Int64(magnitude) : Int64(magnitude)
    }
}

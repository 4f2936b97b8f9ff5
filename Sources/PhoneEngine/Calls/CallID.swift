/// The engine's name for one call: short, stable for the call's life, unique within an engine
/// (`c1`, `c2`, …). Scripts and the UI use it; the SIP Call-ID is in the snapshot for traces.
public struct CallID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: CallID, rhs: CallID) -> Bool {
        (Int(lhs.rawValue.dropFirst()) ?? 0, lhs.rawValue) < (Int(rhs.rawValue.dropFirst()) ?? 0, rhs.rawValue)
    }
}

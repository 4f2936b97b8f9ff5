/// A `b=` line (RFC 8866 §5.8): a bandwidth limit in kbit/s (`CT`, `AS`) or bit/s (`TIAS`,
/// RFC 3890). The type is kept as written; a peer may send several.
public struct Bandwidth: Sendable, Hashable {
    public var type: String
    public var value: UInt64

    public init(type: String, value: UInt64) {
        self.type = type
        self.value = value
    }

    /// `b=<bwtype>:<bandwidth>`.
    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let (type, amount) = value.trimmingWhitespace().splitOnce(at: ASCII.colon)
        guard !type.isEmpty else { throw .missing("bandwidth type") }
        guard let amount else { throw .missing("bandwidth") }
        self.type = type.string
        self.value = try amount.number("bandwidth")
    }

    var sdpValue: String { "\(type):\(value)" }
}

/// One header field line as it travels: a name and its value, with folding already undone
/// (RFC 3261 §7.3.1) and surrounding white space removed. The value is kept verbatim otherwise,
/// so unknown headers pass through untouched.
public struct SIPHeaderField: Hashable, Sendable, CustomStringConvertible {
    public var name: SIPHeaderName
    public var value: String

    public init(_ name: SIPHeaderName, _ value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name.name): \(value)" }
}

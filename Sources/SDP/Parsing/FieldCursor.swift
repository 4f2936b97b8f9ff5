/// Walks the whitespace-separated fields of one value without allocating, for the lines every
/// body has (`c=`, `t=`, `m=`, `a=rtpmap`); `fields()` is kept for the rarer ones.
struct FieldCursor {
    private var rest: SDPBytes

    init(_ value: SDPBytes) {
        rest = value
    }

    /// The next field, or `nil` at the end of the value.
    mutating func next() -> SDPBytes? {
        let start = rest.firstIndex { !ASCII.isWhitespace($0) } ?? rest.endIndex
        guard start < rest.endIndex else { return nil }
        let end = rest[start...].firstIndex(where: ASCII.isWhitespace) ?? rest.endIndex
        defer { rest = rest[end...] }
        return rest[start..<end]
    }

    /// The next field, or the problem `missing(name)`.
    mutating func next(_ name: String) throws(SDPParseError.Problem) -> SDPBytes {
        guard let field = next() else { throw .missing(name) }
        return field
    }

    /// Whether only whitespace is left.
    var isAtEnd: Bool { rest.allSatisfy(ASCII.isWhitespace) }

    /// Fails with `outOfRange("number of sub-fields")` unless only whitespace is left.
    func expectEnd() throws(SDPParseError.Problem) {
        guard isAtEnd else { throw .outOfRange("number of sub-fields") }
    }
}

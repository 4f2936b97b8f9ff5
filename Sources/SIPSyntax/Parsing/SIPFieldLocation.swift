/// Where one header field sat in the original bytes, so `sip-lint` can turn a position in the
/// unfolded value into the line and column the user sees (folded values span several lines).
public struct SIPFieldLocation: Hashable, Sendable {
    /// One physical line's share of the unfolded value.
    public struct Segment: Hashable, Sendable {
        /// Byte offset in the unfolded value where this line's text begins.
        public var valueOffset: Int
        public var line: Int
        /// 1-based column of that byte on `line`.
        public var column: Int
    }

    /// The line holding the field name.
    public var line: Int
    /// The lines the value spans, in order (empty when the value is empty).
    public var segments: [Segment]

    /// Line and column of byte `offset` of the unfolded value (0-based).
    public func position(ofValueOffset offset: Int) -> (line: Int, column: Int) {
        guard let segment = segments.last(where: { $0.valueOffset <= offset }) ?? segments.first else {
            return (line, 1)
        }
        return (segment.line, segment.column + max(0, offset - segment.valueOffset))
    }
}

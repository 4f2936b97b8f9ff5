/// Collects header fields line by line for `SIPHeadParser`, undoing folding (RFC 3261 §7.3.1:
/// a CRLF plus the continuation line's leading white space stand for one SP) and trimming the
/// value, so every consumer sees one canonical value string per field.
struct SIPFieldAccumulator {
    private struct Segment {
        var range: Range<Int>
        var line: Int
        var column: Int
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let limits: SIPParserLimits
    let locate: Bool
    private let names = SIPHeaderNameTable.shared
    private(set) var fields: [SIPHeaderField] = []
    private(set) var locations: [SIPFieldLocation] = []
    private var name: SIPHeaderName?
    private var nameLine = 0
    private var first = Segment(range: 0..<0, line: 0, column: 0)
    private var continuations: [Segment] = []

    init(buffer: UnsafeBufferPointer<UInt8>, limits: SIPParserLimits, locate: Bool) {
        self.buffer = buffer
        self.limits = limits
        self.locate = locate
        // 16 fields (896 bytes) hold a typical request and stay within malloc's per-thread cache
        // (1 KiB); a longer header section grows the array once.
        fields.reserveCapacity(16)
    }

    /// header-name HCOLON value-start: header-name = token; HCOLON = *( SP / HTAB ) ":" SWS
    mutating func startField(_ line: SIPLineReader.Line) throws(SIPParseError) {
        guard fields.count < limits.maxHeaderCount else {
            throw SIPParseError(.limitExceeded(.headerCount, maximum: limits.maxHeaderCount), line: line.number, column: 1)
        }
        let lower = line.range.lowerBound, upper = line.range.upperBound
        let (nameEnd, known) = Self.nameEnd(buffer, names, from: lower, to: upper)
        var index = nameEnd
        while index < upper, SIPCharacterClass.isWhitespace(buffer[index]) { index += 1 }
        guard nameEnd > lower, index < upper, buffer[index] == UInt8(ascii: ":") else {
            throw nameError(line, nameEnd: nameEnd, at: index)
        }
        index += 1
        name = known.map(SIPHeaderName.init(known:)) ?? SIPHeaderName.lookUp(buffer, lower..<nameEnd, in: names)
        nameLine = line.number
        first = Self.segment(buffer, index..<upper, line: line)
    }

    /// Where the header-name (a token) starting at `lower` ends, and the known header it names
    /// if that was found on the way. A known name is recognised without a byte-by-byte token
    /// scan: it ends at the first ":", SP or HTAB (none is a token character), and matching a
    /// known spelling (letters and "-" only) proves every byte before it is one. Anything else
    /// is scanned as before.
    @inline(__always)
    private static func nameEnd(
        _ buffer: UnsafeBufferPointer<UInt8>, _ names: SIPHeaderNameTable, from lower: Int, to upper: Int
    ) -> (Int, SIPKnownHeader?) {
        if let end = Self.firstColonOrWhitespace(buffer, from: lower, to: upper), let known = names.find(buffer, lower..<end) {
            return (end, known)
        }
        var index = lower
        while index < upper, SIPCharacterClass.isToken(buffer[index]) { index += 1 }
        return (index, nil)
    }

    /// The first index in `lower..<upper` holding ":", SP or HTAB, eight bytes at a time (SWAR:
    /// a byte equal to the pattern is zero after XOR; `(x - 0x01…) & ~x & 0x80…` marks zero
    /// bytes, and its lowest mark is exact).
    @inline(__always)
    private static func firstColonOrWhitespace(_ buffer: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int) -> Int? {
        var index = lower
        if let base = buffer.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= upper {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let colon = word ^ (ones &* 0x3A), space = word ^ (ones &* 0x20), tab = word ^ (ones &* 0x09)
                let found = ((colon &- ones) & ~colon | (space &- ones) & ~space | (tab &- ones) & ~tab) & highs
                if found != 0 { return index + (found.trailingZeroBitCount >> 3) }
                index += 8
            }
        }
        while index < upper {
            let byte = buffer[index]
            if byte == UInt8(ascii: ":") || SIPCharacterClass.isWhitespace(byte) { return index }
            index += 1
        }
        return nil
    }

    /// A line starting with SP/HTAB: more of the current field's value.
    mutating func continueField(_ line: SIPLineReader.Line) throws(SIPParseError) {
        guard name != nil else {
            throw SIPParseError(
                .invalidHeaderLine(reason: "line starts with white space but no header field precedes it"),
                line: line.number, column: 1)
        }
        continuations.append(Self.segment(buffer, line.range, line: line))
    }

    /// Emits the field in progress, if any.
    mutating func finishField() {
        guard let name = name.take() else { return }
        guard continuations.isEmpty else { return finishFoldedField(name) }
        let value = String(decoding: UnsafeBufferPointer(rebasing: buffer[first.range]), as: UTF8.self)
        fields.append(SIPHeaderField(name, value))
        if locate {
            let segments: [SIPFieldLocation.Segment] = first.range.isEmpty ? [] : [.init(valueOffset: 0, line: first.line, column: first.column)]
            locations.append(SIPFieldLocation(line: nameLine, segments: segments))
        }
    }

    /// A value spread over several lines: the non-empty parts joined by one SP each.
    private mutating func finishFoldedField(_ name: SIPHeaderName) {
        var bytes: [UInt8] = []
        var segments: [SIPFieldLocation.Segment] = []
        for part in [first] + continuations where !part.range.isEmpty {
            if !bytes.isEmpty { bytes.append(0x20) }
            segments.append(.init(valueOffset: bytes.count, line: part.line, column: part.column))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[part.range]))
        }
        continuations.removeAll(keepingCapacity: true)
        fields.append(SIPHeaderField(name, String(decoding: bytes, as: UTF8.self)))
        if locate { locations.append(SIPFieldLocation(line: nameLine, segments: segments)) }
    }

    /// The range with SP/HTAB trimmed at both ends, and the column where it starts. (Static, like
    /// the other helpers: calling a method on `self` from a mutating one copied the whole
    /// accumulator per field.)
    private static func segment(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: SIPLineReader.Line) -> Segment {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, SIPCharacterClass.isWhitespace(buffer[lower]) { lower += 1 }
        while upper > lower, SIPCharacterClass.isWhitespace(buffer[upper - 1]) { upper -= 1 }
        return Segment(range: lower..<upper, line: line.number, column: lower - line.range.lowerBound + 1)
    }

    private func nameError(_ line: SIPLineReader.Line, nameEnd: Int, at index: Int) -> SIPParseError {
        let lower = line.range.lowerBound
        let reason: String
        if nameEnd == lower {
            reason = "header line does not start with a header name (a token, RFC 3261 §7.3.1)"
        } else if index >= line.range.upperBound {
            let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[lower..<nameEnd]), as: UTF8.self)
            reason = "header line '\(name)' has no ':'"
        } else {
            reason = "character not allowed in a header name (a token, RFC 3261 §7.3.1)"
        }
        return SIPParseError(.invalidHeaderLine(reason: reason), line: line.number, column: max(index, nameEnd) - lower + 1)
    }
}

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
        fields.reserveCapacity(20)
    }

    /// header-name HCOLON value-start: header-name = token; HCOLON = *( SP / HTAB ) ":" SWS
    mutating func startField(_ line: SIPLineReader.Line) throws(SIPParseError) {
        guard fields.count < limits.maxHeaderCount else {
            throw SIPParseError(.limitExceeded(.headerCount, maximum: limits.maxHeaderCount), line: line.number, column: 1)
        }
        let lower = line.range.lowerBound, upper = line.range.upperBound
        var index = lower
        while index < upper, SIPCharacterClass.isToken(buffer[index]) { index += 1 }
        let nameEnd = index
        while index < upper, SIPCharacterClass.isWhitespace(buffer[index]) { index += 1 }
        guard nameEnd > lower, index < upper, buffer[index] == UInt8(ascii: ":") else {
            throw nameError(line, nameEnd: nameEnd, at: index)
        }
        index += 1
        name = SIPHeaderName.lookUp(buffer, lower..<nameEnd, in: names)
        nameLine = line.number
        first = segment(index..<upper, line: line)
    }

    /// A line starting with SP/HTAB: more of the current field's value.
    mutating func continueField(_ line: SIPLineReader.Line) throws(SIPParseError) {
        guard name != nil else {
            throw SIPParseError(
                .invalidHeaderLine(reason: "line starts with white space but no header field precedes it"),
                line: line.number, column: 1)
        }
        continuations.append(segment(line.range, line: line))
    }

    /// Emits the field in progress, if any.
    mutating func finishField() throws(SIPParseError) {
        guard let name else { return }
        let value: String
        var segments: [SIPFieldLocation.Segment] = []
        if continuations.isEmpty {
            value = String(decoding: UnsafeBufferPointer(rebasing: buffer[first.range]), as: UTF8.self)
            if locate && !first.range.isEmpty {
                segments.append(.init(valueOffset: 0, line: first.line, column: first.column))
            }
        } else {
            var bytes: [UInt8] = []
            for part in [first] + continuations where !part.range.isEmpty {
                if !bytes.isEmpty { bytes.append(0x20) }
                segments.append(.init(valueOffset: bytes.count, line: part.line, column: part.column))
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[part.range]))
            }
            value = String(decoding: bytes, as: UTF8.self)
            continuations.removeAll(keepingCapacity: true)
        }
        fields.append(SIPHeaderField(name, value))
        if locate { locations.append(SIPFieldLocation(line: nameLine, segments: segments)) }
        self.name = nil
    }

    /// The range with SP/HTAB trimmed at both ends, and the column where it starts.
    private func segment(_ range: Range<Int>, line: SIPLineReader.Line) -> Segment {
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

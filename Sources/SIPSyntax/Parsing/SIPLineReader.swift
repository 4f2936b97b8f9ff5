/// Splits the header section into physical lines (RFC 3261 §7: every line ends in CRLF),
/// enforcing the line-length and header-section limits as it goes so that a peer that never
/// sends CRLF costs at most `maxHeaderSectionSize` bytes of buffer.
struct SIPLineReader {
    /// One physical line: its content without CRLF, its number and where the next one begins.
    struct Line {
        var range: Range<Int>
        var number: Int
        var next: Int
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let start: Int
    let limits: SIPParserLimits
    private(set) var position: Int
    private(set) var lineNumber = 0

    init(buffer: UnsafeBufferPointer<UInt8>, start: Int, limits: SIPParserLimits) {
        self.buffer = buffer
        self.start = start
        self.limits = limits
        self.position = start
    }

    /// The next line, or nil when the buffer ends before its CRLF (more data may complete it).
    /// A bare CR or LF is an error: only CRLF ends a line, and reading a lone LF as a line end
    /// would let two parsers disagree on where the header section stops.
    @inline(__always)
    mutating func next() throws(SIPParseError) -> Line? {
        let lineStart = position
        let end = buffer.count
        var index = lineStart
        while true {
            index = skipToControl(from: index, end: end)
            guard index < end else { break }
            let byte = buffer[index]
            if byte == 0x0D {
                guard index + 1 < end else { break }
                guard buffer[index + 1] == 0x0A else { throw error(.invalidHeaderLine(reason: "bare CR inside a line"), at: index) }
                return try finish(lineStart..<index)
            }
            if byte == 0x0A {
                throw error(.invalidHeaderLine(reason: "line ends in a bare LF; SIP lines end in CRLF (RFC 3261 §7)"), at: index)
            }
            index += 1  // HTAB or another control byte: part of the line
        }
        if end - lineStart >= limits.maxLineLength {
            throw error(.limitExceeded(.lineLength, maximum: limits.maxLineLength), at: lineStart + limits.maxLineLength)
        }
        if end - start > limits.maxHeaderSectionSize {
            throw error(.limitExceeded(.headerSectionSize, maximum: limits.maxHeaderSectionSize), at: index)
        }
        return nil
    }

    /// The first index at or after `start` holding a byte below 0x0E (CR, LF, HTAB and rarer
    /// controls), or `end`. Eight bytes at a time (SWAR): `(x - 0x0E…) & ~x & 0x80…` is non-zero
    /// exactly when some byte of `x` is below 0x0E, and its lowest set bit marks the first such
    /// byte (a borrow only runs upward from a byte that is below).
    @inline(__always)
    private func skipToControl(from start: Int, end: Int) -> Int {
        guard let base = buffer.baseAddress else { return end }
        let raw = UnsafeRawPointer(base)
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let below = (word &- ones &* 0x0E) & ~word & highs
            if below != 0 { return index + (below.trailingZeroBitCount >> 3) }
            index += 8
        }
        while index < end, buffer[index] >= 0x0E { index += 1 }
        return index
    }

    private mutating func finish(_ range: Range<Int>) throws(SIPParseError) -> Line {
        lineNumber += 1
        if range.count + 2 > limits.maxLineLength {
            throw SIPParseError(.limitExceeded(.lineLength, maximum: limits.maxLineLength), line: lineNumber, column: limits.maxLineLength)
        }
        if range.upperBound + 2 - start > limits.maxHeaderSectionSize {
            throw SIPParseError(.limitExceeded(.headerSectionSize, maximum: limits.maxHeaderSectionSize), line: lineNumber, column: 1)
        }
        position = range.upperBound + 2
        return Line(range: range, number: lineNumber, next: position)
    }

    private func error(_ kind: SIPParseError.Kind, at index: Int) -> SIPParseError {
        SIPParseError(kind, line: lineNumber + 1, column: index - position + 1)
    }
}

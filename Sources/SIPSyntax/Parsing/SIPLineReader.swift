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
    mutating func next() throws(SIPParseError) -> Line? {
        let lineStart = position
        let end = buffer.count
        var index = skipToLineBreak(from: lineStart, end: end)
        while index < end {
            let byte = buffer[index]
            if byte == 0x0D {
                guard index + 1 < end else { break }
                guard buffer[index + 1] == 0x0A else { throw error(.invalidHeaderLine(reason: "bare CR inside a line"), at: index) }
                return try finish(lineStart..<index)
            }
            if byte == 0x0A {
                throw error(.invalidHeaderLine(reason: "line ends in a bare LF; SIP lines end in CRLF (RFC 3261 §7)"), at: index)
            }
            index += 1
        }
        if end - lineStart >= limits.maxLineLength {
            throw error(.limitExceeded(.lineLength, maximum: limits.maxLineLength), at: lineStart + limits.maxLineLength)
        }
        if end - start > limits.maxHeaderSectionSize {
            throw error(.limitExceeded(.headerSectionSize, maximum: limits.maxHeaderSectionSize), at: index)
        }
        return nil
    }

    /// The first index at or after `start` that may hold CR or LF, skipping 8 bytes at a time
    /// while none of them can (SWAR: a byte equal to the pattern becomes zero after XOR, and
    /// `(x - 0x01…) & ~x & 0x80…` flags zero bytes).
    @inline(__always)
    private func skipToLineBreak(from start: Int, end: Int) -> Int {
        guard let base = buffer.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let cr = word ^ (ones &* 0x0D), lf = word ^ (ones &* 0x0A)
            if ((cr &- ones) & ~cr | (lf &- ones) & ~lf) & highs != 0 { break }
            index += 8
        }
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

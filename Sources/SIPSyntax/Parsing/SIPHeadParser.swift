/// Parses the start line and header section of a message (RFC 3261 §7, §7.3): the part both
/// datagram parsing and stream framing share. Pure: bytes in, `SIPMessageHead` out.
enum SIPHeadParser {
    /// message-header = header-name HCOLON header-value CRLF
    /// HCOLON = *( SP / HTAB ) ":" SWS; header-value = *(TEXT-UTF8char / UTF8-CONT / LWS)
    /// LWS = [*WSP CRLF] 1*WSP — a line starting with SP/HTAB continues the previous field.
    static func parse(
        _ bytes: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, limits: SIPParserLimits,
        mode: SIPParsingMode, locate: Bool
    ) throws(SIPParseError) -> SIPParseResult<SIPMessageHead> {
        var reader = SIPLineReader(buffer: buffer, start: start, limits: limits)
        guard let first = try reader.next() else { return .needMoreData }
        guard !first.range.isEmpty else {
            throw SIPParseError(.invalidStartLine(reason: "empty start line"), line: 1, column: 1)
        }
        let startLine = try SIPStartLineParser.parse(bytes, first.range, mode: mode)
        var fields = SIPFieldAccumulator(buffer: buffer, limits: limits, locate: locate)
        while let line = try reader.next() {
            if line.range.isEmpty {
                fields.finishField()
                let head = SIPMessageHead(
                    startLine: startLine, headers: SIPHeaders(fields.fields), length: line.next - start,
                    locations: fields.locations, endLine: line.number)
                return .complete(head, consumed: line.next - start)
            }
            if SIPCharacterClass.isWhitespace(buffer[line.range.lowerBound]) {
                try fields.continueField(line)
            } else {
                fields.finishField()
                try fields.startField(line)
            }
        }
        return .needMoreData
    }
}

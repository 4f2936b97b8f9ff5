/// The line loop of the SDP parser (RFC 8866 §5): splits the body into lines under the
/// limits of `SDPLimits`, hands each to `SDPParserState`, and attaches the line number and
/// text to whatever goes wrong.
enum SDPParser {
    static func parse(_ body: SDPBytes) throws(SDPParseError) -> SessionDescription {
        guard body.count <= SDPLimits.maximumBodyBytes else {
            throw SDPParseError(lineNumber: 0, line: "", reason: .bodyTooLarge(limit: SDPLimits.maximumBodyBytes))
        }
        var state = SDPParserState()
        var lineNumber = 0
        var start = body.startIndex
        while start < body.endIndex {
            let lineFeed = body[start...].firstIndex(of: ASCII.lineFeed) ?? body.endIndex
            var end = lineFeed
            if end > start, body[end - 1] == ASCII.carriageReturn { end -= 1 }
            let line = body[start..<end]
            lineNumber += 1
            do {
                try check(line, number: lineNumber)
                if !line.isEmpty { try state.consume(line, number: lineNumber) }
            } catch {
                throw SDPParseError(lineNumber: lineNumber, bytes: line, reason: error)
            }
            start = lineFeed == body.endIndex ? lineFeed : lineFeed + 1
        }
        do {
            return try state.finish()
        } catch {
            guard let context = state.endOfSession else { throw SDPParseError(lineNumber: 0, line: "", reason: error) }
            throw SDPParseError(lineNumber: context.number, bytes: context.bytes, reason: error)
        }
    }

    private static func check(_ line: SDPBytes, number: Int) throws(SDPParseError.Reason) {
        guard number <= SDPLimits.maximumLines else { throw .tooManyLines(limit: SDPLimits.maximumLines) }
        guard line.count <= SDPLimits.maximumLineLength else {
            throw .lineTooLong(limit: SDPLimits.maximumLineLength)
        }
    }
}

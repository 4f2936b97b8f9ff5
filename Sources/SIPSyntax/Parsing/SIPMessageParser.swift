/// Parses whole SIP messages from bytes: one UDP datagram (RFC 3261 §18.3), or the head of a
/// message for callers that frame bodies themselves (`SIPStreamFramer`, `sip-lint`).
///
/// Never traps on any input: every failure is a thrown `SIPParseError`, so this is the entry
/// point for the libFuzzer target.
public enum SIPMessageParser {
    /// Parses one datagram (RFC 3261 §18.3): without Content-Length the body is the rest of the
    /// datagram; with it, a larger value is an error (RFC 4475 §3.1.2.2) and bytes past it are
    /// ignored (RFC 4475 §3.1.1.8). Leading CRLFs (keep-alive residue) are skipped (§7.5).
    public static func parse(datagram: [UInt8], limits: SIPParserLimits = .standard) throws(SIPParseError) -> SIPMessage {
        let start = leadingCRLFCount(datagram)
        let head = try parseHead(datagram, from: start, mode: .liberal, locate: false, limits: limits)
        let bodyStart = start + head.length
        let body = try datagramBody(datagram, from: bodyStart, head: head, limits: limits)
        return message(head, body: datagram.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[body])) })
    }

    /// Parses the start line and header section beginning at `start`; a datagram that ends first
    /// is an error (`unterminatedHeaderSection`). `locate` records each field's lines for lint.
    public static func parseHead(
        _ bytes: [UInt8], from start: Int = 0, mode: SIPParsingMode = .liberal, locate: Bool = false,
        limits: SIPParserLimits = .standard
    ) throws(SIPParseError) -> SIPMessageHead {
        let result = try headResult(bytes, from: start, mode: mode, locate: locate, limits: limits)
        switch result {
        case .complete(let head, _): return head
        case .needMoreData:
            let lines = bytes[start...].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw SIPParseError(.unterminatedHeaderSection, line: lines, column: 1)
        }
    }

    /// The head if its empty line has arrived, `.needMoreData` otherwise (stream use).
    static func headResult(
        _ bytes: [UInt8], from start: Int, mode: SIPParsingMode, locate: Bool, limits: SIPParserLimits
    ) throws(SIPParseError) -> SIPParseResult<SIPMessageHead> {
        try bytes.withUnsafeBufferPointer { buffer throws(SIPParseError) in
            try SIPHeadParser.parse(bytes, buffer, from: start, limits: limits, mode: mode, locate: locate)
        }
    }

    /// The body range of a datagram whose head ends at `bodyStart` (RFC 3261 §18.3).
    public static func datagramBody(
        _ datagram: [UInt8], from bodyStart: Int, head: SIPMessageHead, limits: SIPParserLimits = .standard
    ) throws(SIPParseError) -> Range<Int> {
        let available = datagram.count - bodyStart
        guard let declared = try contentLength(head, limits: limits) else {
            guard available <= limits.maxBodySize else {
                throw SIPParseError(.limitExceeded(.bodySize, maximum: limits.maxBodySize), line: head.endLine + 1, column: 1)
            }
            return bodyStart..<datagram.count
        }
        guard declared <= available else {
            throw SIPParseError(.bodyTruncated(declared: declared, available: available), line: head.endLine + 1, column: 1)
        }
        return bodyStart..<bodyStart + declared
    }

    /// The Content-Length the framing must use (RFC 3261 §20.14): nil when absent; an error when
    /// a value is not 1*DIGIT (RFC 4475 §3.1.2.3: never use a negative one), exceeds the body
    /// limit, or several fields disagree (RFC 4475 §3.3.9: framing is then impossible).
    public static func contentLength(_ head: SIPMessageHead, limits: SIPParserLimits = .standard) throws(SIPParseError) -> Int? {
        var found: Int?
        let fields = head.headers.fields
        for index in fields.indices where fields[index].name == .contentLength {
            let value = fields[index].value
            let (line, column) = index < head.locations.count ? head.locations[index].position(ofValueOffset: 0) : (0, 1)
            guard let (number, significantDigits) = decimalDigits(value) else {
                let reason = "'\(value)' is not a non-negative decimal number (RFC 3261 §20.14)"
                throw SIPParseError(.invalidHeader(name: "Content-Length", reason: reason), line: line, column: column)
            }
            guard significantDigits <= 9, number <= limits.maxBodySize else {
                throw SIPParseError(.limitExceeded(.bodySize, maximum: limits.maxBodySize), line: line, column: column)
            }
            if let found, found != number {
                let reason = "conflicting values \(found) and \(number) (RFC 4475 §3.3.9)"
                throw SIPParseError(.invalidHeader(name: "Content-Length", reason: reason), line: line, column: column)
            }
            found = number
        }
        return found
    }

    /// 1*DIGIT read without building anything: the value of its last nine significant digits
    /// (exact whenever there are at most nine, which is all `contentLength` accepts) and how
    /// many significant digits there are (leading zeros are not); nil unless all are DIGIT.
    private static func decimalDigits(_ text: String) -> (value: Int, significantDigits: Int)? {
        var value = 0, significantDigits = 0, count = 0
        for byte in text.utf8 {
            guard SIPCharacterClass.isDigit(byte) else { return nil }
            count += 1
            if significantDigits > 0 || byte != UInt8(ascii: "0") {
                significantDigits += 1
                value = value % 100_000_000 * 10 + Int(byte &- 0x30)
            }
        }
        return count > 0 ? (value, significantDigits) : nil
    }

    /// Builds the message a head and body describe.
    public static func message(_ head: consuming SIPMessageHead, body: [UInt8]) -> SIPMessage {
        let (startLine, headers) = head.takeParts()
        switch consume startLine {
        case .request(let method, let uri, let version):
            return .request(SIPRequest(method: method, uri: uri, version: version, headers: headers, body: body))
        case .response(let version, let statusCode, let reasonPhrase):
            return .response(SIPResponse(statusCode: statusCode, reasonPhrase: reasonPhrase, version: version, headers: headers, body: body))
        }
    }

    /// How many bytes of CRLF pairs precede the start line.
    static func leadingCRLFCount(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index + 1 < bytes.count, bytes[index] == 0x0D, bytes[index + 1] == 0x0A { index += 2 }
        return index
    }
}

extension SIPMessageParser {
    /// Parses one start line (without its CRLF) on its own, e.g. to re-check it strictly.
    public static func parseStartLine(_ line: [UInt8], mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPStartLine {
        try SIPStartLineParser.parse(line, line.indices, mode: mode)
    }
}

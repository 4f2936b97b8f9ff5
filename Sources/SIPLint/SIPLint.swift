import SIPSyntax

/// The strict checker behind `dialtone sip-lint`: parses one message, breaks it into its parts
/// and reports every deviation from RFC 3261 (and RFC 4475 / RFC 5118's readings of it) with
/// line and column, including those the stack itself tolerates. It also says what a phone
/// would answer to a valid request it cannot serve (416, 420, 415, 501, 406) or to a bad one.
public enum SIPLint {
    /// Lints one message given as raw bytes (LF-only text is read as CRLF, see the notes).
    public static func lint(_ input: [UInt8], profile: SIPEndpointProfile = .dialtone) -> SIPLintReport {
        let (bytes, notes) = SIPLintInput.normalize(input)
        var linter = SIPLinter(bytes: bytes, profile: profile)
        linter.report.inputNotes = notes
        linter.run()
        return linter.report
    }
}

/// One lint run: the message bytes, what has been learned so far, and the report.
struct SIPLinter {
    let bytes: [UInt8]
    let profile: SIPEndpointProfile
    var report = SIPLintReport()
    /// Bytes (and lines) of CRLF before the start line.
    var start = 0
    var lineOffset = 0
    var head: SIPMessageHead?
    var message: SIPMessage?

    init(bytes: [UInt8], profile: SIPEndpointProfile) {
        self.bytes = bytes
        self.profile = profile
    }

    mutating func run() {
        while start + 1 < bytes.count, bytes[start] == 0x0D, bytes[start + 1] == 0x0A { start += 2 }
        lineOffset = start / 2
        if lineOffset > 0 {
            warn(line: 1, column: 1, "\(lineOffset) empty line(s) before the start line (only streams may carry CRLF keep-alives, RFC 3261 §7.5)")
        }
        guard !bytes.isEmpty else {
            error(line: 1, column: 1, "empty input")
            return
        }
        do throws(SIPParseError) {
            head = try SIPMessageParser.parseHead(bytes, from: start, mode: .liberal, locate: true)
        } catch {
            add(error)
            summarizeStartLineOnly()
            report.handling = report.startLine?.kind == "request"
                ? "a phone answers 400 if it can still read Via, From, To, Call-ID and CSeq, and otherwise drops the message (RFC 3261 §18.3, §21.4.1)"
                : "a phone drops a message it cannot parse (RFC 3261 §18.3)"
            return
        }
        guard let head else { return }
        inspectStartLine(head)
        inspectHeaders(head)
        checkEncoding(head)
        let body = frameBody(head)
        let message = SIPMessageParser.message(head, body: body)
        self.message = message
        summarizeBody(head, body)
        checkSemantics(head, message)
        report.endpointAnswer = endpointAnswer(message)
        switch message {
        case .response where report.verdict == .invalid:
            report.handling = "a phone discards an invalid response (RFC 3261 §18.1.2; RFC 4475 §3.1.2.19)"
        case .request(let request) where request.method == .ack:
            report.handling = "a phone never answers an ACK (RFC 3261 §17.2.1)"
        case .request, .response:
            break
        }
    }

    // MARK: Findings

    mutating func error(line: Int, column: Int, _ message: String) {
        report.findings.append(.init(.error, line: line, column: column, message))
    }

    mutating func warn(line: Int, column: Int, _ message: String) {
        report.findings.append(.init(.warning, line: line, column: column, message))
    }

    /// A parse error from the head or start line, whose lines count from the start line.
    mutating func add(_ parseError: SIPParseError) {
        error(line: parseError.line + lineOffset, column: parseError.column, parseError.reasonPhrase)
    }

    /// Where byte `offset` of field `index`'s value was in the input.
    func position(field index: Int, valueOffset offset: Int = 0) -> (line: Int, column: Int) {
        guard let head, index < head.locations.count else { return (1 + lineOffset, 1) }
        let (line, column) = head.locations[index].position(ofValueOffset: offset)
        return (line + lineOffset, column)
    }

    /// A typed-header error raised on field `index`'s value, placed where it occurred.
    mutating func add(_ parseError: SIPParseError, field index: Int) {
        let (line, column) = position(field: index, valueOffset: max(0, parseError.column - 1))
        error(line: line, column: column, parseError.reasonPhrase)
    }

    /// The start line's bytes (without CRLF).
    var startLineBytes: [UInt8] {
        var end = start
        while end < bytes.count, bytes[end] != 0x0D, bytes[end] != 0x0A { end += 1 }
        return Array(bytes[start..<end])
    }
}

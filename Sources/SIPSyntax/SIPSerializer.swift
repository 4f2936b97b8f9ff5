/// Serialization to wire bytes (RFC 3261 §7): start line, one line per header field, an empty
/// line, then the body. Header values are written as stored; whoever builds a message sets its
/// Content-Length (the transport layer's message builders do), so a relayed message is
/// unchanged.
extension SIPRequest: SIPWireWritable {
    /// The request line: `Method SP Request-URI SP SIP-Version` (RFC 3261 §7.1).
    public var startLine: String { SIPWireWriter.text { writeStartLine(to: &$0) } }

    public func serialized() -> [UInt8] { SIPWireWriter.bytes(of: self) }

    func write(to out: inout SIPWireWriter) {
        writeStartLine(to: &out)
        SIPSerializer.write(headers, body, to: &out)
    }

    private func writeStartLine(to out: inout SIPWireWriter) {
        out.write(method.rawValue)
        out.write(0x20)
        uri.write(to: &out)
        out.write(0x20)
        out.write(version.text)
    }
}

extension SIPResponse: SIPWireWritable {
    /// The status line: `SIP-Version SP Status-Code SP Reason-Phrase` (RFC 3261 §7.2).
    public var startLine: String { SIPWireWriter.text { writeStartLine(to: &$0) } }

    public func serialized() -> [UInt8] { SIPWireWriter.bytes(of: self) }

    func write(to out: inout SIPWireWriter) {
        writeStartLine(to: &out)
        SIPSerializer.write(headers, body, to: &out)
    }

    private func writeStartLine(to out: inout SIPWireWriter) {
        out.write(version.text)
        out.write(0x20)
        out.write(decimal: statusCode)
        out.write(0x20)
        out.write(reasonPhrase)
    }
}

extension SIPMessage {
    public var startLine: String {
        switch self {
        case .request(let request): request.startLine
        case .response(let response): response.startLine
        }
    }

    public func serialized() -> [UInt8] {
        switch self {
        case .request(let request): request.serialized()
        case .response(let response): response.serialized()
        }
    }
}

enum SIPSerializer {
    /// What follows the start line: its CRLF, `name: value CRLF` per field, the empty line and
    /// the body.
    static func write(_ headers: SIPHeaders, _ body: [UInt8], to out: inout SIPWireWriter) {
        guard !out.isMeasuring else { return out.skip(maximumLength(headers, body)) }
        out.writeCRLF()
        headers.fields.withUnsafeBufferPointer { fields in
            // Indexing (not `for field in`) borrows each field rather than copying it out.
            for index in fields.indices {
                fields[index].name.write(to: &out)
                out.write(UInt8(ascii: ":"), 0x20)
                out.write(fields[index].value)
                out.writeCRLF()
            }
        }
        out.writeCRLF()
        out.write(body)
    }

    /// At least what `write(_:_:to:)` writes, counted without walking any bytes (a native string
    /// stores its UTF-8 length) and without looking known names up.
    private static func maximumLength(_ headers: SIPHeaders, _ body: [UInt8]) -> Int {
        var total = 4 + body.count
        headers.fields.withUnsafeBufferPointer { fields in
            for index in fields.indices {
                total += fields[index].name.maximumUTF8Count + fields[index].value.utf8.count + 4
            }
        }
        return total
    }
}

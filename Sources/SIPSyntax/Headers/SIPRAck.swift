/// The RAck value (RFC 3262 §7.2): which reliable provisional response a PRACK acknowledges.
public struct SIPRAck: Hashable, Sendable, CustomStringConvertible {
    public var responseNumber: UInt32
    public var cseqNumber: UInt32
    public var method: SIPMethod

    public init(responseNumber: UInt32, cseqNumber: UInt32, method: SIPMethod) {
        self.responseNumber = responseNumber
        self.cseqNumber = cseqNumber
        self.method = method
    }

    public var serialized: String { "\(responseNumber) \(cseqNumber) \(method.rawValue)" }
    public var description: String { serialized }

    /// RAck = response-num LWS CSeq-num LWS Method; response-num = 1*DIGIT; CSeq-num = 1*DIGIT
    public static func parse(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPRAck {
        var scanner = SIPScanner(text, mode: mode, context: .header("RAck"))
        scanner.skipWhitespace()
        let response = try scanner.number("response number", maximum: UInt64(UInt32.max))
        guard let space = scanner.current, SIPCharacterClass.isWhitespace(space) else {
            throw scanner.failure("expected white space after the response number")
        }
        scanner.skipWhitespace()
        let cseq = try SIPScalarGrammar.sequenceNumber(&scanner, what: "CSeq number")
        let method = try SIPScalarGrammar.methodAfterSpace(&scanner)
        return SIPRAck(responseNumber: UInt32(response), cseqNumber: cseq, method: method)
    }
}

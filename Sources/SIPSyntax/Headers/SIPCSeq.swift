/// The CSeq value (RFC 3261 §20.16): orders requests within a dialog and names the method a
/// response answers.
public struct SIPCSeq: Hashable, Sendable, CustomStringConvertible {
    /// 32-bit unsigned; senders keep it below 2^31 (RFC 3261 §8.1.1.5), which strict parsing
    /// enforces; liberal parsing takes anything up to 2^32-1 (RFC 4475 §3.1.2.4 rejects beyond).
    public var sequenceNumber: UInt32
    public var method: SIPMethod

    public init(_ sequenceNumber: UInt32, _ method: SIPMethod) {
        self.sequenceNumber = sequenceNumber
        self.method = method
    }

    public var serialized: String { "\(sequenceNumber) \(method.rawValue)" }
    public var description: String { serialized }

    /// CSeq = 1*DIGIT LWS Method
    public static func parse(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPCSeq {
        var scanner = SIPScanner(text, mode: mode, context: .header("CSeq"))
        let number = try SIPScalarGrammar.sequenceNumber(&scanner, what: "CSeq number")
        let method = try SIPScalarGrammar.methodAfterSpace(&scanner)
        return SIPCSeq(number, method)
    }
}

/// A fault that makes a received message unusable, named so it can serve as the reason phrase
/// of the 400 (or 505) a UAS answers with (RFC 3261 §8.2, §21.4.1).
public struct SIPValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// RFC 3261 §8.1.1: To, From, CSeq, Call-ID and Via are mandatory.
        case missingHeader(SIPHeaderName)
        /// A header that may appear once appears again (RFC 3261 §7.3.1, RFC 4475 §3.3.8).
        case duplicateHeader(SIPHeaderName)
        /// A mandatory header's value does not parse.
        case invalidHeader(SIPHeaderName, SIPParseError)
        /// The CSeq method differs from the request method (RFC 3261 §8.1.1.5, RFC 4475 §3.1.2.17).
        case cseqMethodMismatch(request: SIPMethod, cseq: SIPMethod)
        /// Content-Length declares more than the body holds (RFC 3261 §18.3).
        case contentLengthExceedsBody(declared: Int, bodyLength: Int)
        /// Not SIP/2.0 (RFC 3261 §8.2.2 → 505, RFC 4475 §3.1.2.16).
        case unsupportedVersion(SIPVersion)
    }

    public var kind: Kind
    /// The index in `headers` of the offending field, when one field is to blame.
    public var fieldIndex: Int?

    public init(_ kind: Kind, fieldIndex: Int? = nil) {
        self.kind = kind
        self.fieldIndex = fieldIndex
    }

    /// 505 for a version we do not speak, 400 for everything else.
    public var statusCode: Int {
        switch kind {
        case .unsupportedVersion: 505
        case .missingHeader, .duplicateHeader, .invalidHeader, .cseqMethodMismatch, .contentLengthExceedsBody: 400
        }
    }

    /// The reason phrase naming the fault.
    public var reasonPhrase: String {
        switch kind {
        case .missingHeader(let name): "Missing \(name.name) header"
        case .duplicateHeader(let name): "Multiple \(name.name) values"
        case .invalidHeader(_, let error): error.reasonPhrase
        case .cseqMethodMismatch(let request, let cseq): "CSeq method \(cseq) does not match request method \(request)"
        case .contentLengthExceedsBody(let declared, let length): "Content-Length \(declared) exceeds the \(length)-byte body"
        case .unsupportedVersion(let version): "Version \(version.text) Not Supported"
        }
    }

    public var description: String { "\(statusCode) \(reasonPhrase)" }
}

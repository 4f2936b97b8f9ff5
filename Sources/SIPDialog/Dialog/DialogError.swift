import SIPSyntax

/// Why a message cannot create or continue a dialog. Each case maps to the response a UAS
/// sends (`statusCode`), so a malformed peer message always gets an answer, never a crash.
public enum DialogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A mandatory header is absent (RFC 3261 §8.1.1: To, From, CSeq, Call-ID, …).
    case missingHeader(String)
    /// A header does not parse.
    case malformedHeader(SIPParseError)
    /// A dialog-creating message has no usable Contact (RFC 3261 §12.1.1, §12.1.2).
    case missingContact
    /// A response that would create a dialog has no To tag (RFC 3261 §12.1.2).
    case missingToTag
    /// The CSeq is lower than the last one seen from the peer (RFC 3261 §12.2.2).
    case sequenceOutOfOrder(received: UInt32, last: UInt32)
    /// A body that should be SDP does not parse (RFC 3261 §13.3.1.1 → 400).
    case malformedBody(String)
    /// A body of a type we cannot read here (RFC 3261 §21.4.13 → 415).
    case unsupportedBody(String)
    /// Require names an extension we do not support (RFC 3261 §8.2.2.3 → 420).
    case unsupportedExtension([String])

    /// The response a UAS answers with.
    public var statusCode: Int {
        switch self {
        case .missingHeader, .malformedHeader, .missingContact, .missingToTag, .malformedBody: 400
        case .sequenceOutOfOrder: 500
        case .unsupportedBody: 415
        case .unsupportedExtension: 420
        }
    }

    public var reasonPhrase: String {
        switch self {
        case .missingHeader(let name): "Missing \(name)"
        case .malformedHeader(let error): error.reasonPhrase
        case .missingContact: "Missing Contact"
        case .missingToTag: "Missing To tag"
        case .sequenceOutOfOrder: "CSeq Out Of Order"
        case .malformedBody(let reason): "Bad Body: \(reason)"
        case .unsupportedBody: "Unsupported Media Type"
        case .unsupportedExtension: "Bad Extension"
        }
    }

    public var description: String { "\(statusCode) \(reasonPhrase)" }
}

/// Typed header look-ups that turn absence and parse errors into `DialogError`.
extension SIPHeaders {
    func required<T>(_ name: String, _ read: (SIPHeaders) throws(SIPParseError) -> T?) throws(DialogError) -> T {
        let value: T?
        do { value = try read(self) } catch { throw .malformedHeader(error) }
        guard let value else { throw .missingHeader(name) }
        return value
    }

    func requiredCallID() throws(DialogError) -> String { try required("Call-ID") { h throws(SIPParseError) in try h.callID } }
    func requiredCSeq() throws(DialogError) -> SIPCSeq { try required("CSeq") { h throws(SIPParseError) in try h.cseq } }
    func requiredFrom() throws(DialogError) -> SIPAddress { try required("From") { h throws(SIPParseError) in try h.from } }
    func requiredTo() throws(DialogError) -> SIPAddress { try required("To") { h throws(SIPParseError) in try h.to } }

    /// The first Contact URI; nil for none or the `*` wildcard.
    func firstContactURI() throws(DialogError) -> URI? {
        let contact: SIPContactValue?
        do { contact = try self.contact } catch { throw .malformedHeader(error) }
        guard case .addresses(let addresses)? = contact else { return nil }
        return addresses.first?.uri
    }

    func recordRouteSet() throws(DialogError) -> [SIPAddress] {
        do { return try recordRoute } catch { throw .malformedHeader(error) }
    }
}

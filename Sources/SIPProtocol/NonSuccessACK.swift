import SIPSyntax

/// The ACK an INVITE client transaction sends for a 300–699 final response (RFC 3261 §17.1.1.3).
///
/// This ACK belongs to the INVITE transaction (unlike the ACK for a 2xx, which the TU builds as a
/// new request, §13.2.2.4), so it must reach the same server transaction: same Request-URI,
/// a single Via equal to the INVITE's top Via (same branch), the INVITE's Call-ID, From and CSeq
/// number, the To of the response (which carries the server's tag), and the INVITE's Route set.
/// Everything taken from the INVITE is captured when the transaction starts, so building the ACK
/// when a response arrives cannot fail.
struct NonSuccessACK: Hashable, Sendable {
    private let uri: URI
    private let version: SIPVersion
    private let topVia: String
    private let maxForwards: String
    private let routes: [String]
    private let from: String
    private let inviteTo: String
    private let callID: String
    private let sequenceNumber: UInt32

    /// Captures the INVITE's fields, refusing an INVITE that lacks one the ACK needs.
    init(invite: SIPRequest) throws(TransactionError) {
        let headers = invite.headers
        guard let topVia = headers.elements(.via).first else { throw .missingHeader(.via) }
        guard let from = headers[.from] else { throw .missingHeader(.from) }
        guard let to = headers[.to] else { throw .missingHeader(.to) }
        guard let callID = headers[.callID] else { throw .missingHeader(.callID) }
        guard let cseq = headers[.cseq] else { throw .missingHeader(.cseq) }
        guard let number = CSeqValue.sequenceNumber(in: cseq) else { throw .malformedCSeq(cseq) }
        self.uri = invite.uri
        self.version = invite.version
        self.topVia = topVia
        // Max-Forwards is mandatory in every request (§8.1.1.6); the ACK travels as far as the
        // INVITE did, so it inherits the INVITE's value.
        self.maxForwards = headers[.maxForwards] ?? "70"
        self.routes = headers.values(.route)
        self.from = from
        self.inviteTo = to
        self.callID = callID
        self.sequenceNumber = number
    }

    /// The ACK for `response`; its To comes from the response so it carries the To tag the server
    /// chose (§17.1.1.3), falling back to the INVITE's To if the response lacks one.
    func acknowledging(_ response: SIPResponse) -> SIPRequest {
        var headers = SIPHeaders()
        headers.append(.via, topVia)
        headers.append(.maxForwards, maxForwards)
        for route in routes { headers.append(.route, route) }
        headers.append(.from, from)
        headers.append(.to, response.headers[.to] ?? inviteTo)
        headers.append(.callID, callID)
        headers.append(.cseq, "\(sequenceNumber) \(SIPMethod.ack)")
        headers.append(.contentLength, "0")
        return SIPRequest(method: .ack, uri: uri, version: version, headers: headers)
    }
}

/// Just enough of the CSeq grammar (RFC 3261 §20.16, `CSeq = 1*DIGIT LWS Method`) to reuse the
/// sequence number in an ACK; the full typed parse belongs to SIPSyntax.
enum CSeqValue {
    /// The sequence number of a CSeq value, or `nil` if it is not 1*DIGIT (below 2**31 by §8.1.1.5,
    /// but any 32-bit value is accepted on receipt) followed by white space and a method.
    static func sequenceNumber(in value: String) -> UInt32? {
        let bytes = Array(value.utf8)
        var index = bytes.firstIndex { !isWhiteSpace($0) } ?? bytes.endIndex
        let digitsStart = index
        while index < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
        }
        let digits = bytes[digitsStart..<index]
        guard !digits.isEmpty, index < bytes.endIndex, isWhiteSpace(bytes[index]) else { return nil }
        guard bytes[index...].contains(where: { !isWhiteSpace($0) }) else { return nil }
        return UInt32(String(decoding: digits, as: UTF8.self))
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}

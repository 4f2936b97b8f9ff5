import SIPSyntax

/// Why a transaction machine refused to start. These are owner mistakes caught at the door, so
/// that every later event is total: for instance the INVITE client transaction must be able to
/// build the ACK for a non-2xx response (RFC 3261 §17.1.1.3) whenever one arrives.
public enum TransactionError: Error, Hashable, Sendable {
    /// The request's method does not fit the machine: INVITE for the INVITE machines, anything
    /// but INVITE and ACK for the non-INVITE ones (ACK never starts a transaction, §17).
    case wrongMethod(SIPMethod)
    /// A header the machine needs is absent (for the INVITE client: Via, From, Call-ID, CSeq).
    case missingHeader(SIPHeaderName)
    /// The CSeq value has no sequence number the ACK could reuse (RFC 3261 §8.1.1.5, §20.16).
    case malformedCSeq(String)
}

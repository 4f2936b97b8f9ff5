/// The final SIP response that ended a call's INVITE transaction (RFC 3261 §21).
///
/// Code and reason travel together so a record can never hold a reason without a code; the
/// reason is kept verbatim because servers put useful text there ("Out of credit").
public struct SIPStatus: Sendable, Hashable {
    /// The status code, 200–699 for a final response.
    public let code: Int
    /// The reason phrase exactly as received or sent.
    public let reasonPhrase: String

    public init(code: Int, reasonPhrase: String) {
        self.code = code
        self.reasonPhrase = reasonPhrase
    }
}

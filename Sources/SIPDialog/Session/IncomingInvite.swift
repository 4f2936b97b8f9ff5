import SDP
import SIPSyntax

/// The UAS side before we answer (RFC 3261 §13.3.1): the INVITE and the dialog our tag makes.
struct IncomingInvite: Sendable {
    var invite: SIPRequest
    var dialog: Dialog
    var offer: SessionDescription?
    /// Present when the caller required 100rel (RFC 3262): our provisionals go out reliably.
    var reliable: ReliableProvisionals?
    var early: EarlyOfferAnswer = .none

    var identity: RequestIdentity { RequestIdentity(invite) }
    /// The INVITE's CSeq number; the dialog's remote sequence moves on with each PRACK.
    var sequence: UInt32 { (try? invite.headers.cseq)?.sequenceNumber ?? 0 }

    /// A response to the INVITE with our tag, Contact and the Record-Route (§12.1.1).
    func response(_ status: Int, _ reason: String, contact: URI?, body: [UInt8] = [],
                  extraHeaders: [SIPHeaderField] = []) -> SIPResponse {
        ResponseBuilder.response(
            to: invite, status: status, reason: reason, toTag: dialog.id.localTag, contact: contact,
            copyRecordRoute: status < 300, body: body, contentType: MediaNegotiator.contentType,
            extraHeaders: extraHeaders)
    }
}

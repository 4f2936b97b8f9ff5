import SDP
import SIPSyntax

/// A confirmed dialog and the transactions in flight on it (RFC 3261 §14, §15).
struct EstablishedCall: Sendable {
    var dialog: Dialog
    /// CSeq of the INVITE that created the call: a 2xx to it from another fork is ACKed and
    /// released (§13.2.2.4), a retransmitted one re-ACKed.
    let initialInviteSequence: UInt32
    var credentialHeaders: [SIPHeaderField]
    /// Our last ACK for a 2xx (UAC), sent again for each retransmitted 2xx.
    var lastACK: SIPRequest?
    /// Our 2xx to an INVITE that has no ACK yet (UAS, §13.3.1.4).
    var unacknowledgedAnswer: UnacknowledgedAnswer?
    /// We hung up before the ACK of our 2xx to the initial INVITE: the BYE waits for that ACK
    /// or for its timeout (§15).
    var hangUpAfterACK: CallEndReason?
    /// Our re-INVITE or UPDATE waiting for its final response.
    var localReoffer: LocalReoffer?
    /// A re-offer refused with 491, to be retried when `glareRetry` fires (§14.1).
    var glareRetry: ReofferPurpose?
    /// A re-offer asked for while another INVITE transaction was in progress (§14.1).
    var queuedReoffer: ReofferPurpose?
    var sessionTimer: ActiveSessionTimer?
    /// CSeq of our REFER (blind or attended transfer) waiting for 202.
    var referSequence: UInt32?
    /// The REFER the peer sent us, whose progress we report by NOTIFY (RFC 3515 §2.4.4).
    var incomingRefer: IncomingRefer?

    init(dialog: Dialog, initialInviteSequence: UInt32, credentialHeaders: [SIPHeaderField] = []) {
        self.dialog = dialog
        self.initialInviteSequence = initialInviteSequence
        self.credentialHeaders = credentialHeaders
    }
}

/// Our 2xx to the peer's INVITE, retransmitted until its ACK (RFC 3261 §13.3.1.4).
struct UnacknowledgedAnswer: Sendable {
    var response: SIPResponse
    var request: RequestIdentity
    var sequence: UInt32
    /// The next retransmission interval: T1, doubling to T2.
    var interval: Duration
    /// Our offer in the 2xx when the INVITE had none: the ACK must carry the answer.
    var offerAwaitingAnswer: SessionDescription?
    /// Whether this 2xx answers the initial INVITE (the call is `answered` on its ACK).
    var isInitial: Bool
}

/// Why we sent a re-INVITE or UPDATE.
enum ReofferPurpose: Hashable, Sendable {
    case hold, resume
    /// RFC 4028 refresh: same description, new o= only if it changed.
    case sessionRefresh
}

/// Our outstanding re-INVITE/UPDATE.
struct LocalReoffer: Sendable {
    var method: SIPMethod
    var sequence: UInt32
    var offer: SessionDescription
    var purpose: ReofferPurpose
}

/// The REFER we accepted (RFC 3515 §2.4.4): the implicit subscription NOTIFYs report on.
struct IncomingRefer: Hashable, Sendable {
    /// `Event: refer;id=<CSeq of the REFER>` (RFC 3515 §2.4.6).
    var sequence: UInt32
    var isTerminated = false
}

import SDP
import SIPSyntax

/// The UAS side of RFC 3262 for one incoming INVITE whose caller sent `Require: 100rel`: our
/// provisionals go out reliably, one at a time, each retransmitted until its PRACK arrives.
struct ReliableProvisionals: Sendable {
    /// A provisional the application asked for; the response is built when it is its turn to
    /// be sent, so the SDP it carries reflects the offer/answer state at that moment.
    enum Kind: Hashable, Sendable {
        /// 180 Ringing, without SDP.
        case ringing
        /// 183 Session Progress with SDP: our answer, or our offer for an offerless INVITE.
        case sessionProgress
    }

    /// The one reliable provisional awaiting its PRACK (§3 allows only one at a time).
    struct Outstanding: Sendable {
        var response: SIPResponse
        var rseq: UInt32
        /// The wait before the next retransmission: T1, doubling each time (§3, no T2 cap).
        var interval: Duration
        /// Our offer when this provisional carried one (offerless INVITE): the PRACK must
        /// carry the answer (§5).
        var offer: SessionDescription?
    }

    /// The RSeq of the next reliable provisional: a random start, then +1 each (§3).
    var nextRSeq: UInt32
    var outstanding: Outstanding?
    /// Provisionals asked for while another was outstanding, in order.
    var waiting: [Kind] = []
    /// Set when the application answered while a provisional was outstanding: the 2xx goes
    /// out once the PRACK arrives. The value replaces the media capabilities, as in `answer`.
    var heldAnswer: HeldAnswer?

    /// The answer the application asked for, to be sent after the PRACK.
    struct HeldAnswer: Sendable {
        var capabilities: LocalMediaCapabilities?
    }

    /// RFC 3262 §3: the first RSeq lies in 1…2^31−1; drawn at random so that a restarted UAS
    /// is not confused with an earlier one.
    init(random: inout some CallRandomSource) {
        nextRSeq = UInt32(random.next() % 0x7FFF_FFFF) + 1
    }

    /// Whether the caller's request asks for reliable provisionals (`Require: 100rel`).
    static func isRequired(by request: SIPRequest) -> Bool {
        ((try? request.headers.require) ?? []).contains { $0.lowercased() == "100rel" }
    }
}

/// What a provisional response of ours already settled of the offer/answer exchange
/// (RFC 3262 §5), which decides the body of the 2xx that follows.
enum EarlyOfferAnswer: Sendable {
    /// No SDP went out in a provisional: the 2xx carries the answer or the offer.
    case none
    /// A 183 carried our answer to the INVITE's offer: the 2xx repeats it unchanged.
    case answered(SessionDescription, NegotiatedMedia?)
    /// A reliable 183 carried our offer and the PRACK the answer: the 2xx has no SDP.
    case agreed(NegotiatedMedia?)
}

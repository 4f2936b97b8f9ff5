import SIPDialog
import SIPSyntax
import SIPTransport

/// Everything the network and the clock hand a call, queued so the session sees it in arrival
/// order (a provisional response must not overtake the final one).
enum CallInput: Sendable {
    case request(IncomingRequest)
    /// An ACK for our 2xx, outside any transaction (RFC 3261 §13.3.1.4).
    case ack(SIPRequest)
    case response(SIPResponse)
    /// A 2xx after the first (retransmitted or forked): ACK it again (RFC 3261 §13.2.2.4).
    case lateSuccess(SIPResponse)
    case timer(CallTimer, id: Int)
}

/// What a call tells the engine that owns it. Closures, so the call never holds the engine.
struct CallOwner: Sendable {
    let emit: @Sendable (EngineEvent) -> Void
    /// The call ended; the engine forgets it.
    let ended: @Sendable (CallID, String?) async -> Void
    /// The SIP Call-ID is known (outgoing calls learn it when the INVITE is built).
    let claim: @Sendable (CallID, String) async -> Void
    /// The peer asks us to call `target` (REFER, RFC 3515).
    let transferRequested: @Sendable (CallID, URI, ReplacesHeader?) async -> Void
    /// A call placed for a peer's REFER was answered (200) or failed: tell the referrer's peer
    /// (RFC 3515 §2.4.5 sipfrag NOTIFY).
    let transferOutcome: @Sendable (CallID, Int, String) async -> Void
}

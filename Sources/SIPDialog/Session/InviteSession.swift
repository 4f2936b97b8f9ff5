import SDP
import SIPSyntax

/// One call: the INVITE usage of a dialog (RFC 3261 §13–15) with its extensions — redirects,
/// digest challenges, forking, CANCEL, hold, glare, transfer, INFO DTMF and session timers.
///
/// A value type in the style of the transaction machines: every input (a request or response
/// from the transaction layer, a fired timer, a user command) is a `mutating func` returning
/// `[CallAction]` for the owning actor to perform. Nothing here touches a socket or a clock.
public struct InviteSession: Sendable {
    /// Which side sent the initial INVITE. The caller owns the Call-ID, which decides the 491
    /// back-off (RFC 3261 §14.1).
    public enum Role: Hashable, Sendable { case caller, callee }

    /// Where the call stands; each phase carries what it needs.
    enum Phase: Sendable {
        case idle
        /// We sent the INVITE and have no 2xx yet (RFC 3261 §13.2).
        case outgoing(OutgoingCall)
        /// The peer's INVITE waits for ring/answer/reject (RFC 3261 §13.3).
        case incoming(IncomingInvite)
        /// A 2xx was sent or received: the dialog is confirmed (ACK may still be awaited).
        case established(EstablishedCall)
        case ended(CallEndReason)
    }

    public let configuration: InviteSessionConfiguration
    public internal(set) var role: Role?
    var phase: Phase
    var random: any CallRandomSource
    var media: MediaNegotiator

    public init(configuration: InviteSessionConfiguration, random: any CallRandomSource) {
        var random = random
        self.configuration = configuration
        self.media = MediaNegotiator(capabilities: configuration.media, sessionID: random.next())
        self.random = random
        self.phase = .idle
    }

    /// The dialog once there is one we are in (UAS after the INVITE, UAC after the 2xx).
    public var dialog: Dialog? {
        switch phase {
        case .incoming(let incoming): incoming.dialog
        case .established(let call): call.dialog
        case .idle, .outgoing, .ended: nil
        }
    }

    /// The media last agreed.
    public var negotiatedMedia: NegotiatedMedia? { media.current }

    /// Whether an incoming INVITE still waits for answer or reject (§13.3.1).
    public var isAwaitingAnswer: Bool {
        if case .incoming = phase { true } else { false }
    }

    /// Why the call ended, once it has.
    public var endReason: CallEndReason? {
        if case .ended(let reason) = phase { reason } else { nil }
    }

    /// Whether an INVITE carrying `replaces` takes over this call (RFC 3891 §3): the dialog
    /// matches, and `early-only` excludes a confirmed one.
    public func isReplaced(by replaces: ReplacesHeader) -> Bool {
        switch phase {
        case .established(let call): !replaces.earlyOnly && replaces.matches(call.dialog.id)
        case .incoming(let incoming): replaces.matches(incoming.dialog.id)
        case .outgoing(let outgoing):
            outgoing.earlyDialogs.contains { replaces.matches($0.id) }
        case .idle, .ended: false
        }
    }

    /// Ends the session with `reason`, cancelling every timer it may have running.
    mutating func end(_ reason: CallEndReason) -> [CallAction] {
        phase = .ended(reason)
        return CallTimer.allCases.map { .cancelTimer($0) } + [.event(.ended(reason))]
    }
}

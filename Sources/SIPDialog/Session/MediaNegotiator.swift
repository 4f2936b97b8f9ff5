import SDP
import SIPSyntax

/// The session's side of offer/answer (RFC 3264 as used by RFC 3261 §13.2.1 and §14): our
/// `o=` line across the call, our hold state and the media last agreed. The media layer
/// supplies capabilities; this only describes them and reads the peer's descriptions.
struct MediaNegotiator: Sendable {
    static let contentType = "application/sdp"

    var sdp: LocalSDPSession
    var capabilities: LocalMediaCapabilities
    /// Whether we hold the call (RFC 3264 §8.4): offers and answers then stop receiving.
    var isHolding = false
    /// The media last agreed, from our point of view.
    private(set) var current: NegotiatedMedia?

    init(capabilities: LocalMediaCapabilities, sessionID: UInt64) {
        self.capabilities = capabilities
        // Keep ids below 2^63 so they print as the plain decimal every peer parses.
        self.sdp = LocalSDPSession(sessionID: sessionID & 0x7FFF_FFFF_FFFF_FFFF)
    }

    /// The direction we offer or accept: sendonly when holding an active peer, inactive when
    /// the peer holds us too (RFC 3264 §8.4), sendrecv otherwise.
    private var preferredDirection: MediaDirection {
        guard isHolding else { return capabilities.direction }
        return (current?.isHeldByPeer ?? false) ? .inactive : capabilities.direction.held
    }

    /// A new offer; the `o=` version rises only if it differs from the last one sent.
    mutating func makeOffer() throws(NegotiationError) -> SessionDescription {
        var offering = capabilities
        offering.direction = preferredDirection
        return try sdp.makeOffer(offering)
    }

    /// Answers the peer's offer and records the result.
    mutating func answer(_ offer: SessionDescription) throws(NegotiationError) -> AnswerResult {
        var answering = capabilities
        answering.direction = preferredDirection
        let result = try sdp.makeAnswer(to: offer, capabilities: answering)
        current = result.media
        return result
    }

    /// Applies the peer's answer to our offer and records the result.
    mutating func accept(answer: SessionDescription, to offer: SessionDescription) throws(NegotiationError) -> NegotiatedMedia {
        let media = try sdp.processAnswer(answer, toOffer: offer)
        current = media
        return media
    }

    /// The events a renegotiation means: a change of the peer's hold, then the new media.
    static func changeEvents(from old: NegotiatedMedia?, to new: NegotiatedMedia?) -> [CallEvent] {
        guard let new else { return [] }
        var events: [CallEvent] = []
        let wasHeld = old?.isHeldByPeer ?? false
        if new.isHeldByPeer && !wasHeld { events.append(.heldByRemote) }
        if !new.isHeldByPeer && wasHeld { events.append(.resumedByRemote) }
        if new != old { events.append(.mediaChanged(new)) }
        return events
    }
}

/// Reading SDP bodies out of SIP messages.
enum SDPBody {
    /// The session description in a body, nil when there is no body. A body of another type
    /// (RFC 3261 §13.2.1 only puts SDP in offers here) or SDP that does not parse is an error.
    static func read(_ headers: SIPHeaders, _ body: [UInt8]) throws(DialogError) -> SessionDescription? {
        guard !body.isEmpty else { return nil }
        if let type = try? headers.contentType, !type.matches("application", "sdp") {
            throw .unsupportedBody(type.essence)
        }
        do {
            return try SessionDescription.parse(body)
        } catch {
            throw .malformedBody("SDP: \(error)")
        }
    }

    static func bytes(_ description: SessionDescription) -> [UInt8] {
        Array(description.serialized().utf8)
    }
}

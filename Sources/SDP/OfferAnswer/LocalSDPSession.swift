/// Our side of one SDP session across a call's offers and answers: the `o=` line we own.
///
/// RFC 3264 §8 (and RFC 8866 §5.2): every description we send in a dialog carries the same
/// username and session id; the version goes up by one whenever the description changes and
/// stays put when it does not (a re-INVITE that changes nothing must not look like a change).
/// A value type: the `Call` actor that owns it mutates it as it sends.
public struct LocalSDPSession: Sendable, Hashable {
    public var username: String
    public let sessionID: UInt64
    /// The version of the last description sent, or the one the first will carry.
    public private(set) var version: UInt64
    private var lastSent: SessionDescription?

    /// - Parameters:
    ///   - sessionID: chosen by the caller (RFC 8866 §5.2 suggests an NTP timestamp).
    ///   - version: of the first description; defaults to the session id, as most stacks do.
    public init(sessionID: UInt64, version: UInt64? = nil, username: String = "-") {
        self.username = username
        self.sessionID = sessionID
        self.version = version ?? sessionID
    }

    /// An offer or re-offer (hold: pass capabilities with `direction` `.sendonly`/`.inactive`).
    public mutating func makeOffer(_ capabilities: LocalMediaCapabilities) throws(NegotiationError) -> SessionDescription {
        stamp(try OfferAnswer.makeOffer(capabilities, origin: origin(for: capabilities)))
    }

    /// An answer to the peer's offer or re-offer.
    public mutating func makeAnswer(to offer: SessionDescription, capabilities: LocalMediaCapabilities)
        throws(NegotiationError) -> AnswerResult
    {
        var result = try OfferAnswer.makeAnswer(to: offer, capabilities: capabilities, origin: origin(for: capabilities))
        result.answer = stamp(result.answer)
        return result
    }

    /// The agreed media once the peer answered `offer`.
    public func processAnswer(_ answer: SessionDescription, toOffer offer: SessionDescription)
        throws(NegotiationError) -> NegotiatedMedia
    {
        try OfferAnswer.processAnswer(answer, toOffer: offer)
    }

    private func origin(for capabilities: LocalMediaCapabilities) -> Origin {
        Origin(username: username, sessionID: String(sessionID), sessionVersion: String(version),
               addressType: capabilities.addressType, address: capabilities.address)
    }

    /// Gives `description` the version RFC 3264 §8 asks for and remembers it as sent.
    private mutating func stamp(_ description: SessionDescription) -> SessionDescription {
        var description = description
        if let lastSent, lastSent != description {
            version &+= 1
            description.origin.sessionVersion = String(version)
        }
        lastSent = description
        return description
    }
}

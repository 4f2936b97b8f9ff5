/// The offer/answer model of RFC 3264 as pure functions: descriptions and capabilities in,
/// descriptions and `NegotiatedMedia` out. No clock, socket or randomness is touched, so every
/// rule is tested with hand-written and captured SDP alone.
///
/// Scope: one audio stream per call. Other media (video, application, image) are kept in the
/// answer with port 0 (RFC 3264 §6); of several audio streams the first acceptable one is used.
/// `LocalSDPSession` wraps these functions and keeps the `o=` version right.
///
/// Codec order in answers: the offerer's (RFC 3264 §6.1 lets the answerer choose; it
/// RECOMMENDS the offer's order "unless there is a specific reason"). Keeping it means both
/// sides send the codec the offerer prefers, and a re-offer from either side does not flip it.
public enum OfferAnswer {
    /// The description a `LocalMediaCapabilities` stands for in a session, with the given media.
    static func description(origin: Origin, capabilities: LocalMediaCapabilities,
                            media: [MediaDescription]) -> SessionDescription {
        SessionDescription(
            origin: origin, sessionName: capabilities.sessionName,
            connection: ConnectionData(addressType: capabilities.addressType, address: capabilities.address),
            timing: [TimeDescription()], media: media)
    }

    /// The direction the peer's description really means: an unspecified `c=` address
    /// (`0.0.0.0`, RFC 2543 hold) takes away receiving whatever the attribute says (RFC 3264 §8.4).
    static func peerDirection(_ session: SessionDescription, _ media: MediaDescription,
                              connection: ConnectionData) -> MediaDirection {
        let stated = session.direction(for: media)
        return connection.isUnspecifiedAddress ? stated.held : stated
    }

    /// `a=rtpmap`/`a=fmtp` for each codec, in order.
    static func codecAttributes(_ maps: [(RTPMap, String?)]) -> [SDPAttribute] {
        var attributes: [SDPAttribute] = []
        for (map, parameters) in maps {
            attributes.append(.rtpMap(map))
            if let parameters {
                attributes.append(.formatParameters(FormatParameters(payloadType: map.payloadType, parameterText: parameters)))
            }
        }
        return attributes
    }
}

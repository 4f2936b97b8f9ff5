extension OfferAnswer {
    /// Applies the answer to our offer (RFC 3264 §6, §7): checks that it answers what we
    /// offered (same m= lines and media types, same transport, only codecs and crypto tags we
    /// offered) and returns the agreed audio from our point of view.
    ///
    /// Throws `.rejectedByPeer` when our audio line came back with port 0, and
    /// `.invalidAnswer` when the answer breaks RFC 3264 or RFC 4568.
    public static func processAnswer(_ answer: SessionDescription, toOffer offer: SessionDescription)
        throws(NegotiationError) -> NegotiatedMedia
    {
        guard answer.media.count == offer.media.count else {
            throw .invalidAnswer(.mediaCountMismatch(offered: offer.media.count, answered: answer.media.count))
        }
        for (index, (ours, theirs)) in zip(offer.media, answer.media).enumerated() where ours.type != theirs.type {
            throw .invalidAnswer(.mediaTypeMismatch(index: index))
        }
        guard let index = offer.media.firstIndex(where: { $0.type == .audio && $0.port != 0 }) else {
            throw .invalidAnswer(.noAudioOffered)
        }
        guard answer.media[index].port != 0 else { throw .rejectedByPeer }
        do {
            return try negotiatedAudio(at: index, answer: answer, offer: offer)
        } catch {
            throw .invalidAnswer(error)
        }
    }

    private static func negotiatedAudio(at index: Int, answer: SessionDescription, offer: SessionDescription)
        throws(NegotiationError.InvalidAnswerReason) -> NegotiatedMedia
    {
        let offered = offer.media[index]
        let answered = answer.media[index]
        guard offered.transport.rawValue.uppercased() == answered.transport.rawValue.uppercased() else {
            throw .transportMismatch(offered: offered.transport.rawValue, answered: answered.transport.rawValue)
        }
        guard let remoteConnection = answer.connection(for: answered) else { throw .missingConnectionAddress }
        let codecs = try CodecNegotiation.answered(answered, offered: offered)
        let security = try SecurityNegotiation.answered(answered, in: answer, offered: offered, in: offer)
        let peer = peerDirection(answer, answered, connection: remoteConnection)
        let multiplexed = offered.hasRTCPMux && answered.hasRTCPMux
        let localConnection = offer.connection(for: offered) ?? ConnectionData(address: offer.origin.address)
        return NegotiatedMedia(
            mediaIndex: index, mid: offered.mid,
            local: MediaEndpoint(connection: localConnection, media: offered, multiplexed: multiplexed),
            remote: MediaEndpoint(connection: remoteConnection, media: answered, multiplexed: multiplexed),
            isRTCPMultiplexed: multiplexed, codec: codecs.primary, codecs: codecs.voice,
            telephoneEvent: codecs.telephoneEvent, direction: offer.direction(for: offered).intersection(peer.reversed),
            isHeldByPeer: !peer.receives, remotePacketTime: packetTime(answered, answer), security: security)
    }
}

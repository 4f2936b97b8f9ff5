extension OfferAnswer {
    /// Answers an offer (RFC 3264 §6): one m= line per offered line, in the same order. The
    /// first audio line we can accept is negotiated; every other line, and any line the offer
    /// already disabled with port 0, is answered with port 0 and its offered formats.
    ///
    /// Throws `.notAcceptable` (send 488) when no audio line can be accepted, with the reason
    /// of the first audio line that failed. An offer whose audio lines all have port 0 is not
    /// an error: the answer mirrors it and `media` is `nil`.
    public static func makeAnswer(to offer: SessionDescription, capabilities: LocalMediaCapabilities, origin: Origin)
        throws(NegotiationError) -> AnswerResult
    {
        try capabilities.validate()
        guard offer.media.contains(where: { $0.type == .audio }) else { throw .notAcceptable(.noAudioStream) }
        var answered: [MediaDescription] = []
        var accepted: NegotiatedMedia?
        var firstFailure: NegotiationError.NotAcceptableReason?
        for (index, offered) in offer.media.enumerated() {
            guard accepted == nil, offered.type == .audio, offered.port != 0 else {
                answered.append(rejected(offered))
                continue
            }
            do {
                let (media, negotiated) = try answerAudio(offered, at: index, in: offer, capabilities: capabilities)
                answered.append(media)
                accepted = negotiated
            } catch {
                firstFailure = firstFailure ?? error
                answered.append(rejected(offered))
            }
        }
        if accepted == nil, let firstFailure { throw .notAcceptable(firstFailure) }
        return AnswerResult(answer: description(origin: origin, capabilities: capabilities, media: answered),
                            media: accepted)
    }

    /// A refused or disabled stream (RFC 3264 §6): same media, transport and formats, port 0.
    private static func rejected(_ offered: MediaDescription) -> MediaDescription {
        var media = MediaDescription(type: offered.type, port: 0, transport: offered.transport, formats: offered.formats)
        if let mid = offered.mid { media.attributes = [.mid(mid)] }
        return media
    }

    private static func answerAudio(_ offered: MediaDescription, at index: Int, in offer: SessionDescription,
                                    capabilities: LocalMediaCapabilities)
        throws(NegotiationError.NotAcceptableReason) -> (MediaDescription, NegotiatedMedia)
    {
        guard offered.transport.isRTPOverUDP else { throw .unsupportedTransport(offered.transport.rawValue) }
        guard let connection = offer.connection(for: offered) else { throw .missingConnectionAddress }
        guard let codecs = CodecNegotiation.answer(offered: offered.payloadFormats, local: capabilities.codecs) else {
            throw .noCommonCodec
        }
        let (securityAttributes, security) = try SecurityNegotiation.answer(offered, in: offer, capabilities: capabilities)
        let peer = peerDirection(offer, offered, connection: connection)
        let direction = MediaDirection.answering(peer, localPreference: capabilities.direction)
        let multiplexed = offered.hasRTCPMux && capabilities.rtcpMux

        var media = MediaDescription(type: .audio, port: capabilities.rtpPort, transport: offered.transport,
                                     formats: codecs.all.map { String($0.receivePayloadType) })
        media.attributes = codecAttributes(codecs.all.map { codec in
            (RTPMap(payloadType: codec.receivePayloadType, encodingName: codec.encodingName, clockRate: codec.clockRate,
                    channels: codec.channels == 1 ? nil : codec.channels), codec.localFormatParameters)
        })
        if let packetTime = capabilities.packetTime { media.attributes.append(.packetTime(Double(packetTime))) }
        media.attributes.append(.direction(direction))
        if multiplexed { media.attributes.append(.rtcpMux) }
        if let mid = offered.mid { media.attributes.append(.mid(mid)) }
        media.attributes += securityAttributes

        let local = MediaEndpoint(connection: ConnectionData(address: capabilities.address), media: media,
                                  multiplexed: multiplexed)
        let negotiated = NegotiatedMedia(
            mediaIndex: index, mid: offered.mid, local: local,
            remote: MediaEndpoint(connection: connection, media: offered, multiplexed: multiplexed),
            isRTCPMultiplexed: multiplexed, codec: codecs.primary, codecs: codecs.voice,
            telephoneEvent: codecs.telephoneEvent, direction: direction, isHeldByPeer: !peer.receives,
            remotePacketTime: packetTime(offered, offer), security: security)
        return (media, negotiated)
    }

    /// The peer's `a=ptime` (media level, else session level) in whole milliseconds.
    static func packetTime(_ media: MediaDescription, _ session: SessionDescription) -> UInt32? {
        guard let milliseconds = media.packetTime ?? session.packetTime, milliseconds < Double(UInt32.max) else {
            return nil
        }
        return UInt32(milliseconds)
    }
}

extension OfferAnswer {
    /// An initial offer or a re-offer (RFC 3264 §5, §8): one audio stream with our codecs in
    /// preference order, an rtpmap for every payload type (RFC 8866 §6.6 recommends it even
    /// for static ones), telephone-event at each voice clock rate, the direction (a hold
    /// re-offer passes `sendonly` or `inactive`), rtcp-mux, and SRTP keying per `srtp`:
    /// `RTP/SAVP` + `a=crypto` when mandatory, `RTP/AVP` + `a=crypto` when optional (best
    /// effort), `UDP/TLS/RTP/SAVP` + fingerprint and `setup:actpass` for mandatory DTLS-only.
    /// With `offersDTLS`, the DTLS attributes replace `a=crypto`: `UDP/TLS/RTP/SAVP` when
    /// mandatory, `RTP/AVP` + fingerprint when optional (best effort, as with SDES: a peer
    /// without DTLS answers plain RTP).
    public static func makeOffer(_ capabilities: LocalMediaCapabilities, origin: Origin)
        throws(NegotiationError) -> SessionDescription
    {
        try capabilities.validate()
        let codecs = offeredCodecs(capabilities.codecs)
        let (transport, securityAttributes) = offerSecurity(capabilities)
        var media = MediaDescription(type: .audio, port: capabilities.rtpPort, transport: transport,
                                     formats: codecs.map { String($0.payloadType) })
        media.attributes = codecAttributes(codecs.map { ($0.rtpMap, $0.formatParameters) })
        if let packetTime = capabilities.packetTime { media.attributes.append(.packetTime(Double(packetTime))) }
        media.attributes.append(.direction(capabilities.direction))
        if capabilities.rtcpMux { media.attributes.append(.rtcpMux) }
        media.attributes += securityAttributes
        return description(origin: origin, capabilities: capabilities, media: [media])
    }

    /// Our codecs with distinct payload types: a dynamic type already taken moves to the next
    /// free one (96–127); telephone-event is repeated at the clock rate of each voice codec so
    /// that DTMF can follow whichever codec the answerer picks (RFC 4733 §2.1).
    static func offeredCodecs(_ codecs: [Codec]) -> [Codec] {
        var used = Set<UInt8>()
        var result: [Codec] = []
        func add(_ codec: Codec) {
            var codec = codec
            if used.contains(codec.payloadType) {
                guard codec.hasDynamicPayloadType, let free = (96...127).first(where: { !used.contains($0) }) else { return }
                codec.payloadType = free
            }
            used.insert(codec.payloadType)
            result.append(codec)
        }
        let voice = codecs.filter { !$0.isTelephoneEvent }
        voice.forEach(add)
        guard let event = codecs.first(where: \.isTelephoneEvent) else { return result }
        add(event)
        var rates = [event.clockRate]
        for codec in voice where !codec.isComfortNoise && !rates.contains(codec.clockRate) {
            rates.append(codec.clockRate)
            var extra = event
            extra.clockRate = codec.clockRate
            extra.payloadType = 96
            add(extra)
        }
        return result
    }

    private static func offerSecurity(_ capabilities: LocalMediaCapabilities) -> (TransportProtocol, [SDPAttribute]) {
        let cryptos = capabilities.sdesKeys.enumerated().map { index, key in
            SDPAttribute.crypto(CryptoAttribute(tag: UInt32(index + 1), suite: key.suite,
                                                keyParameters: [SRTPKeyParameter(inlineKeySalt: key.keySalt)]))
        }
        let dtlsAttributes = (capabilities.dtls?.fingerprints.map(SDPAttribute.fingerprint) ?? []) + [.setup(.actpass)]
        if capabilities.offersDTLS, capabilities.dtls != nil {
            switch capabilities.srtp {
            case .off: return (.rtpAVP, [])
            case .optional: return (.rtpAVP, dtlsAttributes)
            case .mandatory: return (.udpTLSRTPSAVP, dtlsAttributes)
            }
        }
        switch capabilities.srtp {
        case .off:
            return (.rtpAVP, [])
        case .optional:
            return (.rtpAVP, cryptos)
        case .mandatory:
            if !cryptos.isEmpty { return (.rtpSAVP, cryptos) }
            return (.udpTLSRTPSAVP, dtlsAttributes)
        }
    }
}

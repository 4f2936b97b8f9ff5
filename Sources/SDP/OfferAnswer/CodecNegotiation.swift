/// The codecs of one negotiated audio stream, in the order of the description that decides
/// it (the offer when we answer, the answer when we offered).
struct CodecSelection {
    /// Voice codecs, comfort noise and telephone-event, in order.
    var all: [NegotiatedCodec]
    var primary: NegotiatedCodec
    var telephoneEvent: NegotiatedCodec?

    var voice: [NegotiatedCodec] { all.filter { !$0.isTelephoneEvent } }

    /// Picks the primary codec (first that is not comfort noise) and the telephone-event that
    /// matches its clock rate (RFC 4733 §2.1), else the first one; `nil` without a voice codec.
    init?(_ all: [NegotiatedCodec]) {
        guard let primary = all.first(where: { !$0.isTelephoneEvent && !$0.isComfortNoise }) else { return nil }
        let events = all.filter(\.isTelephoneEvent)
        self.all = all
        self.primary = primary
        telephoneEvent = events.first { $0.clockRate == primary.clockRate } ?? events.first
    }
}

/// Codec matching for RFC 3264 §6.1: static payload types are matched through what they
/// mean (their rtpmap, else RFC 3551's table), dynamic ones by encoding name (ignoring case),
/// clock rate and channels.
enum CodecNegotiation {
    /// The codecs to answer with: every offered codec we support, in the offerer's order and
    /// under the offerer's numbers. Telephone-event is kept at the clock rates of the answered
    /// voice codecs (or the first offered one if none matches). `nil` without a common voice codec.
    static func answer(offered: [PayloadFormat], local: [Codec]) -> CodecSelection? {
        let localVoice = local.filter { !$0.isTelephoneEvent }.map(\.payloadFormat)
        let localEvent = local.first(where: \.isTelephoneEvent)?.payloadFormat
        var chosen: [NegotiatedCodec] = []
        for format in offered {
            let match = format.isTelephoneEvent ? localEvent : localVoice.first { $0.isSameCodec(as: format) }
            guard var ours = match else { continue }
            ours.payloadType = format.payloadType
            chosen.append(NegotiatedCodec(remote: format, local: ours))
        }
        let voiceRates = Set(chosen.filter { !$0.isTelephoneEvent && !$0.isComfortNoise }.map(\.clockRate))
        let events = chosen.filter(\.isTelephoneEvent)
        let matching = events.filter { voiceRates.contains($0.clockRate) }
        let kept = matching.isEmpty ? Array(events.prefix(1)) : matching
        chosen.removeAll { $0.isTelephoneEvent && !kept.contains($0) }
        return CodecSelection(chosen)
    }

    /// The codecs of an answer to our offer, each paired with the payload type we offered it
    /// under (the answerer may renumber dynamic types). A payload type that names nothing we
    /// offered makes the answer invalid.
    static func answered(_ answered: MediaDescription, offered: MediaDescription)
        throws(NegotiationError.InvalidAnswerReason) -> CodecSelection
    {
        let ourFormats = offered.payloadFormats
        var chosen: [NegotiatedCodec] = []
        for payloadType in answered.payloadTypes {
            guard let theirs = resolve(payloadType, in: answered, fallback: ourFormats),
                  let ours = ourFormats.first(where: { $0.isSameCodec(as: theirs) })
            else { throw .codecNotOffered(payloadType: payloadType) }
            chosen.append(NegotiatedCodec(remote: theirs, local: ours))
        }
        guard let selection = CodecSelection(chosen) else { throw .noVoiceCodec }
        return selection
    }

    /// What a payload type in the answer means: its rtpmap, the static table, or (an answerer
    /// that left out the rtpmap of a dynamic type) what we offered under that number.
    private static func resolve(_ payloadType: UInt8, in media: MediaDescription,
                                fallback: [PayloadFormat]) -> PayloadFormat? {
        let parameters = media.formatParameters(for: String(payloadType))?.parameterText
        if let map = media.rtpMap(for: payloadType) { return PayloadFormat(rtpMap: map, formatParameters: parameters) }
        var format = PayloadFormat.staticAssignment(payloadType) ?? fallback.first { $0.payloadType == payloadType }
        format?.formatParameters = parameters
        return format
    }
}

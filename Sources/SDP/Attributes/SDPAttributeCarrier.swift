/// Typed reads of the attributes of a session or a media section. Both levels carry the same
/// kinds of attributes (RFC 8866 §5.13), and offer/answer often needs "the media's value, else
/// the session's" (Firefox puts `a=fingerprint` at session level, X-Lite its ICE credentials).
public protocol SDPAttributeCarrier {
    var attributes: [SDPAttribute] { get }
}

extension SDPAttributeCarrier {
    public var rtpMaps: [RTPMap] {
        attributes.compactMap { if case .rtpMap(let map) = $0 { map } else { nil } }
    }

    /// The rtpmap for `payloadType`; the first one wins if a peer repeats it.
    public func rtpMap(for payloadType: UInt8) -> RTPMap? {
        rtpMaps.first { $0.payloadType == payloadType }
    }

    public var formatParameters: [FormatParameters] {
        attributes.compactMap { if case .formatParameters(let fmtp) = $0 { fmtp } else { nil } }
    }

    /// The fmtp line for `format` (a payload type number as text for RTP).
    public func formatParameters(for format: String) -> FormatParameters? {
        formatParameters.first { $0.format == format }
    }

    public var packetTime: Double? {
        attributes.lazy.compactMap { if case .packetTime(let value) = $0 { value } else { nil } }.first
    }

    public var maximumPacketTime: Double? {
        attributes.lazy.compactMap { if case .maximumPacketTime(let value) = $0 { value } else { nil } }.first
    }

    /// The direction attribute, or `nil` when there is none (RFC 8866 §6.7 then means sendrecv,
    /// unless the session level says otherwise).
    public var direction: MediaDirection? {
        attributes.lazy.compactMap { if case .direction(let value) = $0 { value } else { nil } }.first
    }

    public var rtcp: RTCPAttribute? {
        attributes.lazy.compactMap { if case .rtcp(let value) = $0 { value } else { nil } }.first
    }

    public var hasRTCPMux: Bool { attributes.contains(.rtcpMux) }

    public var cryptos: [CryptoAttribute] {
        attributes.compactMap { if case .crypto(let value) = $0 { value } else { nil } }
    }

    public var fingerprints: [Fingerprint] {
        attributes.compactMap { if case .fingerprint(let value) = $0 { value } else { nil } }
    }

    public var setup: SetupRole? {
        attributes.lazy.compactMap { if case .setup(let value) = $0 { value } else { nil } }.first
    }

    public var iceUsernameFragment: String? {
        attributes.lazy.compactMap { if case .iceUsernameFragment(let value) = $0 { value } else { nil } }.first
    }

    public var icePassword: String? {
        attributes.lazy.compactMap { if case .icePassword(let value) = $0 { value } else { nil } }.first
    }

    public var iceOptions: [String] {
        var tags: [String] = []
        for case .iceOptions(let value) in attributes { tags += value }
        return tags
    }

    public var candidates: [ICECandidate] {
        attributes.compactMap { if case .candidate(let value) = $0 { value } else { nil } }
    }

    public var mid: String? {
        attributes.lazy.compactMap { if case .mid(let value) = $0 { value } else { nil } }.first
    }

    public var groups: [GroupAttribute] {
        attributes.compactMap { if case .group(let value) = $0 { value } else { nil } }
    }

    /// The values of every attribute called `name` (ignoring case), typed or not, as written
    /// to the wire: the generic way to read `ssrc`, `extmap`, `msid`, `rtcp-fb` and the rest.
    /// A property attribute contributes `nil`.
    public func attributeValues(named name: String) -> [String?] {
        let wanted = name.lowercased()
        return attributes.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Whether an attribute called `name` (ignoring case) is present.
    public func hasAttribute(named name: String) -> Bool {
        let wanted = name.lowercased()
        return attributes.contains { $0.name.lowercased() == wanted }
    }
}

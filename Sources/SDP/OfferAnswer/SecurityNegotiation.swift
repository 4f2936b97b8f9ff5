/// SRTP keying for one audio stream: SDES (RFC 4568) or DTLS-SRTP (RFC 5763), chosen against
/// the local `SRTPPolicy`.
///
/// When an offer carries both (early Chrome via JsSIP sent `RTP/SAVPF` with `a=crypto` and
/// `a=fingerprint`), SDES wins unless the profile is a DTLS one (`UDP/TLS/...`, where RFC 5764
/// leaves no room for SDES): SDES needs no handshake on the media path.
enum SecurityNegotiation {
    typealias NotAcceptable = NegotiationError.NotAcceptableReason
    typealias InvalidAnswer = NegotiationError.InvalidAnswerReason

    /// Our keying attributes for the answer and the resulting security.
    static func answer(_ offered: MediaDescription, in offer: SessionDescription,
                       capabilities: LocalMediaCapabilities) throws(NotAcceptable) -> ([SDPAttribute], MediaSecurity) {
        let transport = offered.transport
        guard capabilities.srtp != .off else {
            guard !transport.isSecure else { throw .noAcceptableKeying }
            return ([], .none)
        }
        if !transport.usesDTLS, let sdes = answerSDES(offered.cryptos, keys: capabilities.sdesKeys) {
            return sdes
        }
        // DTLS in a secure DTLS profile, or best effort in RTP/AVP (a fingerprint and a setup
        // role offered there, as our own `offersDTLS` optional offers do).
        if transport.isSecure || !offered.fingerprints.isEmpty || !offer.fingerprints.isEmpty,
           let dtls = try answerDTLS(offered, in: offer, identity: capabilities.dtls) {
            return dtls
        }
        if transport.isSecure { throw .noAcceptableKeying }
        if capabilities.srtp == .mandatory { throw .secureMediaRequired }
        return ([], .none)
    }

    /// The first offered crypto line (offerer's preference, RFC 4568 §7.1.1) whose suite we
    /// hold a key for and whose key we can use: inline, the suite's length, no session
    /// parameters (RFC 4568 §6.3: an answerer must refuse what it does not support).
    private static func answerSDES(_ offered: [CryptoAttribute], keys: [SDESKey]) -> ([SDPAttribute], MediaSecurity)? {
        for crypto in offered where crypto.sessionParameters.isEmpty {
            guard let local = keys.first(where: { $0.suite == crypto.suite }),
                  let remote = crypto.keyParameters.first, let remoteKey = usableKey(remote, suite: crypto.suite)
            else { continue }
            let line = CryptoAttribute(tag: crypto.tag, suite: crypto.suite,
                                       keyParameters: [SRTPKeyParameter(inlineKeySalt: local.keySalt)])
            let keying = SDESKeying(tag: crypto.tag, suite: crypto.suite, localKeySalt: local.keySalt,
                                    remoteKeySalt: remoteKey, remoteLifetime: remote.lifetime,
                                    remoteMasterKeyIdentifier: remote.masterKeyIdentifier)
            return ([.crypto(line)], .sdes(keying))
        }
        return nil
    }

    /// DTLS-SRTP answer (RFC 5763 §5): our fingerprints and a setup role opposite to the
    /// offerer's; `nil` when either side lacks a fingerprint.
    private static func answerDTLS(_ offered: MediaDescription, in offer: SessionDescription,
                                   identity: DTLSIdentity?) throws(NotAcceptable) -> ([SDPAttribute], MediaSecurity)? {
        let remoteFingerprints = offered.fingerprints.isEmpty ? offer.fingerprints : offered.fingerprints
        guard let identity, !identity.fingerprints.isEmpty, !remoteFingerprints.isEmpty else { return nil }
        let localSetup: SetupRole
        // RFC 4145 §4: an offer without a=setup means active.
        switch offered.setup ?? offer.setup ?? .active {
        case .actpass: localSetup = identity.answerSetup == .passive ? .passive : .active
        case .active: localSetup = .passive
        case .passive: localSetup = .active
        case .holdconn: throw .noAcceptableKeying
        }
        let keying = DTLSKeying(role: DTLSRole(localSetup: localSetup), remoteFingerprints: remoteFingerprints,
                                localFingerprints: identity.fingerprints)
        return (identity.fingerprints.map(SDPAttribute.fingerprint) + [.setup(localSetup)], .dtls(keying))
    }

    /// The key‖salt of an inline key of the right length for `suite`.
    static func usableKey(_ key: SRTPKeyParameter, suite: SRTPCryptoSuite) -> [UInt8]? {
        guard let bytes = key.keySaltBytes, let length = suite.keySaltLength, bytes.count == length else { return nil }
        return bytes
    }
}

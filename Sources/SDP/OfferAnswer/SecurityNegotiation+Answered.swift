extension SecurityNegotiation {
    /// The security an answer to our offer settles on (RFC 4568 §5.1.3, RFC 5763 §5): one
    /// crypto line echoing a tag and suite we offered, or the peer's fingerprint and setup.
    static func answered(_ answered: MediaDescription, in answer: SessionDescription,
                         offered: MediaDescription, in offer: SessionDescription) throws(InvalidAnswer) -> MediaSecurity {
        let answeredCryptos = answered.cryptos
        guard answeredCryptos.count <= 1 else { throw .multipleCryptoLines }
        if let crypto = answeredCryptos.first {
            return .sdes(try answeredSDES(crypto, offered: offered.cryptos))
        }
        let ourFingerprints = offered.fingerprints.isEmpty ? offer.fingerprints : offered.fingerprints
        let theirFingerprints = answered.fingerprints.isEmpty ? answer.fingerprints : answered.fingerprints
        if !ourFingerprints.isEmpty, !theirFingerprints.isEmpty {
            let localSetup: SetupRole
            // RFC 4145 §4: no a=setup means active.
            let remoteSetup = answered.setup ?? answer.setup ?? .active
            switch remoteSetup {
            case .active: localSetup = .passive
            case .passive: localSetup = .active
            case .actpass, .holdconn: throw .invalidSetupRole(remoteSetup)
            }
            return .dtls(DTLSKeying(role: DTLSRole(localSetup: localSetup), remoteFingerprints: theirFingerprints,
                                    localFingerprints: ourFingerprints))
        }
        guard !offered.transport.isSecure else { throw .missingKeying }
        return .none
    }

    private static func answeredSDES(_ crypto: CryptoAttribute, offered: [CryptoAttribute]) throws(InvalidAnswer) -> SDESKeying {
        guard let ours = offered.first(where: { $0.tag == crypto.tag }) else { throw .cryptoTagNotOffered(tag: crypto.tag) }
        guard ours.suite == crypto.suite else { throw .cryptoSuiteMismatch(tag: crypto.tag) }
        guard let remote = crypto.keyParameters.first, let remoteKey = usableKey(remote, suite: crypto.suite),
              let local = ours.keyParameters.first.flatMap({ usableKey($0, suite: ours.suite) })
        else { throw .invalidCryptoKey(tag: crypto.tag) }
        return SDESKeying(tag: crypto.tag, suite: crypto.suite, localKeySalt: local, remoteKeySalt: remoteKey,
                          remoteLifetime: remote.lifetime, remoteMasterKeyIdentifier: remote.masterKeyIdentifier)
    }
}

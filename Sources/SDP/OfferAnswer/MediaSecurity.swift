/// How the negotiated audio is protected, with the key material or DTLS parameters the media
/// layer hands to libsrtp or to the DTLS handshake.
public enum MediaSecurity: Sendable, Hashable {
    /// Plain RTP.
    case none
    /// SRTP keyed by SDES (RFC 4568): both keys are known now.
    case sdes(SDESKeying)
    /// SRTP keyed by a DTLS handshake on the media path (RFC 5763/5764).
    case dtls(DTLSKeying)
}

/// The keys of an SDES exchange (RFC 4568 §6.1): ours protects what we send, the peer's what
/// we receive.
public struct SDESKeying: Sendable, Hashable {
    /// The tag of the accepted `a=crypto` line, shared by offer and answer.
    public var tag: UInt32
    public var suite: SRTPCryptoSuite
    /// Master key ‖ salt we send with.
    public var localKeySalt: [UInt8]
    /// Master key ‖ salt the peer sends with.
    public var remoteKeySalt: [UInt8]
    public var remoteLifetime: SRTPKeyLifetime?
    public var remoteMasterKeyIdentifier: SRTPMasterKeyIdentifier?

    public init(tag: UInt32, suite: SRTPCryptoSuite, localKeySalt: [UInt8], remoteKeySalt: [UInt8],
                remoteLifetime: SRTPKeyLifetime? = nil, remoteMasterKeyIdentifier: SRTPMasterKeyIdentifier? = nil) {
        self.tag = tag
        self.suite = suite
        self.localKeySalt = localKeySalt
        self.remoteKeySalt = remoteKeySalt
        self.remoteLifetime = remoteLifetime
        self.remoteMasterKeyIdentifier = remoteMasterKeyIdentifier
    }
}

/// The parameters of a DTLS-SRTP exchange (RFC 5763 §5).
public struct DTLSKeying: Sendable, Hashable {
    /// Which side of the handshake we play: `a=setup:active` makes us the client.
    public var role: DTLSRole
    /// The certificate fingerprints the peer's DTLS certificate must match.
    public var remoteFingerprints: [Fingerprint]
    /// Our fingerprints as announced.
    public var localFingerprints: [Fingerprint]

    public init(role: DTLSRole, remoteFingerprints: [Fingerprint], localFingerprints: [Fingerprint]) {
        self.role = role
        self.remoteFingerprints = remoteFingerprints
        self.localFingerprints = localFingerprints
    }
}

/// DTLS handshake role, from `a=setup` (RFC 4145 §4, RFC 5763 §5).
public enum DTLSRole: Sendable, Hashable {
    /// We send the ClientHello (our setup is `active`).
    case client
    /// We wait for it (our setup is `passive`).
    case server

    init(localSetup: SetupRole) {
        self = localSetup == .active ? .client : .server
    }
}

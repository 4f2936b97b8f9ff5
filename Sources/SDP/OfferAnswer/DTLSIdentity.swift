/// Our DTLS certificate's fingerprints (RFC 8122), for DTLS-SRTP (RFC 5763/5764).
public struct DTLSIdentity: Sendable, Hashable {
    public var fingerprints: [Fingerprint]
    /// Our role when an offer leaves the choice to us (`actpass`); RFC 5763 §5 recommends active.
    public var answerSetup: SetupRole

    public init(fingerprints: [Fingerprint], answerSetup: SetupRole = .active) {
        self.fingerprints = fingerprints
        self.answerSetup = answerSetup
    }
}

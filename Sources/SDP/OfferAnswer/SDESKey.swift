/// One local SDES master key (RFC 4568 §6.1) for one suite. The bytes are the master key
/// followed by the master salt, drawn by the caller from the system CSPRNG: this module never
/// makes keys, so it never has to be trusted with randomness.
public struct SDESKey: Sendable, Hashable {
    public var suite: SRTPCryptoSuite
    public var keySalt: [UInt8]

    public init(suite: SRTPCryptoSuite, keySalt: [UInt8]) {
        self.suite = suite
        self.keySalt = keySalt
    }
}

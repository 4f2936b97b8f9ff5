import SDP

/// The SRTP master keys a DTLS-SRTP handshake produced (RFC 5764 §4.2), already assigned to
/// directions: we send with `local`, the peer with `remote`. Its description names only the
/// profile: keys never reach a log or an event.
public struct DTLSSRTPKeys: Sendable, Hashable, CustomStringConvertible {
    public let suite: SRTPCryptoSuite
    let localKeySalt: [UInt8]
    let remoteKeySalt: [UInt8]

    /// The `use_srtp` profiles we offer, in our order of preference, as OpenSSL names them
    /// (RFC 5764 §4.1.2, RFC 7714 §14.2), with the SRTP suite each one keys.
    static let profiles: [(name: String, suite: SRTPCryptoSuite)] = [
        ("SRTP_AEAD_AES_256_GCM", .aeadAES256GCM),
        ("SRTP_AEAD_AES_128_GCM", .aeadAES128GCM),
        ("SRTP_AES128_CM_SHA1_80", .aesCM128HMACSHA1_80),
        ("SRTP_AES128_CM_SHA1_32", .aesCM128HMACSHA1_32),
    ]

    static var profileList: String { profiles.map(\.name).joined(separator: ":") }

    static func suite(forProfile name: String) -> SRTPCryptoSuite? {
        profiles.first { $0.name == name }?.suite
    }

    /// How many bytes to export for `suite`: two keys and two salts.
    static func exportLength(for suite: SRTPCryptoSuite) -> Int? {
        suite.keySaltLength.map { $0 * 2 }
    }

    /// RFC 5764 §4.2: the exporter output is client key ‖ server key ‖ client salt ‖ server
    /// salt; the client writes with the client key and salt.
    init?(suite: SRTPCryptoSuite, exported material: [UInt8], weAreClient: Bool) {
        guard let keyLength = suite.masterKeyLength, let saltLength = suite.masterSaltLength,
              material.count == 2 * (keyLength + saltLength) else { return nil }
        let clientKey = material[0..<keyLength]
        let serverKey = material[keyLength..<2 * keyLength]
        let clientSalt = material[2 * keyLength..<2 * keyLength + saltLength]
        let serverSalt = material[(2 * keyLength + saltLength)...]
        let client = Array(clientKey + clientSalt)
        let server = Array(serverKey + serverSalt)
        self.suite = suite
        localKeySalt = weAreClient ? client : server
        remoteKeySalt = weAreClient ? server : client
    }

    public var description: String { "DTLS-SRTP keys (\(suite))" }

    /// The libsrtp sessions for both directions.
    public func makeSession() throws(SRTPContext.Failure) -> SRTPSession {
        try SRTPSession(suite: suite, localKeySalt: localKeySalt, remoteKeySalt: remoteKeySalt)
    }
}

import CShim
import CSRTP
import SDP

/// One direction of SRTP/SRTCP (RFC 3711) through libsrtp2: an outbound context protects what
/// we send with our key, an inbound one checks and decrypts what the peer sends with its key.
/// Not thread-safe: one context belongs to one call's event loop.
public final class SRTPContext {
    public enum Direction: Sendable { case outbound, inbound }

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case unsupportedSuite(String)
        case badKeyLength(expected: Int, got: Int)
        case library(operation: String, status: Int32)

        public var description: String {
            switch self {
            case .unsupportedSuite(let name): "unsupported SRTP suite \(name)"
            case .badKeyLength(let expected, let got): "SRTP key and salt of \(got) bytes, expected \(expected)"
            // The key never appears in a message.
            case .library(let operation, let status): "\(operation) failed (srtp_err_status \(status))"
            }
        }
    }

    public let suite: SRTPCryptoSuite
    public let direction: Direction
    private var session: srtp_t?

    /// libsrtp keeps global tables (crypto kernel); `srtp_init` must run once per process.
    /// Then its AES-ICM and HMAC-SHA1 come from OpenSSL (`dt_srtp_use_openssl`, CShim): Debian's
    /// libsrtp2 uses NSS, which sets up a new context per packet and cost more CPU than the
    /// rest of an SRTP call's media path. libsrtp checks them against its test vectors first.
    private static let initialized: Int32 = {
        let status = Int32(bitPattern: UInt32(srtp_init().rawValue))
        return status == 0 ? dt_srtp_use_openssl() : status
    }()

    public init(suite: SRTPCryptoSuite, keySalt: [UInt8], direction: Direction) throws(Failure) {
        guard Self.initialized == 0 else { throw .library(operation: "srtp_init", status: Self.initialized) }
        guard let expected = suite.keySaltLength else { throw .unsupportedSuite(suite.description) }
        guard keySalt.count == expected else { throw .badKeyLength(expected: expected, got: keySalt.count) }
        self.suite = suite
        self.direction = direction
        var policy = srtp_policy_t()
        Self.setPolicy(suite, rtp: &policy.rtp, rtcp: &policy.rtcp)
        policy.ssrc.type = direction == .outbound ? ssrc_any_outbound : ssrc_any_inbound
        // RFC 3711 §3.3.2: a window of 128 tolerates the reordering real networks produce.
        policy.window_size = 128
        policy.allow_repeat_tx = 0
        var key = keySalt
        let status = key.withUnsafeMutableBufferPointer { buffer in
            policy.key = buffer.baseAddress
            return srtp_create(&session, &policy)
        }
        // Scrub our copy; libsrtp has expanded the key into its own context.
        for index in key.indices { key[index] = 0 }
        guard status == srtp_err_status_ok else { throw .library(operation: "srtp_create", status: Int32(bitPattern: UInt32(status.rawValue))) }
    }

    deinit {
        if let session { srtp_dealloc(session) }
    }

    /// RFC 4568 §6.2: the _32 suites shorten only the SRTP tag; SRTCP keeps the 80-bit one.
    /// RFC 7714 §14.2: the AEAD suites use a 16-octet tag for both.
    private static func setPolicy(_ suite: SRTPCryptoSuite, rtp: inout srtp_crypto_policy_t, rtcp: inout srtp_crypto_policy_t) {
        switch suite {
        case .aesCM128HMACSHA1_80:
            srtp_crypto_policy_set_rtp_default(&rtp)
            srtp_crypto_policy_set_rtp_default(&rtcp)
        case .aesCM128HMACSHA1_32:
            srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(&rtp)
            srtp_crypto_policy_set_rtp_default(&rtcp)
        case .aes256CMHMACSHA1_80:
            srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&rtp)
            srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&rtcp)
        case .aes256CMHMACSHA1_32:
            srtp_crypto_policy_set_aes_cm_256_hmac_sha1_32(&rtp)
            srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(&rtcp)
        case .aeadAES128GCM:
            srtp_crypto_policy_set_aes_gcm_128_16_auth(&rtp)
            srtp_crypto_policy_set_aes_gcm_128_16_auth(&rtcp)
        case .aeadAES256GCM:
            srtp_crypto_policy_set_aes_gcm_256_16_auth(&rtp)
            srtp_crypto_policy_set_aes_gcm_256_16_auth(&rtcp)
        case .other:
            break  // refused by keySaltLength before this is reached
        }
    }

    /// Encrypts and authenticates an RTP packet; nil if libsrtp refuses it.
    public func protectRTP(_ packet: [UInt8]) -> [UInt8]? { run(packet, rtcp: false, protect: true) }
    public func protectRTCP(_ packet: [UInt8]) -> [UInt8]? { run(packet, rtcp: true, protect: true) }
    /// Checks and decrypts; nil for a forged, tampered, replayed or malformed packet.
    public func unprotectRTP(_ packet: [UInt8]) -> [UInt8]? { run(packet, rtcp: false, protect: false) }
    public func unprotectRTCP(_ packet: [UInt8]) -> [UInt8]? { run(packet, rtcp: true, protect: false) }

    /// SRTP_MAX_TRAILER_LEN: tag, MKI and SRTCP index that protecting may append.
    static let maximumTrailer = 144

    /// Encrypts and authenticates the RTP packet in `packet` where it is: the tag is appended,
    /// so a buffer kept with `maximumTrailer` spare capacity protects with no allocation. On
    /// failure (libsrtp refuses it) the packet is left clear and false returned: never send it.
    public func protectRTP(inPlace packet: inout [UInt8]) -> Bool {
        let count = packet.count
        guard count >= 12, count <= 8192 else { return false }
        packet.append(contentsOf: repeatElement(0, count: Self.maximumTrailer))
        var length = Int32(count)
        let status = packet.withUnsafeMutableBytes { srtp_protect(session, $0.baseAddress, &length) }
        guard status == srtp_err_status_ok, length >= count, Int(length) <= packet.count else {
            packet.removeLast(packet.count - count)
            return false
        }
        packet.removeLast(packet.count - Int(length))
        return true
    }

    /// Checks and decrypts the SRTP packet in `bytes` where it is (the receive buffer); the
    /// clear packet's length (it starts at the same place), or nil for a forged, tampered,
    /// replayed or malformed packet.
    public func unprotectRTP(inPlace bytes: UnsafeMutableRawBufferPointer) -> Int? {
        guard bytes.count >= 12, bytes.count <= 8192 else { return nil }
        var length = Int32(bytes.count)
        let status = srtp_unprotect(session, bytes.baseAddress, &length)
        guard status == srtp_err_status_ok, length >= 0, Int(length) <= bytes.count else { return nil }
        return Int(length)
    }

    private func run(_ packet: [UInt8], rtcp: Bool, protect: Bool) -> [UInt8]? {
        guard packet.count >= (rtcp ? 8 : 12), packet.count <= 8192 else { return nil }
        // SRTP_MAX_TRAILER_LEN (tag + MKI + SRTCP index) of room for protect to grow into.
        var buffer = packet + [UInt8](repeating: 0, count: protect ? 144 : 0)
        var length = Int32(packet.count)
        let status = buffer.withUnsafeMutableBytes { bytes -> srtp_err_status_t in
            switch (rtcp, protect) {
            case (false, true): srtp_protect(session, bytes.baseAddress, &length)
            case (true, true): srtp_protect_rtcp(session, bytes.baseAddress, &length)
            case (false, false): srtp_unprotect(session, bytes.baseAddress, &length)
            case (true, false): srtp_unprotect_rtcp(session, bytes.baseAddress, &length)
            }
        }
        guard status == srtp_err_status_ok, length >= 0, Int(length) <= buffer.count else { return nil }
        buffer.removeLast(buffer.count - Int(length))
        return buffer
    }
}

/// Both directions of an SRTP session, keyed by SDES (RFC 4568 §6.1) or DTLS (RFC 5764 §4.2).
public struct SRTPSession {
    public let outbound: SRTPContext
    public let inbound: SRTPContext

    public init(_ keying: SDESKeying) throws(SRTPContext.Failure) {
        try self.init(suite: keying.suite, localKeySalt: keying.localKeySalt, remoteKeySalt: keying.remoteKeySalt)
    }

    /// From keys known some other way (a DTLS-SRTP exporter, RFC 5764 §4.2).
    public init(suite: SRTPCryptoSuite, localKeySalt: [UInt8], remoteKeySalt: [UInt8]) throws(SRTPContext.Failure) {
        outbound = try SRTPContext(suite: suite, keySalt: localKeySalt, direction: .outbound)
        inbound = try SRTPContext(suite: suite, keySalt: remoteKeySalt, direction: .inbound)
    }

    /// Fresh key‖salt for each suite we offer, from the system CSPRNG (never a seeded generator).
    public static func makeKeys(for suites: [SRTPCryptoSuite]) -> [SDESKey] {
        var generator = SystemRandomNumberGenerator()
        return suites.compactMap { suite in
            guard let length = suite.keySaltLength else { return nil }
            return SDESKey(suite: suite, keySalt: (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
    }

    /// Our order of preference: the AEAD suites, then the AES-CM ones every peer has.
    public static let offeredSuites: [SRTPCryptoSuite] = [.aeadAES256GCM, .aeadAES128GCM, .aesCM128HMACSHA1_80, .aesCM128HMACSHA1_32]
}

import CShim
import CSRTP
import MediaEngine
import SDP
import Testing
import TestSupport

/// RFC 7714 §16–17's AES-GCM vectors start from the session key and salt, after key derivation,
/// and libsrtp's packet functions take only master keys; so they are checked one level down, on
/// the cipher libsrtp has registered for each AEAD suite: our OpenSSL one (CShim), given the IV
/// and AAD exactly as libsrtp forms them (RFC 7714 §8.1, §9.1). The suites' packet layout,
/// replay list and key derivation are libsrtp's and are covered by the round-trip tests and the
/// baresip calls.
@Suite("SRTP AES-GCM (RFC 7714 vectors)")
struct SRTPAEADVectorTests {
    @Test("SRTP: AEAD_AES_128_GCM and AEAD_AES_256_GCM seal and open RFC 7714 §16's packet; a flipped bit is refused",
          arguments: [(SRTPCryptoSuite.aeadAES128GCM, "128"), (.aeadAES256GCM, "256")])
    func rtpVectors(suite: SRTPCryptoSuite, bits: String) throws {
        let v = try GCMVectors()
        let cipher = try GCMCipher(suite: suite, key: v.key(bits), salt: v.salt)
        #expect(cipher.description == "AES-\(bits) GCM (OpenSSL, Dialtone)")
        let packet = try v["rtp_packet"]
        let header = Array(packet[0..<12])
        let sealed = try cipher.seal(iv: v["rtp_iv"], aad: [header], plaintext: Array(packet[12...]))
        #expect(header + sealed == (try v["srtp_aead_aes_\(bits)_gcm_encrypted"]))

        #expect(try cipher.open(iv: v["rtp_iv"], aad: [header], sealed: sealed) == Array(packet[12...]))
        var tampered = sealed
        tampered[3] ^= 0x01
        #expect(try cipher.open(iv: v["rtp_iv"], aad: [header], sealed: tampered) == nil)
        var wrongHeader = header
        wrongHeader[1] ^= 0x01
        #expect(try cipher.open(iv: v["rtp_iv"], aad: [wrongHeader], sealed: sealed) == nil, "the header is authenticated")
    }

    /// SRTCP passes its AAD in two pieces: the first 8 octets and the E flag with the index
    /// (RFC 7714 §9.1); the trailer follows the tag on the wire (§17.1).
    @Test("SRTCP: RFC 7714 §17's packet, with the AAD in two pieces", arguments: [(SRTPCryptoSuite.aeadAES128GCM, "128"), (.aeadAES256GCM, "256")])
    func rtcpVectors(suite: SRTPCryptoSuite, bits: String) throws {
        let v = try GCMVectors()
        let cipher = try GCMCipher(suite: suite, key: v.key(bits), salt: v.salt)
        let packet = try v["rtcp_packet"]
        let trailer: [UInt8] = [0x80, 0x00, 0x05, 0xd4]  // E = 1, SRTCP index 0x5d4
        let aad = [Array(packet[0..<8]), trailer]
        let sealed = try cipher.seal(iv: v["rtcp_iv"], aad: aad, plaintext: Array(packet[8...]))
        #expect(Array(packet[0..<8]) + sealed + trailer == (try v["srtcp_aead_aes_\(bits)_gcm_encrypted"]))
        #expect(try cipher.open(iv: v["rtcp_iv"], aad: aad, sealed: sealed) == Array(packet[8...]))
        #expect(try cipher.open(iv: v["rtcp_iv"], aad: [Array(packet[0..<8]), [0x80, 0x00, 0x05, 0xd5]], sealed: sealed) == nil,
                "the index is authenticated")
    }
}

/// `Tests/Fixtures/media/srtp/rfc7714-vectors-compact.txt`, looked up by name.
private struct GCMVectors {
    private let values: [String: [UInt8]]

    init() throws { values = try srtpVectors("rfc7714-vectors-compact.txt") }

    subscript(name: String) -> [UInt8] {
        get throws { try #require(values[name], "no \(name) in the vectors") }
    }

    func key(_ bits: String) throws -> [UInt8] { try self["key_\(bits)"] }
    var salt: [UInt8] { get throws { try self["salt"] } }
}

/// The cipher libsrtp registered for an AEAD suite, driven through its function table as
/// libsrtp's srtp.c drives it: set the IV, give the AAD, encrypt, take the tag; or set the IV,
/// give the AAD and decrypt ciphertext followed by tag.
private final class GCMCipher {
    private let type: srtp_cipher_type_t
    private let cipher: UnsafeMutablePointer<srtp_cipher_t>
    static let tagLength = 16

    init(suite: SRTPCryptoSuite, key: [UInt8], salt: [UInt8]) throws {
        // Creating a context initializes libsrtp and registers our ciphers in its kernel.
        _ = try SRTPContext(suite: suite, keySalt: key + salt, direction: .outbound)
        let id = suite == .aeadAES256GCM ? SRTP_AES_GCM_256 : SRTP_AES_GCM_128
        let registered = try #require(dt_srtp_cipher_type(id))
        type = registered.assumingMemoryBound(to: srtp_cipher_type_t.self).pointee
        var made: UnsafeMutablePointer<srtp_cipher_t>?
        #expect(type.alloc(&made, Int32(key.count + salt.count), Int32(Self.tagLength)) == srtp_err_status_ok)
        cipher = try #require(made)
        let keySalt = key + salt
        #expect(type.`init`(cipher.pointee.state, keySalt) == srtp_err_status_ok)
    }

    deinit { _ = type.dealloc(cipher) }

    var description: String { String(cString: type.description) }

    func seal(iv: [UInt8], aad: [[UInt8]], plaintext: [UInt8]) throws -> [UInt8] {
        try start(iv: iv, direction: srtp_direction_encrypt, aad: aad)
        var buffer = plaintext + [UInt8](repeating: 0, count: Self.tagLength)
        var length = UInt32(plaintext.count)
        try check(type.encrypt(cipher.pointee.state, &buffer, &length))
        var tagLength = UInt32(0)
        try buffer.withUnsafeMutableBufferPointer { bytes in
            try check(type.get_tag(cipher.pointee.state, bytes.baseAddress! + plaintext.count, &tagLength))
        }
        #expect(length == UInt32(plaintext.count) && tagLength == UInt32(Self.tagLength))
        return buffer
    }

    /// The plaintext, or nil when the tag does not match.
    func open(iv: [UInt8], aad: [[UInt8]], sealed: [UInt8]) throws -> [UInt8]? {
        try start(iv: iv, direction: srtp_direction_decrypt, aad: aad)
        var buffer = sealed
        var length = UInt32(sealed.count)
        let status = type.decrypt(cipher.pointee.state, &buffer, &length)
        if status == srtp_err_status_auth_fail { return nil }
        try check(status)
        return Array(buffer[0..<Int(length)])
    }

    private func start(iv: [UInt8], direction: srtp_cipher_direction_t, aad: [[UInt8]]) throws {
        var iv = iv
        try check(type.set_iv(cipher.pointee.state, &iv, direction))
        for piece in aad { try check(type.set_aad(cipher.pointee.state, piece, UInt32(piece.count))) }
    }

    private func check(_ status: srtp_err_status_t?) throws {
        try #require(status == srtp_err_status_ok, "libsrtp cipher status \(String(describing: status))")
    }
}

import CShim
import Foundation
import Testing

/// Each system library Dialtone binds is linked and answers with the version Debian 12 ships.
/// A failure here means a module map, a shim or an install step is wrong, not a SIP bug.
@Suite struct SystemLibrariesTests {
    private func version(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: strlen(pointer))
            .map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func ncursesIsLinked() { #expect(version(dt_ncurses_version()).hasPrefix("ncurses 6.")) }
    @Test func libpulseIsLinked() { #expect(version(dt_pulse_library_version()).hasPrefix("16.")) }
    @Test func libsrtp2IsLinked() { #expect(version(dt_srtp_version()).hasPrefix("libsrtp2 2.")) }
    @Test func opusIsLinked() { #expect(version(dt_opus_version()).hasPrefix("libopus 1.")) }
    @Test func openSSLIsLinked() { #expect(version(dt_openssl_version()).hasPrefix("OpenSSL 3.")) }

    @Test func digestByNameUsesLibcrypto() {
        var out = [UInt8](repeating: 0, count: 64)
        let input = Array("abc".utf8)
        let length = dt_digest("SHA256", input, input.count, &out)
        #expect(length == 32)
        let hex = out.prefix(32).map { String(format: "%02x", $0) }.joined()
        #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(dt_digest("NO-SUCH-DIGEST", input, input.count, &out) == -1)
    }
}

import Foundation
import MediaEngine
import SDP
import Testing
import TestSupport

/// `key: hexvalue  # comment` lines of the vector files in Tests/Fixtures/media/srtp.
func srtpVectors(_ name: String) throws -> [String: [UInt8]] {
    let text = String(decoding: try Fixtures.bytes("media/srtp/\(name)"), as: UTF8.self)
    var result: [String: [UInt8]] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let parts = line.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { continue }
        let hex = parts[1].split(separator: "#")[0].trimmingCharacters(in: .whitespaces)
        guard hex.count % 2 == 0, hex.allSatisfy(\.isHexDigit) else { continue }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        result[String(parts[0])] = bytes
    }
    return result
}

@Suite("SRTP")
struct SRTPTests {
    @Test("libsrtp's reference packets: AES_CM_128_HMAC_SHA1_80 for RTP and RTCP")
    func libsrtpReference() throws {
        let v = try srtpVectors("libsrtp-reference-packets.txt")
        let keySalt = try #require(v["master_key"]) + (try #require(v["master_salt"]))
        let out = try SRTPContext(suite: .aesCM128HMACSHA1_80, keySalt: keySalt, direction: .outbound)
        #expect(out.protectRTP(try #require(v["rtp_plain"])) == v["srtp"])
        #expect(out.protectRTCP(try #require(v["rtcp_plain"])) == v["srtcp"])
        let into = try SRTPContext(suite: .aesCM128HMACSHA1_80, keySalt: keySalt, direction: .inbound)
        #expect(into.unprotectRTP(try #require(v["srtp"])) == v["rtp_plain"])
        #expect(into.unprotectRTCP(try #require(v["srtcp"])) == v["rtcp_plain"])
    }

    // RFC 7714's AES-GCM vectors are checked on the cipher itself (SRTPAEADVectorTests): they
    // start from session keys, and libsrtp's packet functions take only master keys.

    @Test("every suite round-trips; a tampered or replayed packet is refused", arguments: SRTPSession.offeredSuites + [.aes256CMHMACSHA1_80])
    func roundTrip(suite: SRTPCryptoSuite) throws {
        let key = SRTPSession.makeKeys(for: [suite])[0]
        let out = try SRTPContext(suite: suite, keySalt: key.keySalt, direction: .outbound)
        let into = try SRTPContext(suite: suite, keySalt: key.keySalt, direction: .inbound)
        let packet: [UInt8] = [0x80, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0xca, 0xfe, 0xba, 0xbe] + Array(repeating: 0x55, count: 160)
        let protected = try #require(out.protectRTP(packet))
        #expect(protected.count > packet.count && protected[12..<172] != packet[12..<172])
        var tampered = protected
        tampered[20] ^= 1
        #expect(into.unprotectRTP(tampered) == nil)
        #expect(into.unprotectRTP(protected) == packet)
        #expect(into.unprotectRTP(protected) == nil, "replay")
        #expect(into.unprotectRTP([1, 2, 3]) == nil)
    }

    @Test("keys come fresh from the CSPRNG and bad keys are refused without echoing them")
    func keys() throws {
        let a = SRTPSession.makeKeys(for: SRTPSession.offeredSuites)
        let b = SRTPSession.makeKeys(for: SRTPSession.offeredSuites)
        #expect(a.map(\.keySalt.count) == [44, 28, 30, 30])
        #expect(a != b)
        let bad = [UInt8](repeating: 0xAB, count: 5)
        #expect { try SRTPContext(suite: .aesCM128HMACSHA1_80, keySalt: bad, direction: .outbound) } throws: {
            "\($0)" == "SRTP key and salt of 5 bytes, expected 30" && !"\($0)".lowercased().contains("abab")
        }
        #expect(throws: SRTPContext.Failure.self) { try SRTPContext(suite: .other("F8_128_HMAC_SHA1_80"), keySalt: bad, direction: .inbound) }
    }
}

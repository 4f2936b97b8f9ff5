import SIPSyntax
import Testing
import TestSupport

/// Mutated corpus through every entry point: nothing may trap, errors are only thrown.
/// (A seeded generator keeps failures reproducible; a crasher becomes a fixed test case.)
@Suite struct FuzzRobustnessTests {
    /// SplitMix64 (TestSupport): seeded, so every run draws the same values.
    typealias SeededGenerator = SplitMix64

    static func corpus() throws -> [[UInt8]] {
        var files = try Fixtures.files(in: "rfc4475", withExtension: "dat").map { "rfc4475/\($0)" }
        files += try Fixtures.files(in: "rfc5118", withExtension: "dat").map { "rfc5118/\($0)" }
        files += try Fixtures.files(in: "sip-real", withExtension: "sip").map { "sip-real/\($0)" }
        return try files.map { try Fixtures.bytes($0) }
    }

    /// Runs every consumer of untrusted bytes; returns whether the datagram parsed.
    @discardableResult
    static func exercise(_ bytes: [UInt8]) -> Bool {
        var framer = SIPStreamFramer()
        _ = try? framer.feed(bytes)
        guard let message = try? SIPMessageParser.parse(datagram: bytes) else { return false }
        _ = SIPMessageValidator.faults(in: message)
        let headers = message.headers
        _ = try? headers.via
        _ = try? headers.from
        _ = try? headers.to
        _ = try? headers.contact
        _ = try? headers.route
        _ = try? headers.cseq
        _ = try? headers.contentType
        _ = try? headers.event
        for field in headers { _ = try? SIPAddress.parse(field.value, mode: .strict) }
        _ = try? SIPMessageParser.parse(datagram: message.serialized())
        return true
    }

    /// One message of each shape: folding and compact forms, binary multipart, escapes,
    /// IPv6, and a real SDP INVITE with Record-Route.
    static let truncated = [
        "rfc4475/wsinv.dat", "rfc4475/mpart01.dat", "rfc4475/esc01.dat",
        "rfc5118/via-received-param-with-delim.dat", "sip-real/invite_freeswitch_b2bua_remote_party_id.sip",
    ]

    @Test func truncationAtEveryOffset() throws {
        var parsed = 0, total = 0
        for file in Self.truncated {
            let bytes = try Fixtures.bytes(file)
            for end in 0...bytes.count {
                total += 1
                if Self.exercise(Array(bytes[..<end])) { parsed += 1 }
            }
        }
        #expect(total > 2_500)
        #expect(parsed > 0 && parsed < total)
    }

    @Test func bitFlips() throws {
        var generator = SeededGenerator(state: 4475)
        var parsed = 0, total = 0
        for bytes in try Self.corpus() {
            for _ in 0..<6 {
                var mutated = bytes
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let index = Int.random(in: 0..<mutated.count, using: &generator)
                    mutated[index] ^= 1 << UInt8.random(in: 0...7, using: &generator)
                }
                total += 1
                if Self.exercise(mutated) { parsed += 1 }
            }
        }
        #expect(parsed > 0 && parsed < total)
    }

    @Test func randomBytesFromASIPishAlphabet() {
        var generator = SeededGenerator(state: 5118)
        let alphabet = Array("SIP/2.0 INVITE sip:a@[::1]:5060;<>\"\\,=?&%0Zz\r\n\t Via: v: To: f: CSeq: l: 5 Contact: *".utf8) + [0, 0x80, 0xFF]
        for _ in 0..<250 {
            let count = Int.random(in: 0...400, using: &generator)
            var bytes = (0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            if Bool.random(using: &generator) { bytes = Array("OPTIONS sip:a@b SIP/2.0\r\n".utf8) + bytes + [0x0D, 0x0A, 0x0D, 0x0A] }
            Self.exercise(bytes)
            for chunk in [1, 7] {
                var framer = SIPStreamFramer()
                var offset = 0
                while offset < bytes.count {
                    let end = min(bytes.count, offset + chunk)
                    guard (try? framer.feed(bytes[offset..<end])) != nil else { break }
                    offset = end
                }
            }
        }
    }

    /// Former crashers and edge shapes, kept as regression cases.
    @Test(arguments: [
        "", "\r", "\r\n", "\r\n\r\n", "SIP/2.0", "SIP/2.0 200", "INVITE", "INVITE sip:a@b SIP/2.0\r\nVia:\r\n\r\n",
        "INVITE sip:[ SIP/2.0\r\n\r\n", "INVITE sip:a@[::1 SIP/2.0\r\n\r\n", "INVITE <> SIP/2.0\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nTo: \"\\\r\n\r\n", "INVITE sip:a@b SIP/2.0\r\nContact: <\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nl: 99999999999999999999999\r\n\r\n", "INVITE sip:%\r\n\r\n",
    ])
    func edgeShapesDoNotTrap(text: String) {
        Self.exercise(Array(text.utf8))
    }
}

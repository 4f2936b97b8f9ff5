import SIPSyntax
import Testing
import TestSupport

/// Every input under Tests/Fixtures/fuzz-regressions/sip/ held to the FuzzSIP invariants: the
/// parser, framer, validator and typed headers never trap, what parses round-trips, and framing
/// does not depend on how the stream was split.
@Suite struct FuzzRegressionTests {
    static let inputs = (try? Fixtures.files(in: "fuzz-regressions/sip", withExtension: "sip")) ?? []

    @Test func theCorpusIsPresent() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs)
    func inputKeepsTheInvariants(_ name: String) throws {
        let bytes = try Fixtures.bytes("fuzz-regressions/sip/\(name)")
        if let message = try? SIPMessageParser.parse(datagram: bytes) {
            _ = try? SIPMessageValidator.validate(message)
            _ = try? message.headers.via
            _ = try? message.headers.contact
            _ = try? message.headers.from
            #expect(try SIPMessageParser.parse(datagram: message.serialized()) == message)
        }
        for split in [0, 1, bytes.count / 2, bytes.count] {
            #expect(frame([bytes[...]]) == frame([bytes[..<split], bytes[split...]]))
        }
    }

    private func frame(_ chunks: [ArraySlice<UInt8>]) -> [SIPMessage] {
        var framer = SIPStreamFramer()
        var messages: [SIPMessage] = []
        for chunk in chunks {
            framer.append(chunk)
            while let event = try? framer.next() {
                if case .message(let message) = event { messages.append(message) }
            }
        }
        return messages
    }
}

import SDP
import Testing
import TestSupport

/// Every input under Tests/Fixtures/fuzz-regressions/sdp/ held to the FuzzSDP invariants: no
/// trap, what parses round-trips, and answering it never traps.
@Suite struct FuzzRegressionTests {
    static let inputs = (try? Fixtures.files(in: "fuzz-regressions/sdp", withExtension: "sdp")) ?? []

    @Test func theCorpusIsPresent() {
        #expect(Self.inputs.count >= 5)
    }

    @Test(arguments: inputs)
    func inputKeepsTheInvariants(_ name: String) throws {
        let bytes = try Fixtures.bytes("fuzz-regressions/sdp/\(name)")
        guard let session = try? SessionDescription.parse(bytes) else { return }
        #expect(try SessionDescription.parse(session.serialized()) == session)
        let capabilities = LocalMediaCapabilities(address: "127.0.0.1", rtpPort: 40000)
        let origin = Origin(sessionID: "1", sessionVersion: "1", addressType: .ipv4, address: "127.0.0.1")
        _ = try? OfferAnswer.makeAnswer(to: session, capabilities: capabilities, origin: origin)
    }
}

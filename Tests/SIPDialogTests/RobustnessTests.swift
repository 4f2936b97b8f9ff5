import SIPSyntax
import TestSupport
import Testing
@testable import SIPDialog

/// Whatever parses as SIP must never crash a session, in any phase: every RFC 4475 torture
/// message and every real-world message of the fixtures is fed to an idle session, a ringing
/// outgoing call and an established call.
@Suite struct RobustnessTests {
    static func corpus() throws -> [SIPMessage] {
        var messages: [SIPMessage] = []
        for (directory, ext) in [("rfc4475", "dat"), ("sip-real", "sip")] {
            for name in try Fixtures.files(in: directory, withExtension: ext) {
                if let message = try? SIPMessageParser.parse(datagram: try Fixtures.bytes("\(directory)/\(name)")) {
                    messages.append(message)
                }
            }
        }
        return messages
    }

    @Test func fixturesNeverCrashAnyPhase() throws {
        let messages = try Self.corpus()
        #expect(messages.count > 40)
        for message in messages {
            var idle = Party.session()
            var outgoing = Party.session()
            _ = outgoing.start(target: Party.bob)
            var (established, _, _) = try Established.incoming()
            for index in 0..<3 {
                var session = [idle, outgoing, established][index]
                let actions: [CallAction]
                switch message {
                case .request(let request): actions = session.receive(request)
                case .response(let response): actions = session.receive(response)
                }
                // A request other than ACK always gets a response or becomes an incoming call.
                if case .request(let request) = message, request.method != .ack {
                    #expect(!actions.responses.isEmpty || !actions.events.isEmpty, "\(request.startLine) in phase \(index)")
                }
                switch index {
                case 0: idle = session
                case 1: outgoing = session
                default: established = session
                }
            }
        }
    }
}

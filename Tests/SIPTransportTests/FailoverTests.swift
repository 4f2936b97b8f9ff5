import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// Failover of one request across targets through the transaction layer (RFC 3263 §4.3).
@Suite(.timeLimit(.minutes(1))) struct FailoverTests {
    /// A raw UDP server that answers the next request with `status`.
    static func answerOnce(_ socket: RawUDPSocket, status: Int, reason: String, server: String) async throws {
        try await OffPool.run {
            guard let request = socket.receive(within: .seconds(20)), let source = Self.sourcePort(request) else { return }
            socket.send(Make.response(to: request, status: status, reason: reason, server: server), to: "127.0.0.1", port: source)
        }
    }

    /// The port our Via's rport-less sent-by names (the client's connected socket).
    static func sourcePort(_ request: [UInt8]) -> UInt16? {
        guard case .request(let parsed) = try? SIPMessageParser.parse(datagram: request) else { return nil }
        return (try? parsed.headers.via.first)?.port
    }

    @Test func a503MovesToTheNextTargetWithANewBranch() async throws {
        let first = try RawUDPSocket(), second = try RawUDPSocket()
        try await withEventLoop { group in
            let client = try await Node.start(name: "A", group: group)
            let targets = TargetList([Make.target(.udp, "127.0.0.1", first.port), Make.target(.udp, "127.0.0.1", second.port)],
                                     failbackInterval: .seconds(60))
            async let busy: Void = Self.answerOnce(first, status: 503, reason: "Service Unavailable", server: "first")
            async let fine: Void = Self.answerOnce(second, status: 200, reason: "OK", server: "second")
            let outcome = await client.layer.send(Make.options(), over: targets, options: .init(attemptTimeout: .seconds(5)))
            try await busy
            try await fine
            #expect(outcome.response.headers[.server] == "second")
            #expect(outcome.attempts.map(\.result) == [.response(statusCode: 503, reasonPhrase: "Service Unavailable"),
                                                       .response(statusCode: 200, reasonPhrase: "OK")])
            guard case .server(let target, _) = outcome.source else { Issue.record("no server"); return }
            #expect(target.port == second.port)
            #expect(outcome.targets.activeIndex == 1)
            await client.shutdown()
        }
    }

    @Test func aRefusedConnectionFailsOverAndAloneBecomesA503() async throws {
        try await withEventLoop { group in
            let server = try await Node.start([.init(.tcp, address: "127.0.0.1")], name: "B", group: group)
            let client = try await Node.start(name: "A", group: group)
            let closed = try LoopbackPort.free()
            let dead = Make.target(.tcp, "127.0.0.1", closed)
            let alive = server.targets(.tcp).targets[0]
            let outcome = await client.layer.send(Make.options(), over: TargetList([dead, alive], failbackInterval: .seconds(60)))
            #expect(outcome.response.statusCode == 200)
            #expect(outcome.attempts.first?.result == .transportError(.connectionRefused(dead.endpoint)))
            let alone = await client.layer.send(Make.options(), over: TargetList([dead], failbackInterval: .seconds(60)))
            #expect(alone.response.statusCode == 503)
            #expect(alone.response.reasonPhrase == "Service Unavailable")
            #expect(alone.source == .transportError(.connectionRefused(dead.endpoint)))
            await client.shutdown()
            await server.shutdown()
        }
    }

    @Test func laterRequestsStayOnTheBackupUntilTheFailbackIntervalOnVirtualTime() async throws {
        let clock = ManualClock()
        try await withEventLoop { group in
            let server = try await Node.start([.init(.tcp, address: "127.0.0.1")], name: "B", group: group)
            let client = try await Node.start(clock: clock, name: "A", group: group)
            let dead = Make.target(.tcp, "127.0.0.1", try LoopbackPort.free())
            var targets = TargetList([dead, server.targets(.tcp).targets[0]], failbackInterval: .seconds(10))
            let first = await client.layer.send(Make.options(), over: targets)
            #expect(first.attempts.count == 2)
            targets = first.targets
            await clock.advance(by: .seconds(9))
            let second = await client.layer.send(Make.options(), over: targets)
            #expect(second.attempts.map(\.target) == [targets.targets[1]])  // still on the backup
            targets = second.targets
            await clock.advance(by: .seconds(1))
            let third = await client.layer.send(Make.options(), over: targets)
            #expect(third.attempts.map(\.target) == [dead, targets.targets[1]])  // fail-back tried the primary first
            await client.shutdown()
            await server.shutdown()
        }
    }
}

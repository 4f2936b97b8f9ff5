import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// The transaction layer's timers on virtual time over real loopback sockets: retransmissions
/// on UDP only (RFC 3261 §17.1.2.2), a timeout surfacing as 408 (§8.1.3.1).
@Suite(.timeLimit(.minutes(1))) struct TransactionTimerTests {
    static func target(_ transport: SIPTransport, port: UInt16, address: String = "127.0.0.1") -> TargetList {
        TargetList([Make.target(transport, address, port)], failbackInterval: .seconds(60))
    }

    @Test func udpRetransmitsWithTimerEAndTimesOutAs408AfterTimerF() async throws {
        let clock = ManualClock()
        let peer = try RawUDPSocket()
        try await withEventLoop { group in
            let client = try await Node.start(clock: clock, name: "A", group: group)
            async let outcome = client.layer.send(Make.options(), over: Self.target(.udp, port: peer.port))
            await clock.waitForTimers(2)
            #expect(clock.pendingDelays == [.milliseconds(500), .seconds(32)])  // Timer E = T1, Timer F = 64*T1
            var copies: [[UInt8]] = []
            copies.append(try #require(try await OffPool.run { peer.receive(within: .seconds(5)) }))
            // E doubles up to T2 = 4 s: resends at 0.5, 1.5, 3.5, 7.5, 11.5, …, 31.5 s.
            for step in [500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000, 4000] {
                await clock.advance(by: .milliseconds(step))
                copies.append(try #require(try await OffPool.run { peer.receive(within: .seconds(5)) }))
            }
            #expect(Set(copies).count == 1)  // retransmissions are the same bytes
            await clock.advance(by: .milliseconds(500))  // 32 s: Timer F
            let result = await outcome
            #expect(result.response.statusCode == 408)
            #expect(result.source == .timeout)
            #expect(result.attempts.map(\.result) == [.timeout])
            #expect(clock.pendingDelays.isEmpty)
            await client.shutdown()
        }
    }

    @Test func tcpIsNotRetransmittedAndTheAnswerComesOnTheSameConnection() async throws {
        let clock = ManualClock()
        try await withEventLoop { group in
            let server = try await Node.start([.init(.tcp, address: "127.0.0.1")], answersOptions: false, name: "B", group: group)
            let client = try await Node.start(clock: clock, name: "A", group: group)
            async let outcome = client.layer.send(Make.options(), over: server.targets(.tcp))
            await clock.waitForTimers(1)
            #expect(clock.pendingDelays == [.seconds(32)])  // Timer F only: no Timer E on a reliable transport
            await clock.advance(by: .seconds(31))
            let event = await server.events.first { if case .requestReceived = $0 { true } else { false } }
            guard case .requestReceived(let incoming)? = event else { Issue.record("nothing arrived"); return }
            await server.layer.respond(to: incoming, with: ResponseFactory.response(to: incoming.request, statusCode: 200, reasonPhrase: "OK", toTag: "b"))
            let result = await outcome
            #expect(result.response.statusCode == 200)
            #expect(clock.pendingDelays.isEmpty)  // Timer K is zero on TCP: terminated at once
            let received = await server.events.all.filter { if case .requestReceived = $0 { true } else { false } }
            #expect(received.count == 1)
            guard case .server(_, let flow) = result.source else { Issue.record("no flow"); return }
            #expect(flow.local == incoming.origin.flow.remote)  // one connection, both directions
            await client.shutdown()
            await server.shutdown()
        }
    }
}

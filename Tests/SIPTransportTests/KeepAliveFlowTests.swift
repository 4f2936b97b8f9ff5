import Foundation
import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// Keep-alive on real flows with virtual time: CRLF on TCP, OPTIONS on UDP, and dead flows.
@Suite(.timeLimit(.minutes(1))) struct KeepAliveFlowTests {
    let every10s = KeepAliveConfiguration(interval: .seconds(10), timeout: .seconds(2), jitter: 0)

    @Test func tcpCRLFPingGetsAPongAndAClosedPeerIsADeadFlow() async throws {
        let clock = ManualClock()
        try await withEventLoop { group in
            let server = try await Node.start([.init(.tcp, address: "::1")], name: "B", group: group)
            let client = try await Node.start(clock: clock, name: "A", group: group)
            let local = server.listener(.tcp, .ipv6).local
            let flow = try await client.transport.flow(for: ConnectionTarget(TransportEndpoint(.tcp, local.address, port: local.port)))
            await client.transport.startKeepAlive(on: flow, every10s)
            #expect(clock.pendingDelays == [.seconds(10)])
            await clock.advance(by: .seconds(10))
            let pong = await client.events.first { if case .keepAlivePong = $0 { true } else { false } }
            guard case .keepAlivePong(let ponged, let roundTrip)? = pong else { Issue.record("no pong"); return }
            #expect(ponged == flow)
            #expect(roundTrip == .zero)  // virtual time stood still while the pong travelled
            #expect(clock.pendingDelays == [.seconds(10)])  // the next ping is scheduled
            await server.shutdown()
            let dead = await client.events.first { if case .flowFailed = $0 { true } else { false } }
            guard case .flowFailed(let failed, .closed)? = dead else { Issue.record("no dead flow: \(String(describing: dead))"); return }
            #expect(failed == flow)
            await client.shutdown()
        }
    }

    @Test func udpOptionsPingGetsAnAnswerAndSilenceIsADeadFlow() async throws {
        let clock = ManualClock()
        let silent = try SilentUDPPeer()
        try await withEventLoop { group in
            let server = try await Node.start([.init(.udp, address: "127.0.0.1")], name: "B", group: group)
            let client = try await Node.start(clock: clock, name: "A", group: group)
            let local = server.listener(.udp).local
            let alive = try await client.transport.flow(for: ConnectionTarget(TransportEndpoint(.udp, local.address, port: local.port)))
            let quiet = try await client.transport.flow(for: ConnectionTarget(TransportEndpoint(.udp, Make.ip("127.0.0.1"), port: silent.port)))
            await client.transport.startKeepAlive(on: alive, every10s)
            await client.transport.startKeepAlive(on: quiet, every10s)
            await clock.advance(by: .seconds(10))
            let pong = await client.events.first { if case .keepAlivePong(let flow, _) = $0 { flow == alive } else { false } }
            #expect(pong != nil)
            await clock.advance(by: .seconds(2))
            let dead = await client.events.first { if case .flowFailed = $0 { true } else { false } }
            guard case .flowFailed(let flow, let failure)? = dead else { Issue.record("no dead flow"); return }
            #expect(flow == quiet)
            #expect(failure == .noPong(after: .seconds(2)))
            // The answering flow is still watched: its next ping is due 10 s after the pong.
            #expect(clock.pendingDelays == [.seconds(8)])
            await client.shutdown()
            await server.shutdown()
        }
    }

    /// `udpProbe: .crlf`: a bare CRLFCRLF every interval, no pong awaited, so silence is not a
    /// dead flow.
    @Test func udpCRLFPingRefreshesTheBindingWithoutAwaitingAPong() async throws {
        let clock = ManualClock()
        let peer = try RawUDPSocket()
        let crlf = KeepAliveConfiguration(interval: .seconds(10), timeout: .seconds(2), jitter: 0, udpProbe: .crlf)
        try await withEventLoop { group in
            let client = try await Node.start(clock: clock, name: "A", group: group)
            let flow = try await client.transport.flow(for: ConnectionTarget(TransportEndpoint(.udp, Make.ip("127.0.0.1"), port: peer.port)))
            await client.transport.startKeepAlive(on: flow, crlf)
            await clock.advance(by: .seconds(10))
            let ping = try await OffPool.run { () -> [UInt8]? in
                for _ in 0..<3000 {
                    if let bytes = peer.tryReceive() { return bytes }
                    usleep(10_000)
                }
                return nil
            }
            #expect(ping == Array("\r\n\r\n".utf8))
            // No pong is awaited: the next ping is scheduled one interval later, not a timeout.
            #expect(clock.pendingDelays == [.seconds(10)])
            await clock.advance(by: .seconds(10))
            #expect(clock.pendingDelays == [.seconds(10)])
            await client.shutdown()
        }
    }
}

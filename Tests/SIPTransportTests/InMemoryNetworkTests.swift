import NIOCore
import NIOPosix
import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// The in-memory network under two real transport and transaction layers: datagrams go where
/// they are addressed, through the same screening as real ones, in order, and the impairment
/// rule drops, duplicates and delays them on the virtual clock.
@Suite(.timeLimit(.minutes(1))) struct InMemoryNetworkTests {
    static let alice = SIPSocketAddress(literal: "127.0.0.1", port: 5060)!
    static let bob = SIPSocketAddress(literal: "127.0.0.2", port: 5060)!

    /// A transport and transaction layer bound at `address` on the network. The event loop
    /// group is never used for UDP; it is there because TCP and TLS would need it.
    static func node(_ address: SIPSocketAddress, _ network: InMemoryNetwork, _ clock: ManualClock, group: any EventLoopGroup,
                     maximumServerTransactions: Int = 10_000) async throws -> Node {
        let transport = SIPTransportLayer(
            configuration: .init(listeners: [.init(.udp, address: address.address.description, port: address.port)], userAgent: "node"),
            group: group, clock: clock, random: CountingRandom(), network: network)
        let bound = try await transport.start()
        let layer = TransactionLayer(
            transport: transport, clock: clock,
            configuration: .init(answersOptions: true, userAgent: "node", maximumServerTransactions: maximumServerTransactions),
            random: CountingRandom(state: UInt64(address.address.bytes.last ?? 1)))
        return Node(transport: transport, layer: layer, events: .collecting(layer.events), listeners: bound)
    }

    static func options(_ carried: [CarriedDatagram]) -> [CarriedDatagram] {
        carried.filter { $0.isRequest("OPTIONS") }
    }

    @Test func aRequestAndItsAnswerTravelBetweenTheBoundAddresses() async throws {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        try await withEventLoop { group in
            let a = try await Self.node(Self.alice, network, clock, group: group)
            let b = try await Self.node(Self.bob, network, clock, group: group)
            #expect(a.listeners.map(\.local) == [Self.alice])
            let outcome = await a.layer.send(Make.options(to: "sip:127.0.0.2"), over: b.targets(.udp))
            #expect(outcome.response.statusCode == 200)
            let carried = network.carried
            #expect(carried.map(\.startLine) == ["OPTIONS sip:127.0.0.2 SIP/2.0", "SIP/2.0 200 OK"])
            #expect(carried.map(\.source) == [Self.alice, Self.bob])
            #expect(carried.map(\.destination) == [Self.bob, Self.alice])
            // Our Via names the listener (RFC 3261 §18.1.1), and the response went back to it.
            #expect(carried[0].header("Via")?.contains("SIP/2.0/UDP 127.0.0.1:5060") == true)
            #expect(carried[1].header("Via")?.contains("received=127.0.0.1") == true || carried[1].header("Via")?.contains("rport=5060") == true)
            #expect(network.lost.isEmpty)
            await a.shutdown()
            await b.shutdown()
        }
        await network.shutdown()
    }

    @Test func aDroppedRequestIsRetransmittedWhenTheVirtualClockReachesTimerE() async throws {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        network.impair { datagram, earlier in
            datagram.isRequest("OPTIONS") && Self.options(earlier).isEmpty ? .drop : .deliver
        }
        try await withEventLoop { group in
            let a = try await Self.node(Self.alice, network, clock, group: group)
            let b = try await Self.node(Self.bob, network, clock, group: group)
            async let outcome = a.layer.send(Make.options(to: "sip:127.0.0.2"), over: b.targets(.udp))
            #expect(await network.wait { Self.options($0).count == 1 })
            await clock.waitForTimers(2)
            #expect(clock.pendingDelays == [.milliseconds(500), .seconds(32)])  // Timer E = T1, Timer F = 64·T1
            await clock.advance(by: .milliseconds(500))
            let response = await outcome.response
            #expect(response.statusCode == 200)
            let sent = Self.options(network.carried)
            #expect(sent.map(\.fate) == [.drop, .deliver])
            #expect(sent.map(\.sentAt) == [.zero, .milliseconds(500)])
            #expect(Set(sent.map(\.bytes)).count == 1)  // a retransmission is the same bytes
            await a.shutdown()
            await b.shutdown()
        }
        await network.shutdown()
    }

    @Test func aDelayedDatagramArrivesOnlyWhenItsTimeComes() async throws {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        network.impair { datagram, _ in datagram.statusCode == 200 ? .delay(.milliseconds(300)) : .deliver }
        try await withEventLoop { group in
            let a = try await Self.node(Self.alice, network, clock, group: group)
            let b = try await Self.node(Self.bob, network, clock, group: group)
            async let outcome = a.layer.send(Make.options(to: "sip:127.0.0.2"), over: b.targets(.udp))
            #expect(await network.wait { $0.contains { $0.statusCode == 200 } })
            await clock.advance(by: .milliseconds(299))
            // Still on its way: the delivery is the next timer, 1 ms out (before Timer E's 201).
            #expect(clock.pendingDelays.first == .milliseconds(1))
            #expect(clock.pendingDelays.dropFirst().first == .milliseconds(201))
            await clock.advance(by: .milliseconds(1))
            let response = await outcome.response
            #expect(response.statusCode == 200)
            await a.shutdown()
            await b.shutdown()
        }
        await network.shutdown()
    }

    @Test func aDuplicatedRequestIsAbsorbedByTheServerTransaction() async throws {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        network.impair { datagram, _ in datagram.isRequest("OPTIONS") ? .duplicate : .deliver }
        try await withEventLoop { group in
            let a = try await Self.node(Self.alice, network, clock, group: group)
            let b = try await Self.node(Self.bob, network, clock, group: group)
            let outcome = await a.layer.send(Make.options(to: "sip:127.0.0.2"), over: b.targets(.udp))
            #expect(outcome.response.statusCode == 200)
            // The copy meets the completed server transaction, which resends its answer (§17.2.2).
            #expect(await network.wait { $0.filter { $0.statusCode == 200 }.count == 2 })
            await a.shutdown()
            await b.shutdown()
        }
        await network.shutdown()
    }

    @Test func malformedInputIsScreenedLikeARealDatagram() async throws {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        let stranger = SIPSocketAddress(literal: "127.0.0.3", port: 5070)!
        try await withEventLoop { group in
            let b = try await Self.node(Self.bob, network, clock, group: group)
            // A request missing its mandatory headers: a stateless 400 (RFC 3261 §16.3 / §8.2).
            let broken = "OPTIONS sip:127.0.0.2 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.3:5070;branch=z9hG4bK-x\r\nContent-Length: 0\r\n\r\n"
            network.inject(Array(broken.utf8), from: stranger, to: Self.bob)
            #expect(await network.wait { $0.contains { $0.statusCode == 400 } })
            let answer = try #require(network.carried.first { $0.statusCode == 400 })
            #expect(answer.destination == stranger)
            // Nobody is bound at the stranger's address: the 400 is lost, as with no ICMP.
            #expect(await network.wait { $0[answer.index].reachedNobody })
            #expect(network.lost == [answer.index])
            let rejected = await b.events.first { if case .requestRejected = $0 { true } else { false } }
            #expect(rejected != nil)
            // Garbage is dropped with a reason, never a crash.
            network.inject([0xFF, 0x00, 0x13, 0x37], from: stranger, to: Self.bob)
            let dropped = await b.events.first { if case .messageDropped = $0 { true } else { false } }
            #expect(dropped != nil)
            await b.shutdown()
        }
        await network.shutdown()
    }

    @Test func anAddressCanBeBoundOnceAndPortZeroGetsAFreshPort() async throws {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        try await withEventLoop { group in
            let b = try await Self.node(Self.bob, network, clock, group: group)
            let twin = SIPTransportLayer(
                configuration: .init(listeners: [.init(.udp, address: "127.0.0.2", port: 5060)]), group: group, clock: clock, network: network)
            await #expect(throws: SIPTransportError.self) { try await twin.start() }
            let any = SIPTransportLayer(
                configuration: .init(listeners: [.init(.udp, address: "127.0.0.2", port: 0)]), group: group, clock: clock, network: network)
            let bound = try await any.start()
            #expect(bound.first?.local.address == Self.bob.address)
            #expect(bound.first?.local.port != 0 && bound.first?.local.port != 5060)
            await any.shutdown()
            await twin.shutdown()
            await b.shutdown()
        }
        await network.shutdown()
    }
}

import NIOCore
import NIOPosix
import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import TestSupport

/// One SIP node for loopback tests: a transport layer with listeners, a transaction layer, and
/// the log of its events. Two nodes in one process talk to each other (STYLE.md's A/B tests).
struct Node: Sendable {
    let transport: SIPTransportLayer
    let layer: TransactionLayer
    let events: EventLog<TransactionEvent>
    let listeners: [BoundListener]

    static func start(
        _ listeners: [ListenerConfiguration] = [], identity: TLSServerIdentity? = nil, clock: any TransportClock = SystemTransportClock(),
        answersOptions: Bool = true, connectTimeout: Duration = .seconds(5), name: String = "node", group: any EventLoopGroup
    ) async throws -> Node {
        let transport = SIPTransportLayer(
            configuration: .init(listeners: listeners, serverIdentity: identity, connectTimeout: connectTimeout, userAgent: name), group: group,
            clock: clock, random: CountingRandom())
        let bound = try await transport.start()
        let layer = TransactionLayer(
            transport: transport, clock: clock, configuration: .init(answersOptions: answersOptions, userAgent: name),
            random: CountingRandom(state: UInt64(bound.first?.local.port ?? 7)))
        return Node(transport: transport, layer: layer, events: .collecting(layer.events), listeners: bound)
    }

    func listener(_ transport: SIPTransport, _ family: IPAddress.Family = .ipv4) -> BoundListener {
        listeners.first { $0.transport == transport && $0.local.address.family == family }!
    }

    /// A one-target list to this node's listener.
    func targets(_ transport: SIPTransport, _ family: IPAddress.Family = .ipv4) -> TargetList {
        let local = listener(transport, family).local
        return TargetList([ResolvedTarget(transport: transport, address: local.address, port: local.port, hostName: local.address.description, via: [])],
                          failbackInterval: .seconds(60))
    }

    func shutdown() async {
        await transport.shutdown()
    }
}

/// One event loop thread per test, shut down at the end.
func withEventLoop<T: Sendable>(_ body: (any EventLoopGroup) async throws -> T) async throws -> T {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    do {
        let result = try await body(group)
        try await group.shutdownGracefully()
        return result
    } catch {
        try? await group.shutdownGracefully()
        throw error
    }
}

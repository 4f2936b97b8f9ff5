import NIOCore
import NIOEmbedded
import SIPTransport
import Synchronization

/// A UDP network in memory for engines in one process: every address a transport binds
/// (`127.0.0.1:5060`, `127.0.0.2:5060`, … — only labels, nothing touches the kernel) receives
/// what others send to it, through the same `DatagramHandler` framing and screening as a real
/// socket's datagrams.
///
/// Each socket is a `NIOAsyncTestingChannel` carrying the transport's own pipeline; a handler at
/// its outbound end hands each write to the network, which logs it (`carried`), asks the
/// impairment rule what to do with it, and delivers it — in the order sent, one at a time, from
/// one task — as an `AddressedEnvelope` read on the destination's channel. A datagram to an
/// address nobody bound is lost, as on a real network with no ICMP.
public final class InMemoryNetwork: DatagramNetwork {
    /// Decides a datagram's fate from the datagram and everything carried before it (so rules
    /// like "drop the first 200 to INVITE" stay pure functions).
    public typealias Rule = @Sendable (_ datagram: CarriedDatagram, _ earlier: [CarriedDatagram]) -> DatagramFate

    private struct Port {
        let channel: NIOAsyncTestingChannel
        /// For a connected socket: the only source it hears.
        let connectedTo: SIPSocketAddress?
    }

    private struct Delivery: Sendable {
        let index: Int
        let source: SIPSocketAddress
        let destination: SIPSocketAddress
        let bytes: [UInt8]
    }

    private struct Waiter {
        let id: Int
        let condition: @Sendable ([CarriedDatagram]) -> Bool
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var ports: [SIPSocketAddress: Port] = [:]
        /// Addresses bound or being bound.
        var reserved: Set<SIPSocketAddress> = []
        var carried: [CarriedDatagram] = []
        var rule: Rule?
        var nextEphemeral: UInt16 = 49_152
        var waiters: [Waiter] = []
        var nextWaiter = 0
    }

    private let clock: any TransportClock
    private let loop = NIOAsyncTestingEventLoop()
    private let state = Mutex(State())
    private let deliveries: AsyncStream<Delivery>.Continuation

    /// `clock` stamps each datagram and runs `.delay` fates; give it the engines' clock.
    public init(clock: any TransportClock) {
        self.clock = clock
        let (stream, continuation) = AsyncStream.makeStream(of: Delivery.self)
        deliveries = continuation
        Task { [weak self] in
            for await delivery in stream {
                guard let self else { return }
                await self.deliver(delivery)
            }
        }
    }

    deinit {
        deliveries.finish()
    }

    // MARK: - What tests see and control

    /// Every datagram sent so far, in order.
    public var carried: [CarriedDatagram] { state.withLock { $0.carried } }

    /// Indexes (in `carried`) of datagrams that reached no socket.
    public var lost: [Int] { state.withLock { $0.carried.filter(\.reachedNobody).map(\.index) } }

    /// Sets (or with nil clears) the rule that drops, duplicates or delays datagrams.
    public func impair(_ rule: Rule?) {
        state.withLock { $0.rule = rule }
    }

    /// Waits until `condition` holds for the datagrams carried so far; false if it did not
    /// within `limit` of real time (a broken engine fails the test instead of hanging it).
    public func wait(
        within limit: Duration = .seconds(30), until condition: @escaping @Sendable ([CarriedDatagram]) -> Bool
    ) async -> Bool {
        await withCheckedContinuation { continuation in
            let id = state.withLock { state -> Int? in
                if condition(state.carried) { return nil }
                state.nextWaiter += 1
                state.waiters.append(Waiter(id: state.nextWaiter, condition: condition, continuation: continuation))
                return state.nextWaiter
            }
            guard let id else { return continuation.resume(returning: true) }
            Task {
                try? await Task.sleep(for: limit)
                let expired = self.state.withLock { state -> Waiter? in
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.waiters.remove(at: index)
                }
                expired?.continuation.resume(returning: false)
            }
        }
    }

    /// Sends `bytes` from `source` as if a socket there had written them (a raw peer in tests:
    /// malformed input, or a party that is not an engine). Nothing needs to be bound at `source`.
    public func inject(_ bytes: [UInt8], from source: SIPSocketAddress, to destination: SIPSocketAddress) {
        carry(bytes, from: source, to: destination)
    }

    /// Closes every socket's channel and stops delivering.
    public func shutdown() async {
        let channels = state.withLock { state in
            defer {
                state.ports.removeAll()
                state.reserved.removeAll()
            }
            return state.ports.values.map(\.channel)
        }
        for channel in channels { try? await channel.close() }
        deliveries.finish()
        await loop.shutdownGracefully()
    }

    // MARK: - DatagramNetwork

    public func bind(_ address: SIPSocketAddress, pipeline: DatagramPipeline) async throws(SIPTransportError) -> any Channel {
        let local = try claim(address, connectedTo: nil)
        return try await open(local, connectedTo: nil, pipeline: pipeline)
    }

    public func connect(to remote: SIPSocketAddress, pipeline: DatagramPipeline) async throws(SIPTransportError) -> any Channel {
        let loopback = remote.address.family == .ipv4 ? "127.0.0.1" : "::1"
        let local = try claim(SIPSocketAddress(literal: loopback, port: 0)!, connectedTo: remote)
        return try await open(local, connectedTo: remote, pipeline: pipeline)
    }

    /// Reserves the address (a free port for port 0), failing like a real bind when taken.
    private func claim(_ address: SIPSocketAddress, connectedTo: SIPSocketAddress?) throws(SIPTransportError) -> SIPSocketAddress {
        let claimed = state.withLock { state -> SIPSocketAddress? in
            var local = address
            if local.port == 0 {
                repeat {
                    local.port = state.nextEphemeral
                    state.nextEphemeral = state.nextEphemeral == .max ? 49_152 : state.nextEphemeral + 1
                } while state.reserved.contains(local)
            }
            return state.reserved.insert(local).inserted ? local : nil
        }
        guard let claimed else {
            throw .bindFailed(transport: .udp, address: address.address.description, port: address.port, reason: "address in use (in-memory network)")
        }
        return claimed
    }

    private func open(
        _ local: SIPSocketAddress, connectedTo remote: SIPSocketAddress?, pipeline: DatagramPipeline
    ) async throws(SIPTransportError) -> any Channel {
        let channel = NIOAsyncTestingChannel(loop: loop)
        do {
            let socketAddress = try local.socketAddress()
            try await channel.testingEventLoop.executeInContext {
                let handlers = channel.pipeline.syncOperations
                if let remote {
                    // Outbound writes enter at the tail: plain buffers on a connected socket.
                    try pipeline.install(on: channel)
                    try handlers.addHandler(ConnectedWriteTap(network: self, local: local, remote: remote))
                } else {
                    try handlers.addHandler(AddressedWriteTap(network: self, local: local))
                    try pipeline.install(on: channel)
                }
            }
            try await channel.bind(to: socketAddress).get()
            if let remote { try await channel.connect(to: remote.socketAddress()) }
        } catch {
            state.withLock { _ = $0.reserved.remove(local) }
            throw .bindFailed(transport: .udp, address: local.address.description, port: local.port, reason: "\(error)")
        }
        state.withLock { $0.ports[local] = Port(channel: channel, connectedTo: remote) }
        return channel
    }

    // MARK: - Carrying

    /// Logs one datagram, applies the rule, and queues its delivery.
    func carry(_ bytes: [UInt8], from source: SIPSocketAddress, to destination: SIPSocketAddress) {
        let now = clock.now()
        let (draft, earlier, rule) = state.withLock { state in
            (CarriedDatagram(index: state.carried.count, source: source, destination: destination, bytes: bytes, sentAt: now, fate: .deliver),
             state.carried, state.rule)
        }
        let fate = rule?(draft, earlier) ?? .deliver
        let datagram = CarriedDatagram(
            index: draft.index, source: source, destination: destination, bytes: bytes, sentAt: now, fate: fate)
        let delivery = Delivery(index: datagram.index, source: source, destination: destination, bytes: bytes)
        // A delayed delivery is on the clock before the datagram shows in `carried`: a test that
        // sees it there and advances the clock at once must not advance past a timer not yet set.
        if case .delay(let delay) = fate {
            let sink = deliveries
            _ = clock.schedule(after: delay) { sink.yield(delivery) }
        }
        let ready = state.withLock { state -> [Waiter] in
            state.carried.append(datagram)
            return Self.satisfiedWaiters(&state)
        }
        switch fate {
        case .deliver: deliveries.yield(delivery)
        case .drop, .delay: break
        case .duplicate:
            deliveries.yield(delivery)
            deliveries.yield(delivery)
        }
        for waiter in ready { waiter.continuation.resume(returning: true) }
    }

    private static func satisfiedWaiters(_ state: inout State) -> [Waiter] {
        let ready = state.waiters.filter { $0.condition(state.carried) }
        state.waiters.removeAll { waiter in ready.contains { $0.id == waiter.id } }
        return ready
    }

    private func deliver(_ delivery: Delivery) async {
        let (port, ready) = state.withLock { state -> (Port?, [Waiter]) in
            guard let port = state.ports[delivery.destination],
                  port.connectedTo == nil || port.connectedTo == delivery.source else {
                if state.carried.indices.contains(delivery.index) { state.carried[delivery.index].reachedNobody = true }
                return (nil, Self.satisfiedWaiters(&state))
            }
            return (port, [])
        }
        for waiter in ready { waiter.continuation.resume(returning: true) }
        guard let port, let remote = try? delivery.source.socketAddress() else { return }
        let envelope = AddressedEnvelope(remoteAddress: remote, data: ByteBuffer(bytes: delivery.bytes))
        _ = try? await port.channel.writeInbound(envelope)
    }
}

/// The outbound end of a bound socket: hands each addressed datagram to the network. At the
/// head of the pipeline, so the keep-alive pongs `DatagramHandler` writes pass here too.
private final class AddressedWriteTap: ChannelOutboundHandler {
    typealias OutboundIn = AddressedEnvelope<ByteBuffer>

    private let network: InMemoryNetwork
    private let local: SIPSocketAddress

    init(network: InMemoryNetwork, local: SIPSocketAddress) {
        self.network = network
        self.local = local
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let envelope = unwrapOutboundIn(data)
        guard let destination = SIPSocketAddress(envelope.remoteAddress) else {
            promise?.fail(ChannelError.operationUnsupported)
            return
        }
        network.carry(Array(envelope.data.readableBytesView), from: local, to: destination)
        promise?.succeed(())
    }
}

/// The outbound end of a connected socket: plain buffers go to its one peer. At the tail of the
/// pipeline, where the transport's writes enter (a pong `DatagramHandler` answers with on a
/// connected socket is not carried — the in-memory network's one gap).
private final class ConnectedWriteTap: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer

    private let network: InMemoryNetwork
    private let local: SIPSocketAddress
    private let remote: SIPSocketAddress

    init(network: InMemoryNetwork, local: SIPSocketAddress, remote: SIPSocketAddress) {
        self.network = network
        self.local = local
        self.remote = remote
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        network.carry(Array(unwrapOutboundIn(data).readableBytesView), from: local, to: remote)
        promise?.succeed(())
    }
}

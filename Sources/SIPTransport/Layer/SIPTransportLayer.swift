import NIOCore
import NIOSSL
import SIPServerLocation
import SIPSyntax

/// SIP over UDP, TCP and TLS, IPv4 and IPv6 (RFC 3261 §18): listeners, client sockets,
/// connection reuse, the `rport`/`received` marks (RFC 3581), the size switch from UDP to TCP
/// (§18.1.1), response routing (§18.2.2), keep-alive (RFC 5626 §4.4) and stateless 400s for
/// malformed requests.
///
/// An actor owns every socket and table; NIO handlers only frame and screen bytes and report
/// `ChannelSignal`s, which the actor turns into `TransportEvent`s on `events`.
public actor SIPTransportLayer {
    public struct Configuration: Sendable {
        public var listeners: [ListenerConfiguration]
        /// The certificate a TLS listener presents; required when one is configured.
        public var serverIdentity: TLSServerIdentity?
        public var connectTimeout: Duration
        public var limits: SIPParserLimits
        /// Sent as `Server` in the 400s this layer answers with, and as `User-Agent` in pings.
        public var userAgent: String
        /// RFC 3261 §18.1.1's threshold for switching UDP requests to TCP.
        public var udpSizeLimit: Int
        /// What one TCP or TLS connection may have waiting for this actor before reading from
        /// it pauses (tests make it small).
        var streamWindow = StreamReadWindow.Limits.standard

        public init(
            listeners: [ListenerConfiguration] = [], serverIdentity: TLSServerIdentity? = nil,
            connectTimeout: Duration = .seconds(5), limits: SIPParserLimits = .standard,
            userAgent: String = "Dialtone", udpSizeLimit: Int = TransportSelection.udpSizeLimit
        ) {
            self.listeners = listeners
            self.serverIdentity = serverIdentity
            self.connectTimeout = connectTimeout
            self.limits = limits
            self.userAgent = userAgent
            self.udpSizeLimit = udpSizeLimit
        }
    }

    public nonisolated let events: AsyncStream<TransportEvent>
    let eventSink: AsyncStream<TransportEvent>.Continuation
    /// Every SIP message sent and received, for traces. Only the newest records are kept while
    /// nobody reads, so an unread trace costs bounded memory.
    public nonisolated let wire: AsyncStream<WireRecord>
    let wireSink: AsyncStream<WireRecord>.Continuation
    let configuration: Configuration
    let clock: any TransportClock
    let factory: ChannelFactory
    let ids: SocketIDGenerator
    var random: any RandomNumberGenerator & Sendable
    private let signalSink: AsyncStream<ChannelSignal>.Continuation
    var sockets: [SocketID: SocketEntry] = [:]
    var connections: [ConnectionKey: SocketID] = [:]
    var pendingConnections: [ConnectionKey: Task<Result<FlowInfo, SIPTransportError>, Never>] = [:]
    var clientContexts: [TLSClientSettings: NIOSSLContext] = [:]
    var keepAlives: [FlowKey: KeepAliveWatch] = [:]
    var keepAliveBranches: [String: FlowKey] = [:]
    var isShutDown = false
    /// Datagrams read but not yet handled here; bounds what a flood can queue.
    let backlog = InboundBacklog()
    /// When dropped datagrams were last reported: at most once a second during a flood.
    var lastDropReport: Duration?
    /// When a paused connection was last reported: at most once a second during a flood.
    var lastPauseReport: Duration?
    /// Connections whose pause was reported: their resumption is reported too.
    var reportedPauses: Set<SocketID> = []

    public init(
        configuration: Configuration, group: any EventLoopGroup,
        clock: any TransportClock = SystemTransportClock(),
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        network: (any DatagramNetwork)? = nil
    ) {
        self.configuration = configuration
        self.clock = clock
        self.random = random
        (events, eventSink) = AsyncStream.makeStream(of: TransportEvent.self)
        (wire, wireSink) = AsyncStream.makeStream(of: WireRecord.self, bufferingPolicy: .bufferingNewest(2048))
        let (signals, signalSink) = AsyncStream.makeStream(of: ChannelSignal.self)
        self.signalSink = signalSink
        ids = SocketIDGenerator()
        factory = ChannelFactory(
            group: group, ids: ids, sink: signalSink, limits: configuration.limits,
            server: configuration.userAgent, backlog: backlog, streamWindow: configuration.streamWindow,
            connectTimeout: configuration.connectTimeout,
            network: network)
        Task { [weak self] in await self?.consume(signals) }
    }

    private func consume(_ signals: AsyncStream<ChannelSignal>) async {
        for await signal in signals { handle(signal) }
    }

    /// Binds every configured listener and returns them with their actual ports.
    public func start() async throws(SIPTransportError) -> [BoundListener] {
        var bound: [BoundListener] = []
        for listener in configuration.listeners {
            bound.append(try await bind(listener))
        }
        return bound
    }

    /// The bound listeners.
    public var listeners: [BoundListener] {
        sockets.values.compactMap { entry in
            switch entry.kind {
            case .datagramListener, .streamListener: BoundListener(socket: entry.id, transport: entry.transport, local: entry.local)
            case .datagramConnected, .connection: nil
            }
        }.sorted { $0.socket.rawValue < $1.socket.rawValue }
    }

    private func bind(_ listener: ListenerConfiguration) async throws(SIPTransportError) -> BoundListener {
        guard let address = SIPSocketAddress(literal: listener.address, port: listener.port) else {
            throw .invalidAddress(listener.address)
        }
        let id = ids.next()
        let channel: any Channel
        switch listener.transport {
        case .udp:
            channel = try await factory.bindDatagram(address, socket: id)
        case .tcp:
            channel = try await factory.bindStream(.tcp, address, tls: nil)
        case .tls:
            guard let identity = configuration.serverIdentity else { throw .missingServerIdentity }
            let context: NIOSSLContext
            do throws(TLSFailure) { context = try TLSContextFactory.server(identity) } catch {
                throw .bindFailed(transport: .tls, address: listener.address, port: listener.port, reason: error.description)
            }
            channel = try await factory.bindStream(.tls, address, tls: context)
        }
        let local = SIPSocketAddress(channel.localAddress) ?? address
        let kind: SocketEntry.Kind = listener.transport == .udp ? .datagramListener : .streamListener
        sockets[id] = SocketEntry(id: id, channel: channel, transport: listener.transport, local: local, kind: kind)
        return BoundListener(socket: id, transport: listener.transport, local: local)
    }

    /// Closes every socket and ends `events`.
    public func shutdown() async {
        guard !isShutDown else { return }
        isShutDown = true
        for watch in keepAlives.values { watch.timer?.cancel() }
        keepAlives.removeAll()
        let channels = sockets.values.map(\.channel)
        sockets.removeAll()
        connections.removeAll()
        for channel in channels {
            channel.close(promise: nil)
            try? await channel.closeFuture.get()
        }
        signalSink.finish()
        eventSink.finish()
        wireSink.finish()
    }
}

import NIOCore
import NIOSSL
import SIPServerLocation

extension SIPTransportLayer {
    /// A flow to `target`, reusing an open one (RFC 3261 §18.1.1) or opening it: a TCP
    /// connection, a TLS connection whose certificate passed verification, or for UDP our
    /// listener of that address family (so responses come back to the advertised port) or else a
    /// UDP socket connected to the server.
    public func flow(for target: ConnectionTarget) async throws(SIPTransportError) -> FlowInfo {
        guard !isShutDown else { throw .shutDown }
        let remote = SIPSocketAddress(target.endpoint.address, port: target.endpoint.port)
        if target.endpoint.transport == .udp, let listener = udpListener(for: remote.address.family) {
            return listener.flow(to: remote)
        }
        let key = ConnectionKey(
            transport: target.endpoint.transport, remote: remote,
            serverName: target.endpoint.transport == .tls ? target.serverName : nil)
        if let id = connections[key], let entry = sockets[id], let flow = entry.connectedFlow {
            // A connection the peer just closed may not have been reported yet; don't reuse it.
            if entry.channel.isActive { return flow }
            forget(id)
        }
        if let pending = pendingConnections[key] { return try await pending.value.get() }
        let task = Task { await self.open(target, key: key) }
        pendingConnections[key] = task
        let result = await task.value
        pendingConnections[key] = nil
        return try result.get()
    }

    /// A UDP listener bound to a specific address of the family; a wildcard-bound one cannot say
    /// which address to put in our Via, so connected sockets are used instead.
    private func udpListener(for family: IPAddress.Family) -> SocketEntry? {
        sockets.values
            .filter { entry in
                guard case .datagramListener = entry.kind, entry.local.address.family == family else { return false }
                return !entry.local.address.bytes.allSatisfy { $0 == 0 }
            }
            .min { $0.id.rawValue < $1.id.rawValue }
    }

    private func open(_ target: ConnectionTarget, key: ConnectionKey) async -> Result<FlowInfo, SIPTransportError> {
        do throws(SIPTransportError) {
            let id = ids.next()
            let entry: SocketEntry
            switch target.endpoint.transport {
            case .udp:
                let channel = try await factory.connectDatagram(to: key.remote, socket: id)
                entry = SocketEntry(id: id, channel: channel, transport: .udp, local: Self.local(channel), kind: .datagramConnected(remote: key.remote))
            case .tcp, .tls:
                let context = try tlsContext(for: target)
                let (channel, details, reason) = try await factory.connectStream(to: target, socket: id, tls: context)
                entry = SocketEntry(id: id, channel: channel, transport: target.endpoint.transport, local: Self.local(channel),
                                    kind: .connection(remote: key.remote, tls: details), closeReason: reason)
            }
            guard !isShutDown else {
                entry.channel.close(promise: nil)
                return .failure(.shutDown)
            }
            sockets[id] = entry
            connections[key] = id
            return .success(entry.connectedFlow ?? entry.flow(to: key.remote))
        } catch {
            return .failure(error)
        }
    }

    private func tlsContext(for target: ConnectionTarget) throws(SIPTransportError) -> NIOSSLContext? {
        guard target.endpoint.transport == .tls else { return nil }
        if let context = clientContexts[target.tls] { return context }
        do throws(TLSFailure) {
            let context = try TLSContextFactory.client(target.tls)
            clientContexts[target.tls] = context
            return context
        } catch {
            throw .tls(target.endpoint, error)
        }
    }

    private static func local(_ channel: any Channel) -> SIPSocketAddress {
        SIPSocketAddress(channel.localAddress) ?? SIPSocketAddress(IPAddress(bytes: [0, 0, 0, 0])!, port: 0)
    }

    /// Closes a connection (a no-op for a flow on a shared UDP socket).
    public func close(_ flow: FlowInfo) {
        guard let entry = sockets[flow.socket], entry.connectedFlow != nil else { return }
        entry.channel.close(promise: nil)
    }

    /// Forgets a socket that closed, and the connection key that pointed at it.
    @discardableResult
    func forget(_ id: SocketID) -> SocketEntry? {
        guard let entry = sockets.removeValue(forKey: id) else { return nil }
        for (key, value) in connections where value == id { connections[key] = nil }
        return entry
    }
}

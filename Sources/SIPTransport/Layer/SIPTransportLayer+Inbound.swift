import NIOCore
import SIPServerLocation
import SIPSyntax

extension SIPTransportLayer {
    /// One report from a channel handler, in arrival order.
    func handle(_ signal: ChannelSignal) {
        switch signal {
        case .accepted(let id, let channel, let transport, let reason):
            accept(id, channel, transport, reason)
        case .datagram(let id, let verdict, let source, let raw):
            backlog.release()
            guard let entry = sockets[id] else { return }
            let origin = MessageOrigin(flow: entry.flow(to: source))
            reportDroppedDatagrams(origin)
            receive(verdict, origin: origin, raw: raw)
        case .inbound(let id, let verdict, let source, let credit):
            let reading = credit.release()
            guard let entry = sockets[id] else { return }
            receive(verdict, origin: MessageOrigin(flow: entry.flow(to: source)))
            report(reading, on: entry)
        case .pong(let id, let source, let credit):
            let reading = credit?.release()
            guard let entry = sockets[id] else { return }
            keepAlivePongArrived(on: FlowKey(entry.flow(to: source)))
            if let reading { report(reading, on: entry) }
        case .socketError(let id, let text):
            // On a connected UDP socket an ICMP error means the server is gone; on a shared
            // listener it cannot be tied to one peer and is ignored.
            guard let flow = sockets[id]?.connectedFlow else { return }
            flowFailed(flow, text)
        case .closed(let id, let reason):
            reportedPauses.remove(id)
            guard let entry = forget(id), let flow = entry.connectedFlow, !isShutDown else { return }
            flowFailed(flow, reason)
        }
    }

    private func accept(_ id: SocketID, _ channel: any Channel, _ transport: SIPTransport, _ reason: CloseReason) {
        guard !isShutDown, let remote = SIPSocketAddress(channel.remoteAddress),
              let local = SIPSocketAddress(channel.localAddress) else {
            channel.close(promise: nil)
            return
        }
        sockets[id] = SocketEntry(
            id: id, channel: channel, transport: transport, local: local, kind: .connection(remote: remote, tls: nil), closeReason: reason)
        connections[ConnectionKey(transport: transport, remote: remote, serverName: nil)] = id
    }

    /// Datagrams the backlog dropped unread, reported at most once a second (a flood would
    /// otherwise be a flood of reports).
    private func reportDroppedDatagrams(_ origin: MessageOrigin) {
        guard backlog.hasDropped else { return }  // the usual case: no clock read per datagram
        let now = clock.now()
        if let last = lastDropReport, now - last < .seconds(1) { return }
        let dropped = backlog.takeDropped()
        guard dropped > 0 else { return }
        lastDropReport = now
        eventSink.yield(.overloaded(
            reason: "\(dropped) datagrams dropped unread (more than \(backlog.limit) were waiting)", origin))
    }

    /// `raw`: the bytes as received (datagrams), which the wire trace shows as they came —
    /// also a malformed request that got a 400, or one that was dropped, so the debug pane
    /// shows what was wrong with it. Stream messages have no raw bytes of their own here and
    /// are traced re-serialized.
    private func receive(_ verdict: InboundVerdict, origin: MessageOrigin, raw: [UInt8]? = nil) {
        switch verdict {
        case .deliver(let message):
            if case .response(let response) = message, keepAliveResponseArrived(response) { return }
            if case .request(let request) = message { honourAlias(of: request, on: origin.flow) }
            traceReceived(raw ?? message.serialized(), origin)
            eventSink.yield(.messageReceived(message, origin))
        case .reject(let response):
            if let raw { traceReceived(raw, origin) }
            eventSink.yield(.requestRejected(response, origin))
            Task { try? await self.write(response.serialized(), on: origin.flow) }
        case .drop(let reason):
            if let raw { traceReceived(raw, origin) }
            eventSink.yield(.messageDropped(reason: reason, origin))
        }
    }

    private func traceReceived(_ bytes: [UInt8], _ origin: MessageOrigin) {
        wireSink.yield(WireRecord(direction: .received, flow: origin.flow, time: clock.now(), bytes: bytes))
    }

    /// RFC 5923 §5: a request over a TCP connection whose top Via carries `alias` lets us send
    /// our requests for its sent-by (the source address with the Via's port) over the same
    /// connection. Only on TCP: on TLS the alias needs a mutually authenticated connection
    /// (§6), which a client certificate is not checked for here.
    func honourAlias(of request: SIPRequest, on flow: FlowInfo) {
        guard flow.transport == .tcp, sockets[flow.socket]?.connectedFlow != nil,
              let top = try? request.headers.via.first, top.parameters.contains("alias")
        else { return }
        let port = top.port ?? SIPTransport.tcp.defaultPort
        let key = ConnectionKey(transport: .tcp, remote: SIPSocketAddress(flow.remote.address, port: port), serverName: nil)
        if let existing = connections[key], sockets[existing] != nil { return }
        connections[key] = flow.socket
    }

    /// A flow died: its keep-alive (if any) reports it, otherwise it is reported directly, so
    /// the owner hears exactly once.
    private func flowFailed(_ flow: FlowInfo, _ detail: String) {
        if keepAlives[FlowKey(flow)] != nil {
            runKeepAlive(FlowKey(flow)) { $0.flowClosed(detail) }
        } else {
            eventSink.yield(.flowFailed(flow, .closed(detail)))
        }
    }
}

import NIOCore
import SIPServerLocation
import SIPSyntax

/// A request ready for a client transaction: our Via on top, and the flow it goes out on.
public struct PreparedRequest: Sendable, Hashable {
    public var request: SIPRequest
    public var flow: FlowInfo
}

extension SIPTransportLayer {
    /// Picks the flow for `request` to `target`, and stamps our Via with `branch` and the flow's
    /// transport and address (RFC 3261 §18.1.1). A request that would exceed the UDP size limit
    /// goes over TCP to the same address and port instead, with the Via saying TCP.
    public func prepare(
        _ request: SIPRequest, branch: String, to target: ConnectionTarget
    ) async throws(SIPTransportError) -> PreparedRequest {
        var flow = try await flow(for: target)
        var stamped = OutgoingVia.stamp(request, branch: branch, transport: flow.transport, sentBy: sentBy(for: flow))
        let size = stamped.serialized().count
        let chosen = TransportSelection.transport(for: size, routed: flow.transport, limit: configuration.udpSizeLimit)
        if chosen != flow.transport {
            flow = try await self.flow(for: target.over(chosen))
            stamped = OutgoingVia.stamp(request, branch: branch, transport: flow.transport, sentBy: sentBy(for: flow))
        }
        return PreparedRequest(request: stamped, flow: flow)
    }

    /// Our sent-by for a flow: the listener of the same transport and family if we have one
    /// (where new requests and responses can reach us), else the flow's own local address.
    private func sentBy(for flow: FlowInfo) -> SIPSocketAddress {
        let listener = listeners.first { listener in
            listener.transport == flow.transport && listener.local.address.family == flow.local.address.family
                && !listener.local.address.bytes.allSatisfy { $0 == 0 }
        }
        return listener?.local ?? flow.local
    }

    /// Writes a request (or a retransmission) on its flow.
    public func send(_ request: SIPRequest, on flow: FlowInfo) async throws(SIPTransportError) {
        try await write(request.serialized(), on: flow)
    }

    /// Sends a response to a request that arrived from `origin`, routed per RFC 3261 §18.2.2:
    /// on the arrival connection while it is open, else a new connection to `received` at the
    /// sent-by port; on UDP to the source address and `rport`.
    public func sendResponse(_ response: SIPResponse, to origin: MessageOrigin) async throws(SIPTransportError) {
        let topVia = try? response.headers.via.first
        let open = sockets[origin.flow.socket] != nil
        switch ResponseRoute.decide(via: topVia, arrival: origin.flow, flowOpen: open) {
        case .arrivalFlow:
            try await write(response.serialized(), on: origin.flow)
        case .address(let destination):
            let flow: FlowInfo
            if origin.flow.transport == .udp, open {
                flow = FlowInfo(socket: origin.flow.socket, transport: .udp, local: origin.flow.local, remote: destination)
            } else {
                let endpoint = TransportEndpoint(origin.flow.transport, destination.address, port: destination.port)
                flow = try await self.flow(for: ConnectionTarget(endpoint))
            }
            try await write(response.serialized(), on: flow)
        case .unroutable(let reason):
            eventSink.yield(.messageDropped(reason: "response \(response.statusCode) not sent: \(reason)", origin))
        }
    }

    /// Writes bytes on a flow: an addressed datagram on a shared UDP socket, plain bytes on a
    /// connected one or a connection.
    func write(_ bytes: [UInt8], on flow: FlowInfo) async throws(SIPTransportError) {
        guard let entry = sockets[flow.socket] else { throw .flowClosed(flow) }
        if bytes.count > KeepAliveBytes.ping.count {
            wireSink.yield(WireRecord(direction: .sent, flow: flow, time: clock.now(), bytes: bytes))
        }
        let buffer = ByteBuffer(bytes: bytes)
        do {
            switch entry.kind {
            case .datagramListener:
                let envelope = AddressedEnvelope(remoteAddress: try flow.remote.socketAddress(), data: buffer)
                try await entry.channel.writeAndFlush(envelope).get()
            case .datagramConnected, .connection:
                try await entry.channel.writeAndFlush(buffer).get()
            case .streamListener:
                throw SIPTransportError.flowClosed(flow)
            }
        } catch {
            guard let reason = entry.closeReason?.text else { throw .flowClosed(flow) }
            throw .connectionLost(flow, reason: "connection closed (\(reason))")
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import NIOSSL
import SIPServerLocation

extension ChannelFactory {
    /// Opens a TCP connection, and for TLS completes the handshake before returning: a
    /// connection whose server failed verification never carries a SIP message. The connect
    /// timeout bounds the TCP connect and the handshake each.
    func connectStream(
        to target: ConnectionTarget, socket: SocketID, tls: NIOSSLContext?
    ) async throws(SIPTransportError) -> (any Channel, TLSDetails?, CloseReason) {
        let endpoint = target.endpoint
        let remote = try SIPSocketAddress(endpoint.address, port: endpoint.port).socketAddress()
        let loop = group.next()
        let handshake = tls == nil ? nil : loop.makePromise(of: TLSDetails.self)
        let reason = CloseReason()
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer(initializer(target, socket: socket, tls: tls, handshake: handshake, closeReason: reason))
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(to: remote).get()
        } catch {
            handshake?.fail(error)
            throw Self.connectError(error, endpoint, timeout: connectTimeout)
        }
        guard let handshake else { return (channel, nil, reason) }
        let timeout = connectTimeout
        let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            handshake.fail(TLSFailure.handshakeTimedOut(after: timeout))
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        do {
            return (channel, try await handshake.futureResult.get(), reason)
        } catch {
            channel.close(promise: nil)
            throw .tls(endpoint, error as? TLSFailure ?? .handshakeRefused(detail: SocketErrorText.describe(error)))
        }
    }

    private func initializer(
        _ target: ConnectionTarget, socket: SocketID, tls: NIOSSLContext?, handshake: EventLoopPromise<TLSDetails>?,
        closeReason: CloseReason
    ) -> @Sendable (any Channel) -> EventLoopFuture<Void> {
        let settings = streamSettings
        let expected = target.serverName ?? target.endpoint.address.description
        let acceptUnverified = target.tls.acceptUnverifiedCertificate
        return { channel in
            channel.eventLoop.makeCompletedFuture {
                let handlers = channel.pipeline.syncOperations
                if let tls, let handshake {
                    let verdict = CertificateVerdict(acceptUnverified: acceptUnverified)
                    try handlers.addHandler(NIOSSLClientHandler.make(context: tls, serverHostname: target.serverName, verdict: verdict))
                    try handlers.addHandler(TLSHandshakeWatcher(
                        promise: handshake, verdict: verdict, expectedName: expected, acceptUnverified: acceptUnverified))
                }
                try handlers.addHandler(StreamHandler(socket: socket, channel: channel, settings: settings, closeReason: closeReason))
            }
        }
    }

    static func connectError(_ error: any Error, _ endpoint: TransportEndpoint, timeout: Duration) -> SIPTransportError {
        if let error = error as? SIPTransportError { return error }
        if case ChannelError.connectTimeout = error { return .connectTimedOut(endpoint, after: timeout) }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return .connectionRefused(endpoint) }
        if let connect = error as? NIOConnectionError,
           connect.connectionErrors.contains(where: { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }) {
            return .connectionRefused(endpoint)
        }
        return .connectionFailed(endpoint, reason: SocketErrorText.describe(error))
    }
}

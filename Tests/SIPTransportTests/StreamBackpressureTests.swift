import NIOCore
import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Synchronization
import Testing
import TestSupport

/// A TCP connection that floods requests faster than they are handled is held back by TCP
/// flow control, not dropped (RFC 3261 §18: a reliable transport never retransmits): what waits
/// for the transport actor stays within the connection's window, the connection stays open, and
/// every request arrives, in order, once they are handled again. A real client socket on
/// 127.0.0.1 writes as fast as the kernel lets it.
@Suite(.timeLimit(.minutes(3))) struct StreamBackpressureTests {
    static let total = 20_000

    @Test func aStoppedConsumerHoldsTheSenderBackAndLaterGetsEveryRequestInOrder() async throws {
        try await withEventLoop { group in
            let window = StreamReadWindow.Limits(messages: 200, bytes: 1 << 20)
            let (signals, sink) = AsyncStream.makeStream(of: ChannelSignal.self)
            let factory = ChannelFactory(
                group: group, ids: SocketIDGenerator(), sink: sink, limits: .standard, server: "test", backlog: InboundBacklog(),
                streamWindow: window, connectTimeout: .seconds(5), network: nil)
            let listener = try await factory.bindStream(.tcp, SIPSocketAddress(literal: "127.0.0.1", port: 0)!, tls: nil)
            let port = try #require(SIPSocketAddress(listener.localAddress)).port
            let flood = Flood(total: Self.total, padding: 1_500)
            let writer = Task { try await OffPool.run { try flood.write(to: port) } }

            // The consumer takes the first request and then stops taking any.
            var pending = signals.makeAsyncIterator()
            var received: [UInt32] = []
            var first: StreamCredit?
            while first == nil, let signal = await pending.next() {
                if case .inbound(_, let verdict, _, let credit) = signal {
                    received.append(try #require(Flood.sequenceNumber(verdict)))
                    first = credit
                }
            }
            let flowControl = try #require(first?.flowControl)
            #expect(await Poll.until { !flowControl.isReading }, "the window fills and reading pauses")
            let sentWhileStopped = await flood.sentWhenItStalls()
            #expect(flowControl.waitingMessages == window.messages, "exactly the window waits, not what the kernel holds")
            #expect(sentWhileStopped < Self.total, "the sender is held back while nobody takes its requests")

            // Handled again, a little slowly: everything arrives, in order, within the window.
            _ = first?.release()
            var mostWaiting = 0
            var closed: String?
            taking: while received.count < Self.total, let signal = await pending.next() {
                switch signal {
                case .inbound(_, let verdict, _, let credit):
                    mostWaiting = max(mostWaiting, credit.flowControl.waitingMessages)
                    received.append(try #require(Flood.sequenceNumber(verdict)))
                    _ = credit.release()
                    if received.count.isMultiple(of: 500) { try await Task.sleep(for: .milliseconds(2)) }
                case .closed(_, let reason):
                    closed = reason
                    break taking
                case .accepted, .datagram, .pong, .socketError:
                    break
                }
            }
            #expect(closed == nil, "the connection stays open")
            #expect(received == (1...Self.total).map { UInt32($0) })
            #expect(mostWaiting <= window.messages)
            let client = try await writer.value
            #expect(flood.sent == Self.total)
            withExtendedLifetime(client) {}
            try await listener.close()
            sink.finish()
        }
    }

    @Test func theTransportLayerTakesAFloodInOrderAndReportsThePauseAndItsEnd() async throws {
        try await withEventLoop { group in
            var configuration = SIPTransportLayer.Configuration(listeners: [.init(.tcp, address: "127.0.0.1")])
            configuration.streamWindow = .init(messages: 16, bytes: 1 << 20)
            let layer = SIPTransportLayer(configuration: configuration, group: group)
            let port = try #require(try await layer.start().first).local.port
            let flood = Flood(total: Self.total, padding: 100)
            let writer = Task { try await OffPool.run { try flood.write(to: port) } }
            try await Self.expectEveryRequestInOrder(from: layer)
            let client = try await writer.value
            withExtendedLifetime(client) {}
            await layer.shutdown()
        }
    }

    /// Over TLS the window sits behind NIOSSL's handler, which decrypts whole records: reads
    /// held back there stop the encrypted stream just the same.
    @Test func aFloodOverTLSArrivesWholeAndInOrderThroughThePauses() async throws {
        let pki = try await TestCertificateAuthority()
        try await withEventLoop { group in
            var configuration = SIPTransportLayer.Configuration(
                listeners: [.init(.tls, address: "127.0.0.1")],
                serverIdentity: TLSServerIdentity(chainFile: pki.server.certificate, keyFile: pki.server.key))
            configuration.streamWindow = .init(messages: 16, bytes: 1 << 20)
            let server = SIPTransportLayer(configuration: configuration, group: group)
            let local = try #require(try await server.start().first).local
            let client = SIPTransportLayer(configuration: .init(), group: group)
            let target = ConnectionTarget(
                TransportEndpoint(.tls, local.address, port: local.port), serverName: "sip.example.test",
                tls: TLSClientSettings(trust: .caFile(pki.caFile)))
            let flow = try await client.flow(for: target)
            let flood = Flood(total: Self.total, padding: 100)
            let writer = Task {
                // Each write waits until the kernel took it, so this sender is held back too.
                for request in flood.requests { try await client.write(request, on: flow) }
            }
            try await Self.expectEveryRequestInOrder(from: server)
            try await writer.value
            await client.shutdown()
            await server.shutdown()
        }
    }

    /// Reads the layer's events until `total` requests arrived: all of them, in order, on an
    /// open connection; pause and resumption reports alternate, the first pause reported.
    private static func expectEveryRequestInOrder(from layer: SIPTransportLayer) async throws {
        var received: [UInt32] = []
        var reports: [String] = []
        var failure: String?
        events: for await event in layer.events {
            switch event {
            case .messageReceived(let message, _):
                received.append(try #require(Flood.sequenceNumber(.deliver(message))))
                if received.count == total { break events }
            case .overloaded(let reason, _):
                reports.append(reason)
            case .flowFailed(let flow, let why):
                failure = "\(flow): \(why)"
                break events
            case .requestRejected, .messageDropped, .keepAlivePong:
                failure = "unexpected \(event)"
                break events
            }
        }
        #expect(failure == nil)
        #expect(received == (1...total).map { UInt32($0) })
        // The handler frames a whole read at once, far faster than the actor takes it, so a
        // 16-message window fills; the first pause is always reported.
        #expect(reports.first?.hasPrefix("reading paused") == true, "\(reports)")
        for (index, reason) in reports.enumerated() {
            #expect(reason.hasPrefix(index.isMultiple(of: 2) ? "reading paused" : "reading resumed"), "\(reports)")
        }
    }
}

/// `total` OPTIONS with CSeq 1, 2, 3… written to a TCP port as fast as the kernel takes them.
final class Flood: Sendable {
    let total: Int
    let requests: [[UInt8]]
    private let progress = Atomic<Int>(0)

    init(total: Int, padding: Int) {
        self.total = total
        let pad = String(repeating: "p", count: padding)
        requests = (1...total).map { number in
            Array("""
                OPTIONS sip:b@127.0.0.1 SIP/2.0\r
                Via: SIP/2.0/TCP 127.0.0.1:5099;branch=z9hG4bK-flood-\(number)\r
                Max-Forwards: 70\r
                From: <sip:a@127.0.0.1>;tag=flood\r
                To: <sip:b@127.0.0.1>\r
                Call-ID: flood-\(number)\r
                CSeq: \(number) OPTIONS\r
                X-Padding: \(pad)\r
                Content-Length: 0\r
                \r

                """.utf8)
        }
    }

    var sent: Int { progress.load(ordering: .relaxed) }

    /// Blocks while the kernel holds the writes back: call through `OffPool`. The connection is
    /// returned open, so the receiver sees no close before it has read everything.
    func write(to port: UInt16) throws -> RawTCPConnection {
        let connection = try RawTCPConnection(host: "127.0.0.1", port: port)
        for start in stride(from: 0, to: total, by: 10) {
            let end = min(start + 10, total)
            connection.send(requests[start..<end].flatMap { $0 })
            progress.store(end, ordering: .relaxed)
        }
        return connection
    }

    /// The count sent once it has stopped growing for a while (or all were sent).
    func sentWhenItStalls() async -> Int {
        var last = -1
        var unchanged = 0
        for _ in 0..<300 where unchanged < 5 && last < total {
            try? await Task.sleep(for: .milliseconds(100))
            let now = sent
            unchanged = now == last ? unchanged + 1 : 0
            last = now
        }
        return last
    }

    static func sequenceNumber(_ verdict: InboundVerdict) -> UInt32? {
        guard case .deliver(.request(let request)) = verdict else { return nil }
        return (try? request.headers.cseq)??.sequenceNumber
    }
}

/// Waits for a condition with a generous deadline instead of a fixed sleep.
enum Poll {
    static func until(within limit: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
        let end = ContinuousClock.now + limit
        while !condition() {
            guard ContinuousClock.now < end else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}

import Foundation
@testable import MediaEngine
import NIOCore
import Testing
import TestSupport

/// The call's media thread: work handed to it, its timers, its sockets, and its end.
@Suite("Media loop")
struct MediaLoopTests {
    private struct Oops: Error, Equatable {}

    @Test("submit runs on the loop's thread and returns the body's value or error")
    func submitReturnsValuesAndErrors() async throws {
        let loop = try MediaLoop(name: "test")
        let onLoop = try await loop.submit { loop.isOnLoop }
        #expect(onLoop)
        #expect(!loop.isOnLoop)
        #expect(try await loop.submit { 6 * 7 } == 42)
        await #expect(throws: Oops.self) { try await loop.submit { () throws -> Int in throw Oops() } }
        loop.shutdown()
        await loop.waitUntilEnded()
    }

    @Test("the thread ends on shutdown; work queued before it runs, work after it is refused")
    func shutdownEndsTheThread() async throws {
        let loop = try MediaLoop(name: "test")
        let counter = LockedCounter()
        for _ in 0..<100 { loop.execute { counter.increment() } }
        loop.shutdown()
        await loop.waitUntilEnded()
        #expect(loop.hasEnded)
        #expect(counter.value == 100)
        #expect(!loop.execute { counter.increment() })
        await #expect(throws: MediaLoop.Failure.shutDown) { try await loop.submit { 1 } }
        loop.shutdown()  // twice is harmless
    }

    @Test("timers fire in deadline order on the loop, and a cancelled one does not")
    func timersFireInOrder() async throws {
        let loop = try MediaLoop(name: "test")
        let fired = LockedList()
        let done = AsyncStream<Void>.makeStream()
        try await loop.submit {
            let now = MediaLoop.now()
            _ = loop.schedule(at: now + 30_000_000) { fired.append("c"); done.continuation.yield() }
            _ = loop.schedule(at: now + 10_000_000) { fired.append("a") }
            let cancelled = loop.schedule(at: now + 20_000_000) { fired.append("never") }
            _ = loop.schedule(at: now + 20_000_000) { fired.append("b") }
            loop.cancel(cancelled)
        }
        var iterator = done.stream.makeAsyncIterator()
        await iterator.next()
        #expect(fired.values == ["a", "b", "c"])
        loop.shutdown()
        await loop.waitUntilEnded()
    }

    @Test("an idle loop sleeps: no wake-ups while nothing happens")
    func idleLoopDoesNotSpin() async throws {
        let loop = try MediaLoop(name: "test")
        let before = try await loop.submit { loop.wakeUps }
        // Real time passes with nothing to do: one timer 300 ms away is all there is.
        let done = AsyncStream<Void>.makeStream()
        try await loop.submit { _ = loop.schedule(in: 300_000_000) { done.continuation.yield() } }
        var iterator = done.stream.makeAsyncIterator()
        await iterator.next()
        let after = try await loop.submit { loop.wakeUps }
        // The submits and the timer each wake it once; a spinning loop would count thousands.
        #expect(after - before <= 6)
        loop.shutdown()
        await loop.waitUntilEnded()
    }

    @Test("datagrams reach the watching handler with their source; sockets close when the loop ends")
    func socketsDeliverAndClose() async throws {
        let loop = try MediaLoop(name: "test")
        let sockets = try MediaSockets.bind(host: "127.0.0.1", range: 20000...40000)
        #expect(sockets.port % 2 == 0 && sockets.rtcp.port == sockets.port + 1)
        let received = AsyncStream<(String, Int)>.makeStream()
        let peer = try #require(MediaUDPSocket.bind(host: "127.0.0.1", port: 0))
        defer { peer.close() }
        try await loop.submit {
            loop.watch(sockets.rtp) { bytes, source in
                received.continuation.yield((String(decoding: bytes, as: UTF8.self), source.port ?? -1))
            }
        }
        let peerPort = try localPort(peer.descriptor)
        let destination = try SocketAddress(ipAddress: "127.0.0.1", port: sockets.port)
        peer.send(Array("hello".utf8), to: destination)
        peer.send(Array("again".utf8), to: destination)
        var iterator = received.stream.makeAsyncIterator()
        let first = await iterator.next()
        let second = await iterator.next()
        #expect(first?.0 == "hello" && first?.1 == peerPort)
        #expect(second?.0 == "again" && second?.1 == peerPort)
        loop.shutdown()
        await loop.waitUntilEnded()
        // The port is free again once the loop has ended.
        let rebound = MediaUDPSocket.bind(host: "127.0.0.1", port: sockets.port)
        #expect(rebound != nil)
        rebound?.close()
        sockets.rtcp.close()
    }

    @Test("an ICMP port-unreachable error on the socket is ignored and later datagrams still arrive")
    func icmpErrorsAreIgnored() async throws {
        let loop = try MediaLoop(name: "test")
        let sockets = try MediaSockets.bind(host: "127.0.0.1", range: 20000...40000)
        let received = AsyncStream<String>.makeStream()
        // A port nobody listens on: sending there leaves ECONNREFUSED on our socket.
        let closed = try #require(MediaUDPSocket.bind(host: "127.0.0.1", port: 0))
        let closedPort = try localPort(closed.descriptor)
        closed.close()
        try await loop.submit {
            loop.watch(sockets.rtp) { bytes, _ in received.continuation.yield(String(decoding: bytes, as: UTF8.self)) }
            sockets.rtp.send(Array("nobody".utf8), to: try SocketAddress(ipAddress: "127.0.0.1", port: closedPort))
        }
        let peer = try #require(MediaUDPSocket.bind(host: "127.0.0.1", port: 0))
        defer { peer.close() }
        peer.send(Array("still here".utf8), to: try SocketAddress(ipAddress: "127.0.0.1", port: sockets.port))
        var iterator = received.stream.makeAsyncIterator()
        #expect(await iterator.next() == "still here")
        loop.shutdown()
        await loop.waitUntilEnded()
        sockets.rtcp.close()
    }

    @Test("IPv6 sockets bind and receive on ::1")
    func ipv6() async throws {
        let loop = try MediaLoop(name: "test")
        let sockets = try MediaSockets.bind(host: "::1", range: 20000...40000)
        let received = AsyncStream<String>.makeStream()
        try await loop.submit {
            loop.watch(sockets.rtp) { bytes, _ in received.continuation.yield(String(decoding: bytes, as: UTF8.self)) }
        }
        let peer = try #require(MediaUDPSocket.bind(host: "::1", port: 0))
        defer { peer.close() }
        peer.send(Array("v6".utf8), to: try SocketAddress(ipAddress: "::1", port: sockets.port))
        var iterator = received.stream.makeAsyncIterator()
        #expect(await iterator.next() == "v6")
        loop.shutdown()
        await loop.waitUntilEnded()
        sockets.rtcp.close()
    }

    @Test("a stopped call's media thread ends and frees its ports")
    func stoppedSessionEndsItsLoop() async throws {
        let factory = RTPCallMediaFactory()
        let session = try await factory.prepare(CallMediaRequest(
            localAddress: "127.0.0.1", codecs: ["pcmu"], srtp: .off, audio: .null, portRange: 20000...40000, noMediaTimeout: 0))
        let rtp = try #require(session as? RTPCallMediaSession)
        let summary = await rtp.stop()
        #expect(rtp.loop.hasEnded)
        // Queries after the end answer with the figures `stop` took, and a second stop is harmless.
        let secondSummary = await rtp.stop()
        #expect(secondSummary.codec == summary.codec && secondSummary.encryption == summary.encryption)
        let diagnostics = await rtp.diagnostics()
        #expect(diagnostics.packetsReceived == 0 && diagnostics.malformed == 0)
        let port = Int(session.capabilities.rtpPort)
        let again = MediaUDPSocket.bind(host: "127.0.0.1", port: port)
        #expect(again != nil)
        again?.close()
    }

    private func localPort(_ descriptor: Int32) throws -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        try #require(result == 0)
        return Int(withUnsafeBytes(of: &storage) { UInt16(bigEndian: $0.load(fromByteOffset: 2, as: UInt16.self)) })
    }
}

private final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

private final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ value: String) { lock.withLock { list.append(value) } }
    var values: [String] { lock.withLock { list } }
}

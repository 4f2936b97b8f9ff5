import Foundation
import Synchronization

/// An in-process UDP relay between two RTP endpoints on 127.0.0.1 that impairs one direction
/// (PEERS.md: this kernel has no netem, so loss and jitter are made here). A sends to
/// `port`; the relay forwards to B from a socket of its own after `NetworkImpairment` decides.
/// B must send to `returnPort` (its packets go back to A untouched): otherwise A's symmetric-RTP
/// latch (RFC 4961) follows B's packets and bypasses the relay.
public final class ImpairmentRelay: Sendable {
    public struct Counts: Sendable, Hashable {
        public var received = 0
        public var dropped = 0
        public var reordered = 0
        public var forwarded = 0
        public var returned = 0
    }

    /// Where A must send (its SDP view of B's RTP port).
    public let port: UInt16
    /// Where B must send (its SDP view of A's RTP port).
    public let returnPort: UInt16
    private let facingA: Int32
    private let facingB: Int32
    private let running = Atomic<Bool>(true)
    private let counts = Mutex(Counts())
    private let finished = DispatchSemaphore(value: 0)

    public init(toPort destination: UInt16, returningTo aPort: UInt16, plan: NetworkImpairment.Plan) throws(LoopbackSocketError) {
        facingA = try Self.bindLoopback()
        facingB = try Self.bindLoopback()
        port = Self.localPort(facingA)
        self.returnPort = Self.localPort(facingB)
        let thread = Thread { [self, facingA, facingB] in
            var relay = RelayLoop(impairment: NetworkImpairment(plan), toB: Self.address(destination), toA: Self.address(aPort))
            relay.run(facingA: facingA, facingB: facingB, while: { self.running.load(ordering: .acquiring) }) { update in
                self.counts.withLock { update(&$0) }
            }
            self.finished.signal()
        }
        thread.name = "impairment-relay"
        thread.start()
    }

    public var current: Counts { counts.withLock { $0 } }

    public func stop() {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return }
        _ = finished.wait(timeout: .now() + 2)
        close(facingA)
        close(facingB)
    }

    deinit { stop() }

    static func bindLoopback() throws(LoopbackSocketError) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackSocketError(host: "127.0.0.1", reason: "socket failed") }
        var address = Self.address(0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw LoopbackSocketError(host: "127.0.0.1", reason: "bind failed")
        }
        return fd
    }

    static func localPort(_ fd: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    static func address(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// The relay's thread: poll both sockets, hold delayed packets until their time.
private struct RelayLoop {
    var impairment: NetworkImpairment
    let toB: sockaddr_in
    let toA: sockaddr_in
    /// Packets for B waiting for their release time (monotonic nanoseconds).
    var pending: [(release: UInt64, bytes: [UInt8])] = []

    mutating func run(facingA: Int32, facingB: Int32, while isRunning: () -> Bool,
                      count: ((inout ImpairmentRelay.Counts) -> Void) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 2048)
        while isRunning() {
            let now = DispatchTime.now().uptimeNanoseconds
            let wait = pending.map { $0.release > now ? Int32(($0.release - now) / 1_000_000) : 0 }.min() ?? 10
            var fds = [pollfd(fd: facingA, events: Int16(POLLIN), revents: 0), pollfd(fd: facingB, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 2, min(wait, 10))
            if fds[0].revents & Int16(POLLIN) != 0, let bytes = receive(facingA, &buffer) {
                switch impairment.next() {
                case .drop:
                    count { $0.received += 1; $0.dropped += 1 }
                case .deliver(let delay, let reordered):
                    pending.append((DispatchTime.now().uptimeNanoseconds + UInt64(delay) * 1_000_000, bytes))
                    count { $0.received += 1; if reordered { $0.reordered += 1 } }
                }
            }
            if fds[1].revents & Int16(POLLIN) != 0, let bytes = receive(facingB, &buffer) {
                send(bytes, from: facingA, to: toA)
                count { $0.returned += 1 }
            }
            let due = DispatchTime.now().uptimeNanoseconds
            pending.sort { $0.release < $1.release }
            for packet in pending where packet.release <= due {
                send(packet.bytes, from: facingB, to: toB)
                count { $0.forwarded += 1 }
            }
            pending.removeAll { $0.release <= due }
        }
    }

    func receive(_ fd: Int32, _ buffer: inout [UInt8]) -> [UInt8]? {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        return count > 0 ? Array(buffer[0..<count]) : nil
    }

    func send(_ bytes: [UInt8], from fd: Int32, to address: sockaddr_in) {
        var address = address
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
}

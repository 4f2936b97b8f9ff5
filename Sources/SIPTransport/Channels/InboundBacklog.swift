import Synchronization

/// How many received datagrams wait between the sockets' event loops and the transport actor.
/// The loops read and parse as fast as the kernel delivers; the actor may not keep up with a
/// flood, and then every waiting message is memory. Past `limit` waiting, new requests are
/// dropped unread, as the kernel would drop them from a full socket buffer; responses (to
/// our own transactions) still pass until four times the limit. UDP senders retransmit
/// (RFC 3261 §17.1.2.2), so a request dropped here is not lost for a peer that behaves.
final class InboundBacklog: Sendable {
    let limit: Int
    private let queued = Atomic<Int>(0)
    private let dropped = Atomic<Int>(0)

    init(limit: Int = 1_000) {
        self.limit = limit
    }

    /// On an event loop, before parsing: whether to pass this datagram on (and count it).
    func admit(_ bytes: [UInt8]) -> Bool {
        let waiting = queued.load(ordering: .relaxed)
        if waiting >= limit * 4 || (waiting >= limit && !Self.isResponse(bytes)) {
            dropped.add(1, ordering: .relaxed)
            return false
        }
        queued.add(1, ordering: .relaxed)
        return true
    }

    /// In the actor, for each admitted datagram it takes.
    func release() {
        queued.subtract(1, ordering: .relaxed)
    }

    /// Datagrams dropped since the last call.
    func takeDropped() -> Int {
        dropped.exchange(0, ordering: .relaxed)
    }

    var waiting: Int { queued.load(ordering: .relaxed) }

    /// Whether any were dropped since `takeDropped` last ran.
    var hasDropped: Bool { dropped.load(ordering: .relaxed) > 0 }

    /// A status line starts with the version (RFC 3261 §7.2); a request line with a method.
    static func isResponse(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: statusLineStart)
    }

    private static let statusLineStart = Array("SIP/2.0 ".utf8)
}

import CAres
import Foundation
import Synchronization

/// One `ares_channel` and the thread that drives it.
///
/// A c-ares channel is not thread-safe, so every call on it happens on this loop's own thread:
/// other threads queue queries under a `Mutex` and wake the thread through a pipe. The thread
/// waits in `poll` on the pipe and on the sockets `ares_getsock` names, for at most
/// `ares_timeout`, then lets `ares_process_fd` read answers and expire timeouts. Blocking
/// there keeps the cooperative pool (2 threads on our machines) free.
final class CAresEventLoop: Sendable {
    /// A query waiting to be handed to c-ares.
    private struct Pending: Sendable {
        var name: String
        var type: DNSRecordType
        var context: QueryContext
    }

    private struct Shared: Sendable {
        var pending: [Pending] = []
        var stopping = false
    }

    /// Only ever touched on the loop thread (and in `init`, before the thread starts).
    nonisolated(unsafe) private let channel: OpaquePointer
    private let shared = Mutex(Shared())
    private let wakeReader: Int32
    private let wakeWriter: Int32

    /// Takes ownership of `channel` and starts the thread.
    init(channel: OpaquePointer, name: String) throws(DNSClientSetupError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            ares_destroy(channel)
            throw .threadSetup("pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        self.channel = channel
        wakeReader = fds[0]
        wakeWriter = fds[1]
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// Sends one query and waits for the raw answer or the c-ares status that replaced it.
    /// After `shutdown` every query fails with `ARES_EDESTRUCTION`.
    func query(_ name: String, _ type: DNSRecordType) async -> Result<[UInt8], CAresStatus> {
        await withCheckedContinuation { continuation in
            let context = QueryContext(continuation)
            let accepted = shared.withLock { state in
                guard !state.stopping else { return false }
                state.pending.append(Pending(name: name, type: type, context: context))
                return true
            }
            if accepted {
                wake()
            } else {
                context.finish(.failure(CAresStatus(ARES_EDESTRUCTION)))
            }
        }
    }

    /// Stops the thread; queries in flight end with `ARES_EDESTRUCTION` (from `ares_destroy`).
    func shutdown() {
        shared.withLock { $0.stopping = true }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)  // EAGAIN: the pipe is full, the thread is awake anyway
    }

    private func run() {
        while true {
            let (batch, stopping) = shared.withLock { state in
                defer { state.pending.removeAll() }
                return (state.pending, state.stopping)
            }
            for query in batch { send(query) }
            if stopping { break }
            waitAndProcess()
        }
        ares_destroy(channel)
        close(wakeReader)
        close(wakeWriter)
    }

    /// Hands a query to c-ares; the context travels through c-ares as the callback argument.
    private func send(_ query: Pending) {
        let argument = Unmanaged.passRetained(query.context).toOpaque()
        ares_query(channel, query.name, 1 /* class IN */, Int32(query.type.rawValue), { argument, status, _, answer, length in
            let context = Unmanaged<QueryContext>.fromOpaque(argument!).takeRetainedValue()
            if status == ARES_SUCCESS, let answer, length > 0 {
                context.finish(.success(Array(UnsafeBufferPointer(start: answer, count: Int(length)))))
            } else {
                context.finish(.failure(CAresStatus(status == ARES_SUCCESS ? ARES_EBADRESP : status)))
            }
        }, argument)
    }

    /// One round: poll the wake pipe and c-ares' sockets until something is ready or the next
    /// c-ares timeout is due, then let c-ares process the ready sockets and its timeouts.
    private func waitAndProcess() {
        var fds = [pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0)] + socketsToWatch()
        var next = timeval()
        let timeout: Int32 = ares_timeout(channel, nil, &next).map { due in
            Int32(clamping: due.pointee.tv_sec * 1000 + (due.pointee.tv_usec + 999) / 1000)
        } ?? -1
        guard poll(&fds, nfds_t(fds.count), timeout) >= 0 || errno == EINTR else { return }
        if fds[0].revents != 0 { drainWakePipe() }
        let readyForRead = Int16(POLLIN | POLLERR | POLLHUP)
        for fd in fds.dropFirst() where fd.revents != 0 {
            ares_process_fd(channel,
                            fd.revents & readyForRead != 0 ? fd.fd : ARES_SOCKET_BAD,
                            fd.revents & Int16(POLLOUT) != 0 ? fd.fd : ARES_SOCKET_BAD)
        }
        ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD)  // expire timed-out queries
    }

    /// The sockets c-ares wants watched, decoded from `ares_getsock`'s bitmask (the
    /// `ARES_GETSOCK_READABLE/WRITABLE` macros, which Swift cannot import).
    private func socketsToWatch() -> [pollfd] {
        let count = Int(ARES_GETSOCK_MAXNUM)
        var sockets = [ares_socket_t](repeating: ARES_SOCKET_BAD, count: count)
        let bits = ares_getsock(channel, &sockets, Int32(count))
        return (0..<count).compactMap { index in
            let readable = bits & (1 << index) != 0
            let writable = bits & (1 << (index + count)) != 0
            guard readable || writable else { return nil }
            let events = (readable ? Int16(POLLIN) : 0) | (writable ? Int16(POLLOUT) : 0)
            return pollfd(fd: sockets[index], events: events, revents: 0)
        }
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeReader, &buffer, buffer.count) > 0 {}
    }
}

/// The continuation of one query; resumed exactly once, by the c-ares callback or on refusal.
final class QueryContext: Sendable {
    private let continuation: CheckedContinuation<Result<[UInt8], CAresStatus>, Never>

    init(_ continuation: CheckedContinuation<Result<[UInt8], CAresStatus>, Never>) {
        self.continuation = continuation
    }

    func finish(_ result: Result<[UInt8], CAresStatus>) {
        continuation.resume(returning: result)
    }
}

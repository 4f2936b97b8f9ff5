import CShim
import Foundation
import Glibc
import NIOCore
import Synchronization

/// One call's media thread: it owns the call's RTP and RTCP sockets and its timers, and sleeps
/// in `ppoll` until a datagram arrives, the next timer is due or other threads hand it work.
/// A call costs one `recvfrom` per packet received and one `sendto` per packet sent, with no
/// channel pipeline, envelope, promise or timer re-arm in between (issue 6: no more CPU than
/// baresip). Nothing polls: with no timer and no traffic the thread sleeps until woken, and
/// `shutdown` ends it.
///
/// `schedule`, `cancel` and `watch` are for the loop's own thread (the work it runs);
/// `submit`, `execute` and `shutdown` for any thread.
final class MediaLoop: @unchecked Sendable {
    enum Failure: Error, Equatable {
        /// The loop was shut down before the work could run.
        case shutDown
    }

    typealias TimerID = MediaTimerQueue<() -> Void>.ID
    /// A received datagram, in the loop's buffer (valid during the call only, and writable, so
    /// SRTP can decrypt it in place), and where it came from.
    typealias DatagramHandler = (UnsafeMutableRawBufferPointer, SocketAddress) -> Void

    private struct Shared {
        var jobs: [@Sendable () -> Void] = []
        var shutdownRequested = false
        var ended = false
        var endWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let shared = Mutex(Shared())
    private let wakeDescriptor: Int32
    // The loop thread's own.
    private var timers = MediaTimerQueue<() -> Void>()
    private var watched: [(socket: MediaUDPSocket, handler: DatagramHandler)] = []
    private var descriptors: [pollfd] = []
    private let receiveBuffer: UnsafeMutableRawBufferPointer
    private var thread: pthread_t?
    /// Times the thread woke from its wait: tests check an idle loop does not spin.
    private(set) var wakeUps = 0

    /// The largest datagram kept: RTP and DTLS on a network with a 1500-byte MTU fit well.
    static let receiveCapacity = 4096

    init(name: String) throws(CallMediaError) {
        wakeDescriptor = dt_wake_descriptor()
        guard wakeDescriptor >= 0 else { throw .unsupported("media loop: eventfd failed (errno \(errno))") }
        receiveBuffer = .allocate(byteCount: Self.receiveCapacity, alignment: 16)
        descriptors = [pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        // Named from inside: a new thread inherits its creator's name (a dispatch worker's),
        // and perf and top should show which call's media thread is busy.
        let thread = Thread { [self] in
            Thread.current.name = name
            run()
        }
        thread.start()
    }

    /// Monotonic nanoseconds (CLOCK_MONOTONIC, what timer deadlines count in).
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    var isOnLoop: Bool {
        guard let thread else { return false }
        return pthread_equal(thread, pthread_self()) != 0
    }

    // MARK: any thread

    /// Runs `body` on the loop's thread and returns what it returns or throws;
    /// `Failure.shutDown` when the loop no longer takes work.
    func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let accepted = enqueue { continuation.resume(with: Result { try body() }) }
            if !accepted { continuation.resume(throwing: Failure.shutDown) }
        }
    }

    /// Runs `body` on the loop's thread later; false if the loop was shut down.
    @discardableResult
    func execute(_ body: @escaping @Sendable () -> Void) -> Bool { enqueue(body) }

    /// Work already handed over still runs; then the sockets are closed and the thread ends.
    func shutdown() {
        shared.withLock { shared in
            guard !shared.shutdownRequested else { return }
            shared.shutdownRequested = true
            dt_wake(wakeDescriptor)
        }
    }

    /// Returns once the thread has ended (after `shutdown`).
    func waitUntilEnded() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ended = shared.withLock { shared -> Bool in
                if !shared.ended { shared.endWaiters.append(continuation) }
                return shared.ended
            }
            if ended { continuation.resume() }
        }
    }

    var hasEnded: Bool { shared.withLock { $0.ended } }

    private func enqueue(_ job: @escaping @Sendable () -> Void) -> Bool {
        shared.withLock { shared -> Bool in
            guard !shared.shutdownRequested else { return false }
            shared.jobs.append(job)
            // The thread takes all queued jobs at once: only the first needs to wake it. Woken
            // under the lock, so the descriptor cannot have been closed (`end`) in between.
            if shared.jobs.count == 1 { dt_wake(wakeDescriptor) }
            return true
        }
    }

    // MARK: the loop's thread

    /// Calls `body` on the loop at `deadline` (monotonic nanoseconds, `now()`); timers due
    /// together fire in the order they were scheduled.
    func schedule(at deadline: UInt64, _ body: @escaping () -> Void) -> TimerID {
        assert(isOnLoop)
        return timers.schedule(at: deadline, body)
    }

    func schedule(in nanoseconds: UInt64, _ body: @escaping () -> Void) -> TimerID {
        schedule(at: Self.now() + nanoseconds, body)
    }

    func cancel(_ timer: TimerID) {
        assert(isOnLoop)
        timers.cancel(timer)
    }

    /// Hands each datagram `socket` receives to `handler`; the loop closes the socket when it ends.
    func watch(_ socket: MediaUDPSocket, _ handler: @escaping DatagramHandler) {
        assert(isOnLoop)
        watched.append((socket, handler))
        descriptors.append(pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0))
    }

    private func run() {
        thread = pthread_self()
        var jobs: [@Sendable () -> Void] = []
        while true {
            let stop = shared.withLock { shared -> Bool in
                swap(&jobs, &shared.jobs)
                return shared.shutdownRequested
            }
            if jobs.isEmpty && stop { break }
            for job in jobs { job() }
            jobs.removeAll(keepingCapacity: true)
            if stop { continue }  // work queued before the shutdown ran; look once more, then end
            fireDueTimers()
            wait()
        }
        end()
    }

    private func fireDueTimers() {
        let now = Self.now()
        while let (_, body) = timers.popDue(at: now) { body() }
    }

    private func wait() {
        let timeout: Int64
        if let deadline = timers.nextDeadline {
            let now = Self.now()
            timeout = deadline > now ? Int64(deadline - now) : 0
        } else {
            timeout = -1
        }
        let ready = descriptors.withUnsafeMutableBufferPointer { buffer in
            dt_wait_nanoseconds(buffer.baseAddress, UInt(buffer.count), timeout)
        }
        wakeUps += 1
        guard ready > 0 else { return }  // the timeout, or EINTR
        if descriptors[0].revents != 0 { dt_wake_clear(wakeDescriptor) }
        // One datagram per socket per wake-up: the wait is level-triggered, so another queued
        // datagram wakes it again at once, and reading until EAGAIN would cost a second
        // recvfrom per packet.
        for index in watched.indices where descriptors[index + 1].revents != 0 {
            let (socket, handler) = watched[index]
            if descriptors[index + 1].revents & Int16(POLLERR) != 0 { _ = dt_socket_take_error(socket.descriptor) }
            guard let (count, source) = socket.receive(into: receiveBuffer) else { continue }
            handler(UnsafeMutableRawBufferPointer(rebasing: receiveBuffer[0..<count]), source)
        }
    }

    private func end() {
        timers.removeAll()
        for (socket, _) in watched { socket.close() }
        watched.removeAll()
        receiveBuffer.deallocate()
        let waiters = shared.withLock { shared -> [CheckedContinuation<Void, Never>] in
            _ = Glibc.close(wakeDescriptor)
            shared.ended = true
            defer { shared.endWaiters = [] }
            return shared.endWaiters
        }
        waiters.forEach { $0.resume() }
    }
}

/// A value only the loop's thread touches, held by something every thread may hold (the
/// session): the work handed to the loop reaches it through this.
final class MediaLoopBound<Value>: @unchecked Sendable {
    let loop: MediaLoop
    private var storage: Value

    init(_ value: Value, loop: MediaLoop) {
        self.loop = loop
        storage = value
    }

    var value: Value {
        get {
            assert(loop.isOnLoop, "touched off its media loop")
            return storage
        }
        set {
            assert(loop.isOnLoop, "touched off its media loop")
            storage = newValue
        }
    }
}

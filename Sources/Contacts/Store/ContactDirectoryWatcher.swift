#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Tells when another program (vdirsyncer, khard, an editor) changes the contacts directory
/// while Dialtone runs, so the store can `reload()` just the changed files. Linux inotify(7) on
/// the directory: file created, written and closed, moved in or out, deleted. A thread of its
/// own waits on the descriptor (with a poll timeout so `stop()` ends it promptly); nothing
/// blocks the concurrency pool. Bursts (an editor's temp file + rename) arrive as several
/// events; consumers coalesce by reloading once per event they get to. Call `stop()` when done:
/// the watching thread keeps the watcher alive until then.
public final class ContactDirectoryWatcher: Sendable {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case cannotWatch(path: String, reason: String)

        public var description: String {
            switch self {
            case .cannotWatch(let path, let reason): "cannot watch \(path) for changes: \(reason)"
            }
        }
    }

    /// One element per batch of changes read at once.
    public let changes: AsyncStream<Void>
    private let sink: AsyncStream<Void>.Continuation
    private let descriptor: Int32
    private let stopped = Mutex(false)

    /// Starts watching `directory` (which must exist).
    public init(directory: URL) throws(Failure) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw .cannotWatch(path: directory.path, reason: String(cString: strerror(errno))) }
        let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)
        guard inotify_add_watch(fd, directory.path, mask) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .cannotWatch(path: directory.path, reason: reason)
        }
        descriptor = fd
        (changes, sink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let thread = Thread { [self] in run() }
        thread.name = "contacts-watcher"
        thread.start()
    }

    deinit {
        stop()
    }

    /// Stops watching and ends `changes`.
    public func stop() {
        let wasStopped = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        if !wasStopped { sink.finish() }
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !stopped.withLock({ $0 }) {
            let ready = poll(&pollDescriptor, 1, 250)
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { sink.yield(()) }
        }
        close(descriptor)
    }
}

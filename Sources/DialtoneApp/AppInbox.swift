import Foundation
import Glibc
import PhoneEngine
import Synchronization
import TerminalUI

/// Everything that reaches the UI thread from elsewhere: engine events, results of work done
/// off the thread, signals. Posting wakes the thread through a pipe it polls together with the
/// terminal, so the UI sleeps in `poll` until something happens (no busy polling, STYLE.md).
public enum AppEvent: Sendable {
    case engine(EngineEvent)
    case notice(String)
    case contacts([ContactRow])
    case history([HistoryEntry])
    /// A SIP MESSAGE we sent, for its conversation (nil account: the engine's default).
    case messageSent(to: String, account: String?, text: String)
    /// The engine sent no REFER for this transfer: the call is not transferring after all.
    case transferNotStarted(EngineCallID)
    /// SIGINT, SIGTERM or SIGHUP: quit as if the user pressed `q`.
    case terminate(signal: Int32)
    /// SIGWINCH: the terminal changed size.
    case windowChanged
    /// The engine finished un-registering and closed its sockets.
    case engineStopped
}

public final class AppInbox: Sendable {
    private let queue = Mutex<[AppEvent]>([])
    /// [read end, write end], both non-blocking.
    public let wakeFDs: (read: Int32, write: Int32)

    public init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeFDs = (fds[0], fds[1])
    }

    deinit {
        close(wakeFDs.read)
        close(wakeFDs.write)
    }

    public func post(_ event: AppEvent) {
        queue.withLock { $0.append(event) }
        var byte: UInt8 = 1
        // A full pipe already means "wake up"; EAGAIN is fine.
        _ = write(wakeFDs.write, &byte, 1)
    }

    /// Everything posted so far, in order; empties the wake pipe first so a post that races
    /// with this call wakes the next poll rather than being lost.
    public func drain() -> [AppEvent] {
        var scratch = [UInt8](repeating: 0, count: 256)
        while read(wakeFDs.read, &scratch, scratch.count) > 0 {}
        return queue.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}

/// Blocks the quit and resize signals in every thread and waits for them on one thread of its
/// own with `sigwait`. Must be called before any other thread starts (threads inherit the
/// mask), which is why the interactive command calls it first thing. ncurses then never runs
/// its own SIGINT/SIGTERM handler, so quitting always goes through the orderly path that
/// un-registers and gives the terminal back.
public enum SignalWatcher {
    public static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    public static func blockSignals() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    public static func start(posting inbox: AppInbox) {
        let thread = Thread {
            var set = signalSet()
            while true {
                var signal: Int32 = 0
                guard sigwait(&set, &signal) == 0 else { continue }
                inbox.post(signal == SIGWINCH ? .windowChanged : .terminate(signal: signal))
            }
        }
        thread.stackSize = 1 << 18
        thread.start()
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in quitSignals + [SIGWINCH] { sigaddset(&set, signal) }
        return set
    }
}

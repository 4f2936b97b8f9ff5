import Foundation
import Synchronization

/// An external program a test runs against (dnsmasq, kamailio, baresip, sipp, …): started in
/// `init`, polled until a readiness check passes, stopped by `stop()` or at the latest when
/// the object goes away, so a failing test does not leave a peer behind.
///
/// Started with `posix_spawn` rather than Foundation's `Process`, which hands the calling
/// thread's signal mask to the child: on a test's pool thread SIGTERM is blocked, so peers
/// ignored SIGTERM and every stop waited for SIGKILL. Here the child gets an empty mask,
/// default signal handlers and a process group of its own, and `stop()` signals the whole
/// group, so the workers a peer forks (kamailio) go too. Standard output and standard error
/// go to a log file whose tail is quoted in every error.
public final class PeerProcess: Sendable {
    public struct Configuration: Sendable {
        /// A short name for messages, e.g. "dnsmasq".
        public var name: String
        public var executable: String
        public var arguments: [String]
        /// nil: the test process's working directory.
        public var workingDirectory: String?
        /// nil: the test process's environment.
        public var environment: [String: String]?
        /// Receives standard output and standard error; created or truncated at start.
        public var logFile: String
        /// How long `stop()` waits after SIGTERM before sending SIGKILL.
        public var stopGracePeriod: Duration

        public init(
            name: String, executable: String, arguments: [String], workingDirectory: String? = nil,
            environment: [String: String]? = nil, logFile: String,
            stopGracePeriod: Duration = .seconds(2)
        ) {
            self.name = name
            self.executable = executable
            self.arguments = arguments
            self.workingDirectory = workingDirectory
            self.environment = environment
            self.logFile = logFile
            self.stopGracePeriod = stopGracePeriod
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case launchFailed(name: String, reason: String)
        case exited(name: String, status: Int32, log: String)
        case notReady(name: String, after: Duration, log: String)

        public var description: String {
            switch self {
            case .launchFailed(let name, let reason): "\(name) did not start: \(reason)"
            case .exited(let name, let status, let log): "\(name) exited (wait status \(status)); log:\n\(log)"
            case .notReady(let name, let after, let log): "\(name) not ready after \(after); log:\n\(log)"
            }
        }
    }

    private enum State {
        case running
        /// Reaped, with its wait status; its pid may belong to someone else now.
        case exited(Int32)
    }

    public let configuration: Configuration
    /// The peer's process id, also its process group id.
    public let pid: pid_t
    private let state = Mutex(State.running)

    /// Starts the program. It runs until `stop()` or deinit.
    public init(_ configuration: Configuration) throws(Failure) {
        self.configuration = configuration
        do {
            pid = try Spawn.start(configuration)
        } catch {
            throw .launchFailed(name: configuration.name, reason: error.description)
        }
    }

    deinit {
        stop()
    }

    /// True until the peer has exited.
    public var isRunning: Bool { exitStatus() == nil }

    /// The log file's current contents.
    public func log() -> String {
        (try? String(contentsOfFile: configuration.logFile, encoding: .utf8)) ?? ""
    }

    /// Polls `isReady` every `interval` until it returns true. Fails as soon as the peer
    /// exits, or when `deadline` has passed, quoting the end of the log either way.
    public func waitUntilReady(
        within deadline: Duration, every interval: Duration = .milliseconds(20),
        _ isReady: @Sendable () async -> Bool
    ) async throws(Failure) {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while true {
            if let status = exitStatus() {
                throw .exited(name: configuration.name, status: status, log: logTail())
            }
            if await isReady() { return }
            guard clock.now < end else {
                throw .notReady(name: configuration.name, after: deadline, log: logTail())
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// SIGTERM to the peer's process group, SIGKILL to the group after the grace period (or
    /// once the peer is gone, for workers it left behind), then reaps the peer. The peer stays
    /// unreaped until then, so its pid and group id cannot be reused while we signal them.
    /// Calling it again does nothing.
    public func stop() {
        state.withLock { state in
            guard case .running = state else { return }
            kill(-pid, SIGTERM)
            let clock = ContinuousClock()
            let end = clock.now + configuration.stopGracePeriod
            while !Spawn.hasExited(pid), clock.now < end { usleep(2_000) }
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            state = .exited(status)
        }
    }

    /// The wait status once the peer has exited (reaping it), nil while it runs.
    func exitStatus() -> Int32? {
        state.withLock { state in
            switch state {
            case .exited(let status):
                return status
            case .running:
                guard Spawn.hasExited(pid) else { return nil }
                kill(-pid, SIGKILL)  // workers it left behind; the unreaped leader keeps the group id
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                state = .exited(status)
                return status
            }
        }
    }

    private func logTail() -> String {
        String(log().suffix(2_000))
    }
}

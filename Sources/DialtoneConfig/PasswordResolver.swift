import Foundation
import Synchronization

/// Why `password_command` produced no password. Never carries the command's standard output:
/// that is the password, or a near miss of it.
public enum PasswordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The shell could not be started at all.
    case couldNotStart(reason: String)
    /// The command failed; `stderr` is the first line of its standard error, if any.
    case exitStatus(Int32, stderr: String?)
    /// The command was killed by a signal.
    case signal(Int32)
    /// The command succeeded but its first output line is empty.
    case emptyOutput
    /// The command did not finish in time (a locked password store waiting for a passphrase
    /// on a terminal it does not have, say); it was killed.
    case timedOut

    public var description: String {
        switch self {
        case .couldNotStart(let reason): "password_command could not be started: \(reason)"
        case .exitStatus(let status, let stderr):
            "password_command failed with exit status \(status)" + (stderr.map { ": \($0)" } ?? "")
        case .signal(let signal): "password_command was killed by signal \(signal)"
        case .emptyOutput: "password_command printed no password"
        case .timedOut: "password_command did not finish in time"
        }
    }
}

/// Turns a `PasswordSource` into the password, running `password_command` when there is one.
public enum PasswordResolver {
    public static func resolve(_ source: PasswordSource, timeout: Duration) async throws(PasswordError) -> Secret {
        switch source {
        case .literal(let secret): return secret
        case .command(let command): return try await run(command, shell: "/bin/sh", timeout: timeout)
        }
    }

    /// Runs `shell -c command` with no standard input and takes the first line of its output
    /// (`pass show x` prints the password first and metadata after it).
    static func run(_ command: String, shell: String, timeout: Duration) async throws(PasswordError) -> Secret {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", command]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let run = CommandRun()
        process.terminationHandler = { _ in run.exited() }
        do {
            try process.run()
        } catch {
            throw .couldNotStart(reason: error.localizedDescription)
        }
        let outcome = await run.outcome(reading: output, errors, timeout: timeout)
        switch outcome {
        case .timedOut:
            stop(process)
            throw .timedOut
        case .finished(let stdout, let stderr):
            return try secret(from: process, stdout: stdout, stderr: stderr)
        }
    }

    private static func secret(from process: Process, stdout: Data, stderr: Data) throws(PasswordError) -> Secret {
        let status = process.terminationStatus
        switch process.terminationReason {
        case .uncaughtSignal: throw .signal(status)
        case .exit: break
        @unknown default: break
        }
        guard status == 0 else {
            let line = firstLine(stderr)
            throw .exitStatus(status, stderr: line.isEmpty ? nil : line)
        }
        let password = firstLine(stdout)
        guard !password.isEmpty else { throw .emptyOutput }
        return Secret(password)
    }

    /// The text before the first LF, without a trailing CR.
    static func firstLine(_ data: Data) -> String {
        let line = data.prefix { $0 != UInt8(ascii: "\n") }
        let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        return String(decoding: trimmed, as: UTF8.self)
    }

    /// Kills the command and anything it started in its process group, so nothing it spawned
    /// keeps waiting on a terminal it will never get.
    private static func stop(_ process: Process) {
        let pid = process.processIdentifier
        if pid > 0, getpgid(pid) == pid {
            kill(-pid, SIGKILL)
        } else if process.isRunning {
            kill(pid, SIGKILL)
        }
    }
}

/// Collects a running command's output and exit, or gives up at the timeout, whichever comes
/// first. The reads run on their own threads because they block, and both pipes are drained
/// at once: a command that fills one while we wait on the other would otherwise hang.
private final class CommandRun: Sendable {
    enum Outcome: Sendable {
        case finished(stdout: Data, stderr: Data)
        case timedOut
    }

    private let pending = DispatchGroup()
    private let output = Mutex((stdout: Data(), stderr: Data()))
    private let continuation = Mutex<CheckedContinuation<Outcome, Never>?>(nil)
    private let timer = Mutex<Task<Void, Never>?>(nil)

    init() { pending.enter() }  // balanced by `exited()`

    func exited() { pending.leave() }

    func outcome(reading output: Pipe, _ errors: Pipe, timeout: Duration) async -> Outcome {
        await withCheckedContinuation { continuation in
            self.continuation.withLock { $0 = continuation }
            let timer = Task { [self] in
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                resume(.timedOut)
            }
            self.timer.withLock { $0 = timer }
            drain(output) { [self] data in self.output.withLock { $0.stdout = data } }
            drain(errors) { [self] data in self.output.withLock { $0.stderr = data } }
            pending.notify(queue: .global()) { [self] in
                let collected = self.output.withLock { $0 }
                resume(.finished(stdout: collected.stdout, stderr: collected.stderr))
            }
        }
    }

    private func drain(_ pipe: Pipe, store: @escaping @Sendable (Data) -> Void) {
        pending.enter()
        DispatchQueue.global().async { [self] in
            store(pipe.fileHandleForReading.readDataToEndOfFile())
            pending.leave()
        }
    }

    /// Resumes the waiting task once; the later of finishing and timing out is ignored.
    private func resume(_ outcome: Outcome) {
        continuation.withLock { continuation in
            continuation?.resume(returning: outcome)
            continuation = nil
        }
        timer.withLock { $0?.cancel() }
    }
}

import Foundation

/// A program running in a detached tmux session (Debian's tmux) that a test drives as a person
/// would: keys in with `send-keys`, the screen out with `capture-pane`. Each session has its own
/// tmux server socket in a temporary directory, so tests run in parallel without meeting.
///
/// The program runs under `sh`, which afterwards prints `[exited STATUS]` and the terminal's
/// `stty` settings, so a test can see that the program gave the terminal back (canonical mode
/// and echo on again) and with which status it ended.
public final class TmuxSession: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let directory: TemporaryDirectory
    private var socket: String { directory.file("tmux.sock") }
    public let name = "ui"

    /// Starts `command` (executable and arguments) with exactly `environment` (plus a UTF-8
    /// locale and a 256-colour TERM, without which ncurses mangles line drawing) in a
    /// `columns`×`rows` window.
    public init(_ command: [String], environment: [String: String], columns: Int = 80, rows: Int = 24) async throws {
        directory = try TemporaryDirectory(prefix: "tmux")
        var env = environment
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        env["TERM"] = "tmux-256color"
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let program = command.map(Self.quote).joined(separator: " ")
        let script = "env -i \(assignments) \(program); echo \"[exited $?]\"; stty -a; sleep 3600"
        try await tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", "sh", "-c", script])
    }

    deinit {
        // Synchronous on purpose: the session must not outlive the test, even a failed one.
        _ = try? Self.runTmux(socket: socket, ["kill-server"])
    }

    /// Literal text, typed key by key.
    public func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Named keys (`Enter`, `Escape`, `F5`, `C-c`) or single characters.
    public func press(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", name] + keys)
    }

    /// The screen as text, one line per row.
    public func capture() async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", name])
    }

    /// The screen with its SGR escapes (`capture-pane -e`): colours and attributes can be asserted.
    public func captureStyled() async throws -> String {
        try await tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    /// A tmux format evaluated for the session's window, e.g. `#{window_bell_flag}`.
    public func format(_ format: String) async throws -> String {
        try await tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func resize(columns: Int, rows: Int) async throws {
        try await tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls the screen until `predicate` holds, for at most `limit`; the last screen is in
    /// the error so a failure shows what a person would have seen.
    @discardableResult
    public func waitFor(
        _ what: String, within limit: Duration = .seconds(30), _ predicate: @Sendable (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let end = clock.now + limit
        var screen = ""
        while clock.now < end {
            screen = try await capture()
            if predicate(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "timed out after \(limit) waiting for \(what); screen:\n\(screen)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, within limit: Duration = .seconds(30)) async throws -> String {
        try await waitFor("\"\(text)\"", within: limit) { $0.contains(text) }
    }

    /// The program's process id: the child of the pane's shell.
    public func programPID() async throws -> Int32 {
        let shell = try await tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) else {
            throw Failure(description: "no program under the pane's shell \(shell)")
        }
        return pid
    }

    @discardableResult
    private func tmux(_ arguments: [String]) async throws -> String {
        let socket = socket
        return try await OffPool.run { try Self.runTmux(socket: socket, arguments) }
    }

    /// Spawned and reaped directly: the tmux server that `new-session` forks keeps the client's
    /// descriptors, so Foundation's `Process` (which learns of an exit from a socket the child
    /// inherits) and any output pipe would wait forever. Output goes to a file.
    private static func runTmux(socket: String, _ arguments: [String]) throws -> String {
        let outputPath = socket + ".out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let pid = try Spawn.start(.init(
            name: "tmux", executable: "/usr/bin/tmux", arguments: ["-S", socket] + arguments, logFile: outputPath))
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (wait status \(status)): \(text)")
        }
        return text
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

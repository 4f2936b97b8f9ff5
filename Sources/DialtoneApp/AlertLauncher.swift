import Foundation
import Glibc
import TerminalUI

/// Starts the notification program for an incoming call with `posix_spawnp`: an argument
/// vector and an environment, no shell, stdin/stdout/stderr on /dev/null so it cannot draw on
/// the UI's terminal. A small thread of its own reaps it; the UI never waits for it.
public enum AlertLauncher {
    public static func start(_ launch: IncomingCallAlert.Launch) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = launch.arguments.map { strdup($0) } + [nil]
        let envp = launch.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, launch.executable, &actions, nil, argv, envp)
        guard status == 0 else { return "notify_command \(launch.executable): \(String(cString: strerror(status)))" }
        let child = pid
        let reaper = Thread {
            var result: Int32 = 0
            while waitpid(child, &result, 0) == -1 && errno == EINTR {}
        }
        reaper.stackSize = 1 << 16
        reaper.start()
        return nil
    }
}

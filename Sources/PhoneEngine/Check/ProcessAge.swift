#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// How long ago this process started, so `dialtone check` can count its steps from the moment
/// the user pressed Enter (start-up included), not from when the engine was created. Linux only:
/// /proc/self/stat's start time (field 22, in clock ticks since boot, so 10 ms resolution)
/// against CLOCK_BOOTTIME.
public enum ProcessAge {
    public static func now() -> Duration? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may contain spaces) start at field 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Int64(fields[19]) else { return nil }
        let hertz = Int64(sysconf(Int32(_SC_CLK_TCK)))
        guard hertz > 0 else { return nil }
        var boot = timespec()
        guard clock_gettime(CLOCK_BOOTTIME, &boot) == 0 else { return nil }
        let sinceBoot = Duration.seconds(boot.tv_sec) + .nanoseconds(boot.tv_nsec)
        let startedAt = Duration.milliseconds(ticks * 1000 / hertz)
        let age = sinceBoot - startedAt
        return age >= .zero ? age : nil
    }
}

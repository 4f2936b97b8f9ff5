import Foundation

/// Runs blocking work (a child process to completion, a blocking socket read, a peer's stop) on a
/// thread of its own and awaits it. Swift's cooperative pool has only as many threads as cores
/// (two here): one blocked test thread can stall every other test.
public enum OffPool {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}

extension PeerProcess {
    /// `stop()` off the cooperative pool (it waits for the peer to exit).
    public func stopOffPool() async {
        _ = try? await OffPool.run { self.stop() }
    }
}

extension PeerProcess {
    /// Waits until the peer exits by itself and returns its exit code (or 128 + the signal),
    /// nil if it still runs after `limit`. Polls with `Task.sleep`, so no pool thread blocks.
    public func waitForExitOffPool(within limit: Duration) async -> Int32? {
        let clock = ContinuousClock()
        let end = clock.now + limit
        while clock.now < end {
            if let status = exitStatus() {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}

import Foundation

/// A minimal throughput harness: runs a body repeatedly for at least `minimumDuration` after a
/// warm-up and reports operations per second. Figures, not assertions: nothing here fails.
struct Benchmark {
    let name: String
    /// How many operations one call of `body` performs (e.g. messages in a corpus).
    let operationsPerCall: Int
    let body: () throws -> Void

    func run(minimumDuration: Duration = .seconds(2)) throws -> Result {
        let clock = ContinuousClock()
        for _ in 0..<3 { try body() }  // warm-up: caches, allocator
        var calls = 0
        let start = clock.now
        var elapsed = Duration.zero
        while elapsed < minimumDuration {
            for _ in 0..<16 { try body() }
            calls += 16
            elapsed = start.duration(to: clock.now)
        }
        return Result(name: name, operations: calls * operationsPerCall, elapsed: elapsed)
    }

    struct Result {
        let name: String
        let operations: Int
        let elapsed: Duration

        var operationsPerSecond: Double {
            let seconds = Double(elapsed.components.seconds)
                + Double(elapsed.components.attoseconds) / 1e18
            return Double(operations) / seconds
        }

        var line: String {
            let rate = Int(operationsPerSecond.rounded())
            let perOperation = 1e9 / operationsPerSecond
            return "\(name): \(rate.formatted()) ops/s (\(Int(perOperation.rounded())) ns/op)"
        }
    }
}

extension Int {
    /// Thousands separated by commas, without Foundation.
    func formatted() -> String {
        let digits = Array(String(self))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

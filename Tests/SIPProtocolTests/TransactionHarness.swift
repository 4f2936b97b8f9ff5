import SIPProtocol
import Testing

/// A transaction machine as the harness sees it: a timer entry point and its actions' shape.
protocol HarnessDriven {
    associatedtype Action: Hashable & Sendable
    mutating func timerFired(_ timer: TransactionTimer) -> [Action]
    var isTerminated: Bool { get }
    static func timerRequest(in action: Action) -> TimerRequest?
    static func isTermination(_ action: Action) -> Bool
}

enum TimerRequest: Equatable {
    case start(TransactionTimer, after: Duration)
    case cancel(TransactionTimer)
}

/// Drives one machine on a `VirtualClock` as its owner would: performs timer actions, fires due
/// timers at their exact deadlines, and records every other action with the time it happened.
/// It also enforces the owner contract the machines promise (see `ClientTransactionAction`):
/// no re-arming a running timer, no cancelling an idle one, no zero-length timers, nothing after
/// `.terminated`, and no timer left running at termination. Any breach is a test failure.
struct TransactionHarness<Machine: HarnessDriven> {
    private(set) var machine: Machine
    private(set) var clock = VirtualClock()
    /// Every action with the virtual time it was returned at, in order.
    private(set) var log: [(at: Duration, action: Machine.Action)] = []
    private var terminatedAt: Duration?

    init(_ started: (transaction: Machine, actions: [Machine.Action]),
         sourceLocation: SourceLocation = #_sourceLocation) {
        machine = started.transaction
        apply(started.actions, sourceLocation)
    }

    var now: Duration { clock.now }
    /// Pending timers with their absolute deadlines.
    var deadlines: [TransactionTimer: Duration] { clock.deadlines }

    /// Delivers an event to the machine now and performs what it returns.
    @discardableResult
    mutating func perform(_ event: (inout Machine) -> [Machine.Action],
                          sourceLocation: SourceLocation = #_sourceLocation) -> [Machine.Action] {
        let actions = event(&machine)
        apply(actions, sourceLocation)
        return actions
    }

    /// Fires, in deadline order and each at its exact deadline, every timer due at or before
    /// `time` (including timers those firings start), then stops the clock at `time`.
    mutating func advance(to time: Duration, sourceLocation: SourceLocation = #_sourceLocation) {
        var firings = 0
        while let timer = clock.popDue(notAfter: time) {
            firings += 1
            guard firings < 10_000 else {
                Issue.record("timers keep firing without end", sourceLocation: sourceLocation)
                return
            }
            apply(machine.timerFired(timer), sourceLocation)
        }
        do { try clock.settle(at: time) } catch {
            Issue.record("time cannot go back: \(error)", sourceLocation: sourceLocation)
        }
    }

    mutating func advance(by duration: Duration, sourceLocation: SourceLocation = #_sourceLocation) {
        advance(to: now + duration, sourceLocation: sourceLocation)
    }

    /// The times of the logged actions that satisfy `matches`.
    func times(where matches: (Machine.Action) -> Bool) -> [Duration] {
        log.filter { matches($0.action) }.map(\.at)
    }

    /// The times of the logged actions equal to `action`.
    func times(of action: Machine.Action) -> [Duration] { times { $0 == action } }

    /// When the machine reported `.terminated`, if it has.
    var terminationTime: Duration? { terminatedAt }

    private mutating func apply(_ actions: [Machine.Action], _ location: SourceLocation) {
        for action in actions {
            if terminatedAt != nil { Issue.record("\(action) after .terminated", sourceLocation: location) }
            log.append((clock.now, action))
            do { try performTimer(action, location) } catch {
                Issue.record("timer misuse: \(error)", sourceLocation: location)
            }
        }
        if (terminatedAt != nil) != machine.isTerminated {
            Issue.record("isTerminated disagrees with the .terminated action", sourceLocation: location)
        }
    }

    private mutating func performTimer(_ action: Machine.Action, _ location: SourceLocation) throws(VirtualClock.Misuse) {
        switch Machine.timerRequest(in: action) {
        case .start(let timer, let duration): try clock.start(timer, after: duration)
        case .cancel(let timer): try clock.cancel(timer)
        case nil:
            guard Machine.isTermination(action) else { return }
            terminatedAt = clock.now
            if !clock.deadlines.isEmpty {
                Issue.record("timers left running at termination: \(clock.deadlines)", sourceLocation: location)
            }
        }
    }
}

import SIPServerLocation
import SIPSyntax

/// Failover of one request over the targets RFC 3263 produced (§4.3), as a state machine: the
/// owner sends to the target it is told, reports how that attempt ended, and is told the next
/// target or that the request is finished. Each attempt is a new client transaction with a new
/// branch (RFC 3263 §4.3: "a new client transaction ... with a new topmost Via").
///
/// The shared `TargetList` carries fail-back across requests: it is passed in and handed back
/// updated, so the preferred target is tried again after the fail-back interval.
public struct RequestFailover: Sendable {
    /// What the owner does next.
    public enum Step: Sendable, Hashable {
        /// Start an attempt to this target.
        case attempt(ResolvedTarget)
        /// Stop: the last attempt's outcome stands (a response, or a failure with its reason).
        case finished
    }

    /// How one attempt ended, as far as failover cares.
    public enum AttemptResult: Sendable, Hashable {
        /// A final response other than 503.
        case answered(statusCode: Int)
        case failed(FailoverReason)
    }

    /// One attempt and its result, in order.
    public struct Attempt: Sendable, Hashable {
        public var target: ResolvedTarget
        public var result: AttemptResult
    }

    public private(set) var targets: TargetList
    public private(set) var attempts: [Attempt] = []
    private var current: ResolvedTarget?

    public init(targets: TargetList) {
        self.targets = targets
    }

    /// The first target: the list's current one at `now` (the preferred target again once the
    /// fail-back interval has passed). When every target failed recently, a new request still
    /// deserves a try, so the list starts over from the preferred target.
    public mutating func begin(at now: Duration) -> Step {
        if targets.current(at: now) == nil {
            targets = TargetList(targets.targets, failbackInterval: targets.failbackInterval)
        }
        current = targets.current(at: now)
        return current.map(Step.attempt) ?? .finished
    }

    /// The current attempt ended. A timeout, a transport error or a 503 moves to the next
    /// target (RFC 3263 §4.3); anything else finishes the request.
    public mutating func attemptEnded(_ result: AttemptResult, at now: Duration) -> Step {
        guard let target = current else { return .finished }
        attempts.append(Attempt(target: target, result: result))
        switch result {
        case .answered:
            targets.succeeded(target.endpoint)
            current = nil
            return .finished
        case .failed(let reason):
            current = targets.failed(target.endpoint, reason, at: now)
            return current.map(Step.attempt) ?? .finished
        }
    }

    /// How a final response counts: 503 is a failover reason (RFC 3263 §4.3).
    public static func result(of response: SIPResponse) -> AttemptResult {
        response.statusCode == 503 ? .failed(.serviceUnavailable) : .answered(statusCode: response.statusCode)
    }
}

/// Failover and fail-back over the targets of one resolution (RFC 3263 §4.3): the transport
/// layer asks for the current target, reports failures, and gets the next one.
///
/// Failover: a timeout, a transport error or a 503 on the active target moves to the next one
/// in RFC 3263 order. Fail-back: once we have left the preferred (first) target, new requests
/// go to it again after `failbackInterval`, so a primary that recovers gets its traffic back
/// instead of the backup keeping it forever. Times come from an injected `TimeSource`.
public struct TargetList: Sendable, Hashable {
    public let targets: [ResolvedTarget]
    public let failbackInterval: Duration
    /// The index of the target requests go to; nil once every target has failed.
    public private(set) var activeIndex: Int?
    /// The most recent failure of each target that failed.
    public private(set) var lastFailure: [TransportEndpoint: FailoverReason] = [:]
    /// When we last moved off the preferred target; nil while we are on it.
    private var leftPreferredAt: Duration?

    public init(_ targets: [ResolvedTarget], failbackInterval: Duration) {
        self.targets = targets
        self.failbackInterval = failbackInterval
        activeIndex = targets.isEmpty ? nil : 0
    }

    /// The first target in RFC 3263 order, the one fail-back returns to.
    public var preferred: ResolvedTarget? { targets.first }

    /// The target a new request should use at `now`: the preferred one again when
    /// `failbackInterval` has passed since we left it, otherwise the active one (nil when all
    /// failed and the interval has not passed yet).
    public mutating func current(at now: Duration) -> ResolvedTarget? {
        if let leftAt = leftPreferredAt, now - leftAt >= failbackInterval {
            activeIndex = 0
            leftPreferredAt = nil
        }
        return activeIndex.map { targets[$0] }
    }

    /// `endpoint` failed for `reason`: returns the next target to try, or nil when none is
    /// left. A report about a target that is no longer active (a late timeout of an earlier
    /// request) changes nothing and returns the active target.
    public mutating func failed(
        _ endpoint: TransportEndpoint, _ reason: FailoverReason, at now: Duration
    ) -> ResolvedTarget? {
        guard let index = activeIndex, targets[index].endpoint == endpoint else {
            return activeIndex.map { targets[$0] }
        }
        lastFailure[endpoint] = reason
        if index == 0 { leftPreferredAt = now }
        activeIndex = index + 1 < targets.count ? index + 1 : nil
        return activeIndex.map { targets[$0] }
    }

    /// A request on `endpoint` succeeded; its failure record is cleared. The active target
    /// does not change: fail-back is driven by time, not by one success.
    public mutating func succeeded(_ endpoint: TransportEndpoint) {
        lastFailure[endpoint] = nil
    }
}

/// Why the transport layer gave up on a target (RFC 3263 §4.3).
public enum FailoverReason: Sendable, Hashable, CustomStringConvertible {
    /// No response before the transaction timer fired (RFC 3261 §17.1.1.2 Timer B/F).
    case timeout
    /// Connection refused, reset, TLS handshake failure, ICMP unreachable, …
    case transportError(String)
    /// The server answered 503 Service Unavailable.
    case serviceUnavailable

    public var description: String {
        switch self {
        case .timeout: "timeout"
        case .transportError(let detail): "transport error: \(detail)"
        case .serviceUnavailable: "503 Service Unavailable"
        }
    }
}

extension Resolution {
    /// The failover list over these targets.
    public func targetList(failbackInterval: Duration) -> TargetList {
        TargetList(targets, failbackInterval: failbackInterval)
    }
}

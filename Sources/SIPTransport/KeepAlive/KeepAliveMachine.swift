/// The keep-alive of one flow as a state machine (RFC 5626 §4.4): wait an interval, ping, wait
/// for the pong; a missing pong or a closed flow ends it. It does no I/O and reads no clock:
/// the owner passes the time in and performs the actions, so tests run it on virtual time.
///
/// The machine uses one timer: every `.startTimer` replaces the previous one.
public struct KeepAliveMachine: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// Waiting for the next ping time.
        case waiting
        /// A ping went out at `sentAt`.
        case awaitingPong(sentAt: Duration)
        /// The flow failed; nothing more happens.
        case dead(FlowFailure)
        case stopped
    }

    public enum Action: Sendable, Hashable {
        case sendPing
        case startTimer(after: Duration)
        case cancelTimer
        case reportPong(roundTrip: Duration)
        case reportDead(FlowFailure)
    }

    public let configuration: KeepAliveConfiguration
    /// False for a CRLF ping on UDP, which no server answers: the ping only refreshes the NAT
    /// binding, and a dead flow shows up as a failed registration refresh instead.
    public let expectsPong: Bool
    public private(set) var state: State = .waiting

    public init(configuration: KeepAliveConfiguration, expectsPong: Bool = true) {
        self.configuration = configuration
        self.expectsPong = expectsPong
    }

    /// Begins watching: the first ping goes out after one (jittered) interval.
    /// `unit` is a random draw in 0..<1 for the jitter.
    public func start(unit: Double) -> [Action] {
        [.startTimer(after: configuration.jitteredInterval(unit: unit))]
    }

    /// The timer expired: time to ping, or the pong is overdue.
    /// `unit` is a random draw in 0..<1 for the next interval's jitter when no pong is awaited.
    public mutating func timerFired(at now: Duration, unit: Double = 0) -> [Action] {
        switch state {
        case .waiting where !expectsPong:
            return [.sendPing, .startTimer(after: configuration.jitteredInterval(unit: unit))]
        case .waiting:
            state = .awaitingPong(sentAt: now)
            return [.sendPing, .startTimer(after: configuration.timeout)]
        case .awaitingPong:
            let failure = FlowFailure.noPong(after: configuration.timeout)
            state = .dead(failure)
            return [.reportDead(failure)]
        case .dead, .stopped:
            return []
        }
    }

    /// A pong arrived. Pongs nobody asked for (a server's stray CRLF, RFC 3261 §7.5) change nothing.
    public mutating func pongReceived(at now: Duration, unit: Double) -> [Action] {
        guard case .awaitingPong(let sentAt) = state else { return [] }
        state = .waiting
        // The next ping is armed before the pong is reported, so whoever hears the report
        // sees the flow's settled state.
        return [
            .startTimer(after: configuration.jitteredInterval(unit: unit)),
            .reportPong(roundTrip: now - sentAt),
        ]
    }

    /// The flow closed or was reset: report it once.
    public mutating func flowClosed(_ detail: String) -> [Action] {
        switch state {
        case .waiting, .awaitingPong:
            let failure = FlowFailure.closed(detail)
            state = .dead(failure)
            return [.cancelTimer, .reportDead(failure)]
        case .dead, .stopped:
            return []
        }
    }

    /// The owner no longer wants the flow watched.
    public mutating func stop() -> [Action] {
        switch state {
        case .waiting, .awaitingPong:
            state = .stopped
            return [.cancelTimer]
        case .dead, .stopped:
            return []
        }
    }
}

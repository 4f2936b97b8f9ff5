/// How long to wait before trying again after a failure (RFC 5626 §4.5):
///
///     W = min(max-time, base-time * 2^consecutive-failures)
///     wait = W * random(50 %, 100 %)
///
/// `baseTimeAllFailed` applies when every flow of the account has failed, `baseTimeOK` when
/// another flow is still up; the defaults are the RFC's (30 s, 90 s, 1800 s). A single
/// registration has one flow, so `RegistrationMachine` always uses `baseTimeAllFailed`; the
/// driver can swap the numbers in `RegistrationParameters` if it runs several flows.
public struct RegistrationBackoff: Sendable, Hashable {
    public var baseTimeAllFailed: Duration
    public var baseTimeOK: Duration
    public var maxTime: Duration

    public init(
        baseTimeAllFailed: Duration = .seconds(30), baseTimeOK: Duration = .seconds(90),
        maxTime: Duration = .seconds(1800)
    ) {
        self.baseTimeAllFailed = baseTimeAllFailed
        self.baseTimeOK = baseTimeOK
        self.maxTime = maxTime
    }

    /// The upper bound W after `failures` consecutive failures (the first failure is 1, so the
    /// first wait lies in [base, 2·base], as in the RFC's example).
    public func upperBound(failures: Int, someFlowsOK: Bool = false) -> Duration {
        let base = someFlowsOK ? baseTimeOK : baseTimeAllFailed
        // 2^20 · base already exceeds any sane max-time; capping the exponent avoids overflow.
        let exponent = min(max(failures, 0), 20)
        let scaled = base * (1 << exponent)
        return min(maxTime, scaled)
    }

    /// The wait after `failures` consecutive failures, drawn from [W/2, W].
    func wait(failures: Int, someFlowsOK: Bool = false, random: inout InjectedRandom) -> Duration {
        let bound = upperBound(failures: failures, someFlowsOK: someFlowsOK)
        return random.duration(between: bound / 2, and: bound)
    }
}

/// When to renew a binding or subscription the server granted for `granted` seconds.
///
/// RFC 3261 §10.2.1 leaves the refresh point to the UA; RFC 5626 §4.4.1 and common practice
/// refresh well before expiry so a retransmitted or failed-over request still lands in time.
/// A random point between 80 % and 90 % keeps many phones behind one registrar from
/// refreshing in lockstep. Short grants leave no room for a percentage: refresh 2 s before
/// expiry, never sooner than 1 s.
enum RefreshSchedule {
    static func refreshAfter(granted: Int, random: inout InjectedRandom) -> Duration {
        if granted < 20 {
            return .seconds(max(1, granted - 2))
        }
        let grantedMS = Int64(granted) * 1000
        return random.duration(between: .milliseconds(grantedMS * 8 / 10), and: .milliseconds(grantedMS * 9 / 10))
    }
}

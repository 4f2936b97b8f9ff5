import SIPRegistration
import SIPServerLocation
import SIPTransport

/// What every account actor shares: the transaction layer (and the transport under it), the
/// clock, the DNS client, and the engine's event sink. Passed in, never global (STYLE.md).
struct EngineServices: Sendable {
    let transactions: TransactionLayer
    let transport: SIPTransportLayer
    let clock: any TransportClock
    let dns: any DNSClient
    let userAgent: String
    /// How long after a failover the preferred server is tried again (RFC 3263 fail-back).
    let failbackInterval: Duration
    /// Per-target wait before failing over to the next one.
    let attemptTimeout: Duration
    /// Overrides RFC 5626 §4.5's back-off (tests shorten it).
    let backoff: RegistrationBackoff?
    let emit: @Sendable (EngineEvent) -> Void
    /// Tells the engine which account a Call-ID belongs to (for traces and NOTIFY routing).
    let claimCallID: @Sendable (String, String) async -> Void
}

/// How often to probe a flow and how long to wait for the answer (RFC 5626 §4.4).
///
/// On TCP and TLS the probe is the CRLF ping of RFC 5626 §4.4.1 (`CRLFCRLF`, answered by a
/// `CRLF` pong). On UDP, RFC 5626 §4.4.2 uses STUN, which SIP registrars answer only when they
/// implement outbound; instead the probe is an out-of-dialog OPTIONS (RFC 3261 §11) sent once per
/// interval without retransmission, and any response counts as the pong. Every registrar
/// answers OPTIONS, the response proves the whole path (NAT binding and server) is alive, and
/// the packet refreshes the NAT binding just as a STUN request would.
///
/// Many servers and NATs are kept happy on UDP by the bare CRLFCRLF that phones such as
/// baresip and linphone send (RFC 5626 §4.4.1's ping, used outside its stream-only scope): it
/// costs 4 bytes and no server processing, but nobody answers it, so it cannot detect a dead
/// flow. `udpProbe` chooses between the two on UDP; streams always use CRLF.
public struct KeepAliveConfiguration: Sendable, Hashable {
    /// What is sent on UDP flows.
    public enum UDPProbe: String, Sendable, Hashable {
        /// An OPTIONS whose response is the pong: detects dead flows.
        case options
        /// A bare CRLFCRLF: refreshes NAT bindings only.
        case crlf
    }
    /// Time between the last pong (or the start) and the next ping, before jitter.
    public var interval: Duration
    /// How long to wait for a pong; RFC 5626 §4.4.1 says 10 s.
    public var timeout: Duration
    /// Each interval is shortened by a random part of up to this fraction (RFC 5626 §4.4.1:
    /// "between 80% and 100%", so 0.2), so clients behind one NAT do not ping in lock step.
    public var jitter: Double
    public var udpProbe: UDPProbe

    public init(
        interval: Duration = .seconds(90), timeout: Duration = .seconds(10), jitter: Double = 0.2, udpProbe: UDPProbe = .options
    ) {
        precondition(interval > .zero && timeout > .zero, "keep-alive durations must be positive")
        precondition((0..<1).contains(jitter), "jitter is a fraction below 1")
        self.interval = interval
        self.timeout = timeout
        self.jitter = jitter
        self.udpProbe = udpProbe
    }

    /// The interval for a random draw `unit` in 0..<1.
    func jitteredInterval(unit: Double) -> Duration {
        interval * (1 - jitter * unit)
    }
}

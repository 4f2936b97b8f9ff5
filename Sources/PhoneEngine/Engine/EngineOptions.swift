import CallHistory
import MediaEngine
import NIOCore
import SIPRegistration
import SIPServerLocation
import SIPTransport

/// What the engine is given rather than what it finds: the clock, the event loops, the DNS
/// client, the installation's instance URN. Defaults are the real ones; tests inject.
public struct EngineOptions: Sendable {
    public var clock: any TransportClock
    /// Event loops to run sockets on; nil makes a one-thread group owned by the engine.
    public var group: (any EventLoopGroup)?
    /// Where UDP sockets come from; nil binds real ones. Tests inject an in-memory network so
    /// engines in one process call each other on a virtual clock (TCP and TLS stay real).
    public var network: (any DatagramNetwork)?
    /// Overrides the DNS client built from `[general] dns_servers` (or resolv.conf).
    public var dns: (any DNSClient)?
    /// `+sip.instance` for RFC 5626 outbound; nil derives it from /etc/machine-id.
    public var instanceID: String?
    /// How long to wait for one server before failing over to the next.
    public var attemptTimeout: Duration
    /// After a failover, how long before the preferred server is tried again.
    public var failbackInterval: Duration
    /// Dialtone's version, for User-Agent.
    public var version: String
    /// Overrides the RFC 5626 §4.5 back-off after failures; nil keeps the RFC's 30 s base.
    public var backoff: RegistrationBackoff?
    /// Media for calls; nil uses `SignalingOnlyMediaFactory` (a reserved RTP port, PCMU and
    /// telephone-event offered, no audio) until the RTP implementation is the default.
    public var mediaFactory: (any CallMediaFactory)?
    /// Where finished calls are recorded; nil opens `[general] history_file`. `.none` writes no
    /// history (tests that do not look at it).
    public var history: HistoryChoice
    /// Where each call's audio comes from and goes to.
    public var audio: CallAudio
    /// Plays the ringtone and call-waiting tone (the interactive UI's sound server); nil: silent
    /// (scripts, the agent, tests of other things).
    public var alerts: (any AlertPlayer)?
    public var ringer: RingerRules = RingerRules()
    /// Where recordings without a given path go; nil: `$XDG_DATA_HOME/dialtone/recordings`.
    public var recordingsDirectory: String?

    public init(
        clock: any TransportClock = SystemTransportClock(), group: (any EventLoopGroup)? = nil, dns: (any DNSClient)? = nil,
        instanceID: String? = nil, attemptTimeout: Duration = .seconds(5), failbackInterval: Duration = .seconds(300),
        version: String = "0.1", backoff: RegistrationBackoff? = nil, mediaFactory: (any CallMediaFactory)? = nil,
        history: HistoryChoice = .configured, audio: CallAudio = .null
    ) {
        self.mediaFactory = mediaFactory
        self.history = history
        self.audio = audio
        self.backoff = backoff
        self.clock = clock
        self.group = group
        self.dns = dns
        self.instanceID = instanceID
        self.attemptTimeout = attemptTimeout
        self.failbackInterval = failbackInterval
        self.version = version
    }
}

/// Where the engine writes call records.
public enum HistoryChoice: Sendable {
    /// `[general] history_file`.
    case configured
    case store(CallHistoryStore)
    case none
}

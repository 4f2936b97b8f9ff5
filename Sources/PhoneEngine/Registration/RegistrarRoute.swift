import DialtoneConfig
import SIPServerLocation
import SIPSyntax
import SIPTransport

/// Where an account's REGISTERs go and how (RFC 3261 §10.2, RFC 3263 §4): to the outbound
/// proxy if there is one, else the registrar, else the AOR's domain; over the configured
/// transport, or the one RFC 3263 picks for `auto`.
struct RegistrarRoute: Sendable, Hashable {
    /// The Request-URI of REGISTER: the registrar, else the AOR's domain (§10.2: no user part).
    var requestURI: SIPURI
    /// What RFC 3263 resolves.
    var target: SIPTargetURI
    /// The name a TLS certificate must carry (RFC 5922 §4.1): the domain of the resolved URI, or
    /// nil when that is an IP address.
    var serverName: String?

    init(_ account: AccountSettings) {
        var registrar = account.registrar ?? SIPURI(isSecure: account.aor.isSecure, host: account.aor.host)
        registrar.user = nil
        registrar.password = nil
        requestURI = registrar
        let hop = account.outboundProxy ?? registrar
        var target = SIPTargetURI(
            scheme: hop.isSecure ? .sips : .sip, host: Self.host(hop.host), port: hop.port, transport: hop.transportParameter)
        switch account.transport {
        case .auto: break
        case .udp: target.transport = "udp"
        case .tcp: target.transport = "tcp"
        case .tls: target.transport = "tls"
        }
        self.target = target
        serverName = target.numericHost == nil ? target.domain : nil
    }

    static func host(_ host: Host) -> String {
        switch host {
        case .hostname(let name): name
        case .ipv4(let address): address
        case .ipv6(let address): address
        }
    }
}

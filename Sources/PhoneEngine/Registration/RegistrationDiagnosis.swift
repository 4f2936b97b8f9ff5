import SIPRegistration
import SIPServerLocation
import SIPTransport

/// Turns why a registration failed into one line that names the cause and the fix: what users
/// most need from `dialtone check` and the status bar, and what other softphones leave to
/// packet captures.
enum RegistrationDiagnosis {
    struct Context {
        var username: String
        /// What was resolved, e.g. `example.com` or `sip:pbx.example.com;transport=tls`.
        var target: String
        /// The attempts of the request that failed, in order (the transport errors live here).
        var attempts: [AttemptRecord]
    }

    /// DNS gave no target at all.
    static func explain(_ error: ServerLocationError) -> String {
        switch error {
        case .nameNotFound(let name, _):
            "DNS: \(name) does not exist (NXDOMAIN) — check the domain of `aor`/`registrar`, or `dns_servers`"
        case .noAddresses(let name, _):
            "DNS: \(name) has no A/AAAA address — check the domain, or set `registrar` to a host that has one"
        case .serviceNotOffered(let name, _):
            "DNS: \(name) publishes no SIP service for the chosen transport (NAPTR/SRV) — try `transport = \"auto\"` or another transport"
        case .lookupFailed(let dns, _):
            switch dns {
            case .timeout(_, let servers):
                "DNS: no answer from \(servers.map(\.description).joined(separator: ", ")) (timeout) — check `dns_servers` and the network"
            case .connectionRefused(_, let servers):
                "DNS: \(servers.map(\.description).joined(separator: ", ")) refused the query — check `dns_servers`"
            default:
                "DNS lookup failed: \(dns) — check `dns_servers` and the domain"
            }
        case .unsupportedTransport, .transportNotEnabled, .invalidHost:
            "cannot locate the server: \(error)"
        }
    }

    static func explain(_ failure: RegistrationFailure, _ context: Context) -> String {
        switch failure {
        case .rejectedCredentials(let status):
            return "the server rejected the credentials of user \"\(context.username)\" (\(status) after authenticating) — check `username` and `password`"
        case .noCredentials(let status):
            return "the server asks for a password (\(status)) but the account has none — set `password` or `password_command`"
        case .unsupportedChallenge(let detail):
            return "the server's authentication challenge cannot be answered (\(detail))"
        case .forbidden(let reason):
            return "registration forbidden (403 \(reason)) — the user may not register from here, or the account is disabled on the server; check `aor` and `username`"
        case .notFound(let reason):
            return "user or domain unknown to the registrar (404 \(reason)) — check the user and domain in `aor`"
        case .intervalTooBrief(let minimum):
            return "the registrar refused every expiry offered (423, Min-Expires \(minimum.map(String.init) ?? "missing")) — set `expires` higher"
        case .timeout:
            return timeoutLine(context)
        case .transportError(let reason):
            return transportLine(context) ?? "cannot reach \(context.target): \(reason)"
        case .serverError(let status, let reason):
            return "the server failed (\(status) \(reason)) — a problem on the provider's side; try later or contact them"
        case .unexpected(let status, let reason):
            return "unexpected answer \(status) \(reason) to REGISTER"
        }
    }

    /// Every target timed out: a firewall dropping packets, or the wrong port.
    private static func timeoutLine(_ context: Context) -> String {
        let tried = context.attempts.map(\.target.description)
        let list = tried.isEmpty ? context.target : tried.joined(separator: ", ")
        return "no answer from \(list) (timeout) — a firewall drops the packets, or the port or transport is wrong"
    }

    /// The most telling transport error among the attempts.
    private static func transportLine(_ context: Context) -> String? {
        for attempt in context.attempts.reversed() {
            guard case .transportError(let error) = attempt.result else { continue }
            switch error {
            case .connectionRefused(let endpoint):
                return "connection refused by \(endpoint) — nothing listens there: check the port and `transport`"
            case .connectTimedOut(let endpoint, _):
                return "no connection to \(endpoint) (timeout) — a firewall drops the packets, or the port is wrong"
            case .tls(let endpoint, let tls):
                return "TLS with \(endpoint): " + tlsLine(tls)
            case .connectionLost(_, let reason):
                return "the connection to \(attempt.target) failed: \(reason)"
            default:
                return "cannot reach \(attempt.target): \(error)"
            }
        }
        return nil
    }

    private static func tlsLine(_ failure: TLSFailure) -> String {
        switch failure {
        case .unknownCertificateAuthority(let subject, let issuer):
            "the certificate (\(subject)) is issued by an unknown CA (\(issuer)) — set `ca_file` to that CA, or `tls_accept_self_signed = true` if you trust it"
        case .certificateExpired(let subject, _):
            "the server's certificate (\(subject)) has expired — the provider must renew it"
        case .certificateNotYetValid(let subject, _):
            "the server's certificate (\(subject)) is not valid yet — check this machine's clock"
        case .hostNameMismatch(let expected, let presented):
            "the certificate names \(presented.isEmpty ? "nothing usable" : presented.joined(separator: ", ")), not \(expected) — check the domain in `aor`/`registrar`"
        case .handshakeRefused(let detail):
            "the server refused the TLS handshake (\(detail)) — check the port, or whether it wants a client certificate"
        case .handshakeTimedOut:
            "the TLS handshake did not finish — is this port really TLS?"
        default:
            "\(failure)"
        }
    }
}

@testable import PhoneEngine
import SIPRegistration
import SIPServerLocation
import Testing

/// Every registration failure gets one line naming the cause and the fix (issue 4's list).
@Suite struct RegistrationDiagnosisTests {
    let context = RegistrationDiagnosis.Context(username: "alice", target: "sip:example.test", attempts: [])

    @Test(arguments: [
        (RegistrationFailure.rejectedCredentials(statusCode: 401), "the server rejected the credentials of user \"alice\" (401 after authenticating) — check `username` and `password`"),
        (.rejectedCredentials(statusCode: 407), "the server rejected the credentials of user \"alice\" (407 after authenticating) — check `username` and `password`"),
        (.noCredentials(statusCode: 401), "the server asks for a password (401) but the account has none — set `password` or `password_command`"),
        (.forbidden(reason: "Forbidden"), "registration forbidden (403 Forbidden) — the user may not register from here, or the account is disabled on the server; check `aor` and `username`"),
        (.notFound(reason: "Not Found"), "user or domain unknown to the registrar (404 Not Found) — check the user and domain in `aor`"),
        (.intervalTooBrief(minExpires: 7200), "the registrar refused every expiry offered (423, Min-Expires 7200) — set `expires` higher"),
        (.serverError(statusCode: 503, reason: "Service Unavailable"), "the server failed (503 Service Unavailable) — a problem on the provider's side; try later or contact them"),
        (.timeout, "no answer from sip:example.test (timeout) — a firewall drops the packets, or the port or transport is wrong"),
    ])
    func oneLinePerFailure(failure: RegistrationFailure, line: String) {
        #expect(RegistrationDiagnosis.explain(failure, context) == line)
    }

    @Test func dnsFailuresNameTheDomainAndTheSetting() {
        #expect(RegistrationDiagnosis.explain(ServerLocationError.noAddresses("pbx.example.test", steps: []))
            == "DNS: pbx.example.test has no A/AAAA address — check the domain, or set `registrar` to a host that has one")
    }
}

import SIPServerLocation
@testable import SIPTransport
import Testing

/// Argument validation and report rendering of `dialtone options`.
@Suite struct OptionsConfigurationTests {
    @Test func theURIDecidesWhatRFC3263Sees() throws {
        let plain = try OptionsProbeConfiguration(uri: "sip:example.test")
        #expect(plain.target == SIPTargetURI(scheme: .sip, host: "example.test"))
        let forced = try OptionsProbeConfiguration(uri: "sip:example.test:5070", transport: "TCP")
        #expect(forced.target == SIPTargetURI(scheme: .sip, host: "example.test", port: 5070, transport: "tcp"))
        let v6 = try OptionsProbeConfiguration(uri: "sips:[::1]:5061", dnsServers: ["[::1]:5353", "127.0.0.1"])
        #expect(v6.target == SIPTargetURI(scheme: .sips, host: "::1", port: 5061))
        #expect(v6.dnsServers.map(\.description) == ["[::1]:5353", "127.0.0.1:53"])
        #expect(v6.timeout == .seconds(5))
    }

    @Test func usageErrorsAreSpecific() {
        #expect(throws: OptionsUsageError.notASIPURI("mailto:a@b")) { try OptionsProbeConfiguration(uri: "mailto:a@b") }
        #expect(throws: OptionsUsageError.unknownTransport("sctp")) { try OptionsProbeConfiguration(uri: "sip:a.test", transport: "sctp") }
        #expect(throws: OptionsUsageError.sipsNeedsTLS("udp")) { try OptionsProbeConfiguration(uri: "sips:a.test", transport: "udp") }
        #expect(throws: OptionsUsageError.badDNSServer("dns.example")) { try OptionsProbeConfiguration(uri: "sip:a.test", dnsServers: ["dns.example"]) }
        #expect(throws: OptionsUsageError.badTimeout(0)) { try OptionsProbeConfiguration(uri: "sip:a.test", timeout: 0) }
    }

    @Test func resolvConfNameserversAreRead() {
        let text = "# comment\nsearch example.test\nnameserver 127.0.0.53\nnameserver fe80::1%eth0\nnameserver ::1\noptions edns0\n"
        #expect(SystemDNSServers.parse(text).map(\.description) == ["127.0.0.53:53", "[fe80::1]:53", "[::1]:53"])
    }

    @Test func theJSONReportHasStableSnakeCaseFields() throws {
        var report = OptionsReport(uri: "sip:example.test", resolution: ["NAPTR example.test → no records"], targets: ["UDP 127.0.0.1:5060"],
                                   attempts: [], answered: true)
        report.response = .init(statusCode: 200, reasonPhrase: "OK", statusLine: "SIP/2.0 200 OK", server: "kamailio", userAgent: nil)
        report.answeredBy = .init(target: "UDP 127.0.0.1:5060", hostName: "127.0.0.1", transport: "UDP",
                                  localAddress: "127.0.0.1:40000", remoteAddress: "127.0.0.1:5060")
        report.roundTripMs = 0.42
        let json = report.jsonText()
        #expect(json.hasPrefix("{\"answered\":true,\"answered_by\":{\"host_name\":\"127.0.0.1\",\"local_address\""))
        #expect(json.contains("\"response\":{\"reason_phrase\":\"OK\",\"server\":\"kamailio\",\"status_code\":200,\"status_line\":\"SIP/2.0 200 OK\"}"))
        #expect(json.contains("\"round_trip_ms\":0.42"))
        #expect(report.exitStatus == 0)
        let text = report.text()
        #expect(text.contains("Response: SIP/2.0 200 OK\nServer: kamailio\nTransport: UDP 127.0.0.1:40000 → 127.0.0.1:5060 (127.0.0.1)"))
        #expect(text.contains("Round trip: 0.4 ms"))
        #expect(text.hasSuffix("Result: the server answered 200 OK (success)"))
    }
}

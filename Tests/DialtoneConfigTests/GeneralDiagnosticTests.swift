import Testing
@testable import DialtoneConfig

@Suite struct GeneralDiagnosticTests {
    @Test func listenAddressesAreCheckedOneByOne() throws {
        let text = """
            [general]
            listen = [
              "udp:127.0.0.1:5060",
              "tsl:0.0.0.0:5061",
              "tcp:[::1]:0",
              "tcp:example.com:5060",
              "udp:0.0.0.0:70000",
              "udp:0.0.0.0",
            ]
            """ + "\n" + minimalAccount
        let found = problems(text)
        #expect(found.map(\.key) == [
            "general.listen[2]", "general.listen[4]", "general.listen[5]", "general.listen[6]",
        ])
        #expect(found.allSatisfy { $0.line == 2 })
        #expect(found.first?.suggestion == "tls")
        #expect(found[2].message == "port \"70000\" is not a number in 0…65535")
        #expect(found[3].message.hasPrefix("missing port"))
    }

    @Test func listenParsesIPv6AndEphemeralPorts() throws {
        let text = "[general]\nlisten = [\"udp:127.0.0.1:5060\", \"tcp:[::1]:0\"]\n" + minimalAccount
        let listen = try parse(text).0.general.listen
        #expect(listen == [
            ListenAddress(transport: .udp, host: "127.0.0.1", port: 5060),
            ListenAddress(transport: .tcp, host: "::1", port: 0),
        ])
        #expect(listen.map(\.description) == ["udp:127.0.0.1:5060", "tcp:[::1]:0"])
    }

    @Test func dnsServers() throws {
        let good = "[general]\ndns_servers = [\"9.9.9.9\", \"ns.example.com:5353\", \"[2620:fe::fe]:53\", \"::1\"]\n"
        #expect(try parse(good + minimalAccount).0.general.dnsServers.count == 4)
        let bad = "[general]\ndns_servers = [\"9.9.9.9:0\", \"[example.com]:53\", \"bad_host\", \"[::1\"]\n"
        let found = problems(bad + minimalAccount)
        #expect(found.map(\.key) == (1...4).map { "general.dns_servers[\($0)]" })
        #expect(found.allSatisfy { $0.line == 2 })
    }

    @Test func tlsListenerNeedsACertificateAndKey() {
        let text = "[general]\nlisten = [\"tls:0.0.0.0:5061\"]\n" + minimalAccount
        let found = problems(text)
        #expect(found.map(\.key) == ["general.tls_certificate", "general.tls_key"])
        #expect(found.allSatisfy { $0.line == 2 && $0.message == "required by the tls listener" })
    }

    @Test func rtpPortRange() throws {
        #expect(try parse("[general]\nrtp_port_range = \"20000-20099\"\n" + minimalAccount).0.general.rtpPortRange == 20000...20099)
        for bad in ["16385-32767", "20000", "30000-20000", "0-100", "a-b", "16384-70000"] {
            let diagnostic = problem("[general]\nrtp_port_range = \"\(bad)\"\n" + minimalAccount, key: "general.rtp_port_range")
            #expect(diagnostic?.line == 2, "\(bad)")
        }
    }

    @Test func valuesOfTheWrongTypeAndRange() {
        let text = """
            [general]
            no_rtp_timeout = -5
            hangup_on_no_rtp = 1
            user_agent = "Evil\\r\\nX: y"
            accept_unknown_invites = "no"
            contacts_dir = ""
            """ + "\n" + minimalAccount
        let found = problems(text)
        #expect(found.map(\.key) == [
            "general.no_rtp_timeout", "general.hangup_on_no_rtp", "general.user_agent",
            "general.accept_unknown_invites", "general.contacts_dir",
        ])
        #expect(found.map(\.line) == [2, 3, 4, 5, 6])
    }

    @Test func unknownTablesAndKeys() {
        let text = "[generel]\nx = 1\n[general]\ndns_server = []\n[ui]\nthem = \"dark\"\n" + minimalAccount
        let found = problems(text)
        #expect(found.map(\.key) == ["generel", "general.dns_server", "ui.them"])
        #expect(found.map(\.line) == [1, 4, 6])
        #expect(found.map(\.suggestion) == ["general", "dns_servers", "theme"])
    }

    @Test func accountsMustBeAnArrayOfTables() {
        let found = problems("[accounts]\nname = \"a\"\n")
        #expect(found.map(\.key) == ["accounts"])
        #expect(found.first?.line == 1)
    }
}

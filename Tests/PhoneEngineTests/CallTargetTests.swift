import DialtoneConfig
import Testing
@testable import PhoneEngine
import SIPServerLocation
import SIPSyntax

/// What the user types becomes the URI to call (pure; no network).
struct CallTargetTests {
    static func account(_ extra: String = "") throws -> AccountSettings {
        try EngineHarness.configuration("""
            [[accounts]]
            name = "a"
            aor = "sip:alice@example.net"
            \(extra)
            """).accounts[0]
    }

    @Test(arguments: [
        ("sip:bob@example.com", "sip:bob@example.com"),
        ("bob@example.com", "sip:bob@example.com"),
        ("bob", "sip:bob@example.net"),
        ("+49 (30) 123-456", "sip:+4930123456@example.net;user=phone"),
        ("*98", "sip:*98@example.net;user=phone"),
        ("  sip:carol@10.0.0.1:5070  ", "sip:carol@10.0.0.1:5070"),
    ])
    func completes(_ typed: String, _ expected: String) throws {
        #expect(CallTarget.uri(for: typed, account: try Self.account())?.description == expected)
    }

    @Test(arguments: ["", "   ", "bob smith", "sip:", "http://example.com", "a<b"])
    func refusesWhatIsNoTarget(_ typed: String) throws {
        #expect(CallTarget.uri(for: typed, account: try Self.account()) == nil)
    }

    @Test func theAccountsOwnDomainGoesThroughItsServersAndOtherHostsAreCalledDirectly() throws {
        let account = try Self.account()
        #expect(CallTarget.usesAccountServers(try URI(parsing: "sip:bob@example.net"), account: account))
        #expect(!CallTarget.usesAccountServers(try URI(parsing: "sip:bob@127.0.0.1:5080"), account: account))
        let proxied = try Self.account("outbound_proxy = \"sip:proxy.example.net;lr\"")
        #expect(CallTarget.usesAccountServers(try URI(parsing: "sip:bob@127.0.0.1:5080"), account: proxied))
    }

    @Test func theNextHopIsTheFirstRouteElseTheRequestURI() throws {
        var headers = SIPHeaders()
        headers.append(.route, "<sip:127.0.0.1:5070;transport=tcp;lr>")
        let routed = SIPRequest(method: .bye, uri: try URI(parsing: "sip:bob@10.0.0.2:5090"), headers: headers)
        #expect(CallTarget.nextHop(of: routed)?.description == CallTarget.targetURI(SIPURI(host: .ipv4("127.0.0.1"), port: 5070, parameters: [Parameter("transport", "tcp")])).description)
        let direct = SIPRequest(method: .bye, uri: try URI(parsing: "sip:bob@10.0.0.2:5090"), headers: SIPHeaders())
        #expect(CallTarget.nextHop(of: direct)?.host == "10.0.0.2")
        #expect(CallTarget.nextHop(of: direct)?.port == 5090)
    }

    @Test func scannerProtectionTrustsOnlyKnownServers() throws {
        let server = try #require(IPAddress(literal: "192.0.2.1"))
        let stranger = try #require(IPAddress(literal: "198.51.100.7"))
        #expect(InviteScreen.accepts(source: stranger, acceptUnknown: true, trusted: [server]))
        #expect(!InviteScreen.accepts(source: stranger, acceptUnknown: false, trusted: [server]))
        #expect(InviteScreen.accepts(source: server, acceptUnknown: false, trusted: [server]))
    }
}

import Testing
@testable import DialtoneConfig

@Suite struct DefaultsTests {
    @Test func generalDefaults() throws {
        let (config, warnings) = try parse(minimalAccount)
        let general = config.general
        #expect(warnings.isEmpty)
        #expect(general.dnsServers.isEmpty)
        #expect(general.listen.map(\.description) == ["udp:0.0.0.0:0", "tcp:0.0.0.0:0"])
        #expect(general.userAgent == "Dialtone/1.2.3")
        #expect(general.rtpPortRange == 16384...32767)
        #expect(general.acceptUnknownInvites)
        #expect(general.contactsDirectory == "/home/tester/data/dialtone/contacts")
        #expect(general.historyFile == "/home/tester/data/dialtone/history.sqlite")
        #expect(general.noRTPTimeout == 30)
        #expect(!general.hangupOnNoRTP)
        #expect(general.tlsCertificate == nil)
        #expect(config.ui.theme == "dark")
        #expect(config.ui.keys.isEmpty)
    }

    @Test func dataPathsFallBackToHome() throws {
        let config = try ConfigurationLoader.parse(
            text: minimalAccount, path: "c.toml", version: "1", environment: ["HOME": "/home/u"]
        ).0
        #expect(config.general.contactsDirectory == "/home/u/.local/share/dialtone/contacts")
        #expect(config.general.historyFile == "/home/u/.local/share/dialtone/history.sqlite")
    }

    @Test func accountDefaults() throws {
        let account = try #require(try parse(minimalAccount).0.accounts.first)
        #expect(account.name == "a")
        #expect(account.aor.user == "alice")
        #expect(account.username == "alice")
        #expect(account.password == nil)
        #expect(account.displayName == nil)
        #expect(account.transport == .auto)
        #expect(account.registrar == nil && account.outboundProxy == nil && account.voicemailURI == nil)
        #expect(account.expires == 3600)
        #expect(account.caFile == nil)
        #expect(account.tlsVerify && !account.tlsAcceptSelfSigned)
        #expect(account.mwi && account.enabled && account.register && account.outbound)
        #expect(account.keepalive == .crlf)
        #expect(account.keepaliveInterval == nil)
        #expect(account.codecs == [.opus, .g722, .pcmu, .pcma])
        #expect(account.opus == OpusSettings())
        #expect(account.opus.bitrate == 32000 && account.opus.complexity == 3 && account.opus.inbandFEC && !account.opus.dtx)
        #expect(account.srtp == .optional)
        #expect(account.dtmf == .rfc4733)
        #expect(account.extraHeaders.isEmpty)
    }

    @Test func explicitValuesWin() throws {
        let text = minimalAccount + """

            username = "auth-alice"
            display_name = "Alice"
            keepalive_interval = 25
            codecs = ["pcma", "opus"]
            opus_bitrate = 20000
            opus_complexity = 8
            opus_fec = false
            opus_dtx = true
            enabled = false
            [ui]
            theme = "/home/tester/mine.toml"
            [ui.keys]
            hangup = "h"
            answer = "a"
            """
        let (config, _) = try parse(text)
        let account = try #require(config.accounts.first)
        #expect(account.username == "auth-alice")
        #expect(account.displayName == "Alice")
        #expect(account.keepaliveInterval == 25)
        #expect(account.codecs == [.pcma, .opus])
        #expect(account.opus.bitrate == 20000 && account.opus.complexity == 8)
        #expect(!account.opus.inbandFEC && account.opus.dtx)
        #expect(!account.enabled)
        #expect(config.ui.theme == "/home/tester/mine.toml")
        #expect(config.ui.keys == [
            KeyBindingEntry(action: "hangup", key: "h", line: 16),
            KeyBindingEntry(action: "answer", key: "a", line: 17),
        ])
    }

    @Test func warningsDoNotStopLoading() throws {
        let text = minimalAccount + "\ntls_accept_self_signed = true\ntls_verify = false\n"
        let (config, warnings) = try parse(text)
        #expect(config.accounts.count == 1)
        #expect(warnings.map(\.key) == ["accounts[1].tls_accept_self_signed", "accounts[1].tls_verify"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.line == 4)
        #expect(warnings.first?.description.hasPrefix("config.toml:4: warning: accounts[1].tls_accept_self_signed: ") == true)
    }

    @Test func noAccountsIsAWarning() throws {
        let (config, warnings) = try parse("[general]\n")
        #expect(config.accounts.isEmpty)
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
    }
}

import Testing
@testable import DialtoneConfig

@Suite struct AccountDiagnosticTests {
    /// An error in the third account names `accounts[3]` and the third account's line.
    @Test func errorsPointAtTheirOwnAccount() {
        let text = """
            [[accounts]]
            name = "one"
            aor = "sip:one@example.com"
            transport = "udp"

            [[accounts]]
            name = "two"
            aor = "sip:two@example.com"

            [[accounts]]
            name = "three"
            aor = "sip:three@example.com"
            transport = "tsl"
            """
        let found = problems(text)
        #expect(found.count == 1)
        let diagnostic = found.first
        #expect(diagnostic?.key == "accounts[3].transport")
        #expect(diagnostic?.line == 13)
        #expect(diagnostic?.suggestion == "tls")
        #expect(diagnostic?.description
            == #"config.toml:13: accounts[3].transport: "tsl" is not one of udp, tcp, tls, auto (did you mean "tls"?)"#)
    }

    @Test func missingRequiredKeysPointAtTheEntry() {
        let text = """
            [[accounts]]
            name = "one"
            aor = "sip:one@example.com"

            [[accounts]]
            display_name = "No name, no aor"
            """
        let found = problems(text)
        #expect(found.map(\.key) == ["accounts[2].name", "accounts[2].aor"])
        #expect(found.allSatisfy { $0.line == 5 })
        #expect(found.last?.message.hasPrefix("missing required key \"aor\"") == true)
    }

    @Test func unknownKeysAreSuggested() throws {
        let text = minimalAccount + "\npasword_command = \"pass x\"\n"
        let diagnostic = try #require(problem(text, key: "accounts[1].pasword_command"))
        #expect(diagnostic.line == 4)
        #expect(diagnostic.message == "unknown key \"pasword_command\"")
        #expect(diagnostic.suggestion == "password_command")
    }

    @Test func namesAreUniqueAndNonEmpty() {
        let text = """
            [[accounts]]
            name = "work"
            aor = "sip:a@example.com"
            [[accounts]]
            name = ""
            aor = "sip:b@example.com"
            [[accounts]]
            name = "work"
            aor = "sip:c@example.com"
            """
        let found = problems(text)
        #expect(found.map(\.key) == ["accounts[2].name", "accounts[3].name"])
        #expect(found.map(\.line) == [5, 8])
        #expect(found.last?.message == "\"work\" is already the name of accounts[1]")
    }

    @Test func aorMustBeASIPURIWithAUser() {
        let cases: [(String, String)] = [
            ("sip:example.com", "has no user part"),
            ("tel:+4930123456", "a tel: URI; expected sip: or sips:"),
            ("sip:alice@", "not a valid SIP URI"),
            ("sip:alice:secret@example.com", "must not contain a password"),
        ]
        for (aor, message) in cases {
            let text = "[[accounts]]\nname = \"a\"\naor = \"\(aor)\"\n"
            let diagnostic = problem(text, key: "accounts[1].aor")
            #expect(diagnostic?.line == 3, "\(aor)")
            #expect(diagnostic?.message.contains(message) == true, "\(aor): \(String(describing: diagnostic))")
            #expect(diagnostic?.description.contains("secret") == false)
        }
    }

    @Test func sipsNeedsTLS() throws {
        let text = """
            [[accounts]]
            name = "a"
            aor = "sips:alice@example.com"
            registrar = "sips:example.com"
            transport = "tcp"
            """
        let diagnostic = try #require(problem(text, key: "accounts[1].transport"))
        #expect(diagnostic.line == 5)
        #expect(diagnostic.message == "tcp cannot carry sips: URIs (aor, registrar); use tls or auto")
        #expect(throws: Never.self) { try parse(text.replacingOccurrences(of: "\"tcp\"", with: "\"tls\"")) }
    }

    @Test func otherURIsAreChecked() {
        let text = minimalAccount + """

            registrar = "http://example.com"
            outbound_proxy = "sip:proxy.example.com;lr"
            voicemail_uri = "sip:"
            """
        let found = problems(text)
        #expect(found.map(\.key) == ["accounts[1].registrar", "accounts[1].voicemail_uri"])
        #expect(found.map(\.line) == [4, 6])
    }

    @Test func passwordAndCommandAreExclusive() throws {
        let text = minimalAccount + "\npassword = \"hunter2\"\npassword_command = \"pass x\"\n"
        let diagnostic = try #require(problem(text, key: "accounts[1].password_command"))
        #expect(diagnostic.line == 5)
        #expect(diagnostic.message.contains("mutually exclusive"))
        #expect(!problems(text).description.contains("hunter2"))
    }

    @Test func rangesAndTypes() {
        let text = minimalAccount + """

            expires = 0
            keepalive_interval = -1
            mwi = "yes"
            codecs = "opus"
            """
        let found = problems(text)
        #expect(found.map(\.key) == [
            "accounts[1].expires", "accounts[1].keepalive_interval", "accounts[1].mwi", "accounts[1].codecs",
        ])
        #expect(found.map(\.line) == [4, 5, 6, 7])
        #expect(found.first?.message == "0 is out of range 1…2147483647")
        #expect(found[2].message == "expected true or false, found string")
        #expect(found[3].message == "expected an array of strings, found string")
    }

    @Test func expiresUpperBound() {
        #expect(problem(minimalAccount + "\nexpires = 2147483648\n", key: "accounts[1].expires") != nil)
        #expect(throws: Never.self) { try parse(minimalAccount + "\nexpires = 2147483647\n") }
    }

    @Test func codecsAreKnownAndListedOnce() {
        let text = minimalAccount + "\ncodecs = [\"opus\", \"g729\", \"PCMU\", \"opus\", 8]\n"
        let found = problems(text)
        #expect(found.map(\.key) == [
            "accounts[1].codecs[2]", "accounts[1].codecs[3]", "accounts[1].codecs[4]", "accounts[1].codecs[5]",
        ])
        #expect(found.allSatisfy { $0.line == 4 })
        #expect(found[1].suggestion == "pcmu")
        #expect(found[2].message == "\"opus\" is listed twice")
        #expect(problem(minimalAccount + "\ncodecs = []\n", key: "accounts[1].codecs") != nil)
    }

    @Test func opusSettingsAreChecked() {
        let text = minimalAccount + "\nopus_bitrate = 600000\nopus_complexity = 11\nopus_fec = \"yes\"\nopus_dtx = 1\n"
        let found = problems(text)
        #expect(found.map(\.key) == [
            "accounts[1].opus_bitrate", "accounts[1].opus_complexity", "accounts[1].opus_fec", "accounts[1].opus_dtx",
        ])
        #expect(found.map(\.line) == [4, 5, 6, 7])
        #expect(found.first?.message == "600000 is out of range 6000…510000")
        #expect(found[1].message == "11 is out of range 0…10")
        #expect(problem(minimalAccount + "\nopus_bitrat = 20000\n", key: "accounts[1].opus_bitrat")?.suggestion == "opus_bitrate")
    }

    @Test func choicesSuggestSpellings() {
        let text = minimalAccount + "\nsrtp = \"mandatroy\"\ndtmf = \"rfc2833\"\nkeepalive = \"OPTIONS\"\n"
        let found = problems(text)
        #expect(found.map(\.key) == ["accounts[1].srtp", "accounts[1].dtmf", "accounts[1].keepalive"])
        #expect(found.map(\.suggestion) == ["mandatory", "rfc4733", "options"])
    }

    @Test func extraHeadersAreCheckedAndKeepTheirOrder() throws {
        let bad = minimalAccount + """

            [accounts.extra_headers]
            "X Bad" = "1"
            Via = "SIP/2.0/UDP evil"
            i = "compact Call-ID"
            X-Split = "a\\r\\nInjected: yes"
            X-Number = 5
            """
        let found = problems(bad)
        #expect(found.map(\.key) == [
            #"accounts[1].extra_headers."X Bad""#, "accounts[1].extra_headers.Via", "accounts[1].extra_headers.i",
            "accounts[1].extra_headers.X-Split", "accounts[1].extra_headers.X-Number",
        ])
        #expect(found.map(\.line) == [5, 6, 7, 8, 9])
        #expect(found[2].message == "Call-ID is managed by Dialtone and cannot be set here")

        let good = minimalAccount + "\n[accounts.extra_headers]\nX-Zulu = \"z\"\nP-Preferred-Identity = \"<sip:a@example.com>\"\n"
        let account = try #require(try parse(good).0.accounts.first)
        #expect(account.extraHeaders.map(\.name) == ["X-Zulu", "P-Preferred-Identity"])
    }
}

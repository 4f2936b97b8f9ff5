import Testing
import TOMLLines

@Suite struct KeyLineIndexTests {
    let text = """
        # comment
        name = "x"
        [general]
        dns_servers = ["127.0.0.1"]
        "quoted.key" = 1
        [roles.status_bar]
        fg = "red"
        """

    @Test func findsKeysUnderTheirHeaders() {
        let index = KeyLineIndex(text: text)
        #expect(index.line(of: ["name"]) == 2)
        #expect(index.line(of: ["general"]) == 3)
        #expect(index.line(of: ["general", "dns_servers"]) == 4)
        #expect(index.line(of: ["general", "quoted.key"]) == 5)
        #expect(index.line(of: ["roles", "status_bar", "fg"]) == 7)
    }

    @Test func fallsBackToTheNearestAncestor() {
        let index = KeyLineIndex(text: text)
        #expect(index.line(of: ["roles", "status_bar", "bg"]) == 6)
    }
}

@Suite struct ArrayOfTablesLineTests {
    let text = """
        [general]
        listen = ["udp:0.0.0.0:0"]

        [[accounts]]
        name = "one"
        aor = "sip:a@example.com"

        [[accounts]]
        name = "two"

        [accounts.extra_headers]
        X-Two = "2"

        [[accounts]]
        name = "three"
        transport = "tsl"
        [[accounts.routes]]
        uri = "sip:r1@example.com"
        [[accounts.routes]]
        uri = "sip:r2@example.com"
        """

    @Test func eachEntryHasItsOwnLines() {
        let index = KeyLineIndex(text: text)
        #expect(index.line(of: ["accounts", KeyLineIndex.entry(1)]) == 4)
        #expect(index.line(of: ["accounts", KeyLineIndex.entry(1), "name"]) == 5)
        #expect(index.line(of: ["accounts", KeyLineIndex.entry(2), "name"]) == 9)
        #expect(index.line(of: ["accounts", "#3", "name"]) == 15)
        #expect(index.line(of: ["accounts", "#3", "transport"]) == 16)
    }

    @Test func subTablesBelongToTheCurrentEntry() {
        let index = KeyLineIndex(text: text)
        #expect(index.line(of: ["accounts", "#2", "extra_headers"]) == 11)
        #expect(index.line(of: ["accounts", "#2", "extra_headers", "X-Two"]) == 12)
        #expect(index.line(of: ["accounts", "#3", "routes", "#1", "uri"]) == 18)
        #expect(index.line(of: ["accounts", "#3", "routes", "#2", "uri"]) == 20)
    }

    @Test func missingKeysFallBackToTheirOwnEntry() {
        let index = KeyLineIndex(text: text)
        // Account 2 has no aor: its header line, not account 1's aor.
        #expect(index.line(of: ["accounts", "#2", "aor"]) == 8)
        #expect(index.line(of: ["accounts", "#3", "expires"]) == 14)
        // An entry the file does not have falls back to the array itself.
        #expect(index.line(of: ["accounts", "#4", "name"]) == 4)
    }

    @Test func unnumberedPathsAnswerWithTheFirstEntryThatHasTheKey() {
        let index = KeyLineIndex(text: text)
        #expect(index.line(of: ["accounts"]) == 4)
        #expect(index.line(of: ["accounts", "name"]) == 5)
        #expect(index.line(of: ["accounts", "transport"]) == 16)
        #expect(index.line(of: ["accounts", "extra_headers", "X-Two"]) == 12)
    }
}

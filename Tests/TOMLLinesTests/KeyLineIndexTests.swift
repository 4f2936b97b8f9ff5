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

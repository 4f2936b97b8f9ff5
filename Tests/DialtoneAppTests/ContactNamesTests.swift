import DialtoneApp
import TerminalUI
import Testing

@Suite struct ContactNamesTests {
    static let names = ContactNames([
        ContactRow(id: "1", name: "Anna", addresses: ["sip:Anna@Example.com", "+1 (555) 010-2030"]),
        ContactRow(id: "2", name: "Ben", addresses: ["tel:+44-20-7946-0000", "sips:ben@secure.example"]),
        ContactRow(id: "3", name: "Second Anna", addresses: ["sip:anna@example.com"]),
        ContactRow(id: "4", name: "Ext", addresses: ["10"]),
    ])

    @Test(arguments: [
        ("sip:anna@example.com", "Anna"),
        ("<sip:ANNA@example.COM;transport=tcp>", "Anna"),
        ("sips:anna@example.com?subject=x", "Anna"),
        ("sip:+15550102030@gw.example.net;user=phone", "Anna"),
        ("tel:+15550102030", "Anna"),
        ("sip:+442079460000@trunk", "Ben"),
        ("sip:ben@secure.example", "Ben"),
    ])
    func findsTheContact(remote: String, name: String) {
        #expect(Self.names.name(for: remote) == name)
    }

    @Test(arguments: [
        "sip:anna@other.example", "sip:5550102030@gw", "sip:10@pbx", "", "sip:", "<", "sip:@", "tel:",
        "sip:\u{0}\u{7}@x", String(repeating: "9", count: 5000),
    ])
    func unknownOrMalformedAddressesHaveNoName(remote: String) {
        #expect(Self.names.name(for: remote) == nil)
    }
}

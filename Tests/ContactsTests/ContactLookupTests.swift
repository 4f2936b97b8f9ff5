@testable import Contacts
import TestSupport
import Testing

@Suite struct ContactLookupTests {
    @Test(arguments: [
        ("sip:+1-555-0100@carrier.example;user=phone", [ContactLookupKey.address("+1-555-0100@carrier.example"), .number("+15550100")]),
        ("tel:+15550100", [.number("+15550100")]),
        ("tel:+1-555-0100;phone-context=example.com", [.number("+15550100")]),
        ("+1 (555) 0100", [.number("+15550100")]),
        ("0015550100", [.number("0015550100")]),
        ("sip:Alice@Example.COM:5060;transport=tcp?subject=hi", [.address("Alice@example.com")]),
        ("\"Alice\" <sip:alice@example.com>;tag=a6c85cf", [.address("alice@example.com")]),
        ("sips:alice@[2001:DB8::1]:5061", [.address("alice@[2001:db8::1]")]),
        ("sip:%2B1.555.0100;isub=7@gw.example", [.address("+1.555.0100@gw.example"), .number("+15550100")]),
        ("SIP:5550100@pbx.example", [.address("5550100@pbx.example"), .number("5550100")]),
        ("alice@example.com", [.address("alice@example.com")]),
        ("sip:example.com", [.address("example.com")]),
        ("", []),
        ("sip:@example.com", []),
    ])
    func keysNormaliseSeparatorsSchemesHostsAndParameters(_ text: String, _ keys: [ContactLookupKey]) {
        #expect(ContactLookupKey.keys(for: text) == keys)
    }

    private func fixtureIndex() throws -> ContactIndex {
        let contacts = try ["vcard/apple-3.0.vcf", "vcard/rfc6350-4.0.vcf"].flatMap { path in
            VCardParser.parse(bytes: try Fixtures.bytes(path), file: path).cards.map { Contact(vCard: $0, uidIfMissing: path) }
        }
        return ContactIndex(contacts: contacts)
    }

    @Test(arguments: [
        ("sip:+1-555-0100@carrier.example;user=phone", "Alice Pleasance Liddell"),
        ("tel:+15550100", "Alice Pleasance Liddell"),
        ("+1 (555) 0101", "Alice Pleasance Liddell"),
        ("sip:alice@EXAMPLE.com;transport=tcp", "Alice Pleasance Liddell"),
        ("sip:bob@pbx.example.com", "Mr. Bob Builder"),
        ("+1 555-0111", "Mr. Bob Builder"),
        ("tel:+15550120", "Zoë Ångström"),
        ("sip:+1-555-0121@carrier.example", "Zoë Ångström"),
        ("<sips:support@PBX.example.com>", "Support Line"),
        ("+34555010130", "José Nuñez"),
    ])
    func incomingURIsAndNumbersFindTheirContact(_ incoming: String, _ name: String) throws {
        #expect(try fixtureIndex().contacts(matching: incoming).map(\.formattedName) == [name])
    }

    @Test func whatMustNotMatchDoesNot() throws {
        let index = try fixtureIndex()
        #expect(index.contacts(matching: "0015550100") == [])  // no invented country rules
        #expect(index.contacts(matching: "sip:Alice@example.com") == [])  // the user part is case-sensitive
        #expect(index.contacts(matching: "sip:alice@example.org") == [])
        #expect(index.contacts(matching: "+1 555 01") == [])
    }

    @Test func oneNumberSharedByTwoContactsFindsBoth() {
        var a = Contact(uid: "a", formattedName: "Reception")
        a.phoneNumbers = [ContactField("+1 555 0199")]
        var b = Contact(uid: "b", formattedName: "Night desk")
        b.sipAddresses = [ContactField("sip:+1-555-0199@pbx.example;user=phone")]
        let index = ContactIndex(contacts: [a, b])
        #expect(index.contacts(matching: "tel:+1-555-0199").map(\.uid) == ["a", "b"])
    }

    @Test func searchIsPrefixFirstThenSubstringIgnoringCaseAndDiacritics() throws {
        let names = ["Alice Liddell", "Emilia Clarke", "Lily Evans", "Zoë Ångström", "Jürgen Müller"]
        let index = ContactIndex(contacts: names.map { Contact(uid: $0, formattedName: $0) })
        func search(_ query: String) -> [String] { index.search(query).map(\.formattedName) }
        #expect(search("li") == ["Alice Liddell", "Lily Evans", "Emilia Clarke"])
        #expect(search("zoe") == ["Zoë Ångström"])
        #expect(search("ANG") == ["Zoë Ångström"])
        #expect(search("zoë  ångs") == ["Zoë Ångström"])
        #expect(search("MULLER") == ["Jürgen Müller"])
        #expect(search("ice") == ["Alice Liddell"])
        #expect(search("xyz") == [])
        #expect(search("  ") == names)
    }

    @Test func foldingIsTheSameForASCIIAndNonASCIINames() {
        func fold(_ text: String) -> String { String(decoding: NameFolding.fold(text), as: UTF8.self) }
        #expect(fold("  Alice \t LIDDELL ") == "alice liddell")
        #expect(fold("Zoë  ÅNGSTRÖM") == "zoe angstrom")
        #expect(fold("Straße") == "strasse")
        #expect(NameFolding.words(of: NameFolding.fold("O'Brien-Smith Jr.")).map { String(decoding: $0, as: UTF8.self) }
            == ["o", "brien", "smith", "jr"])
    }

    @Test func substringsNeverSpanTwoNamesAndReachTheLastName() {
        let index = ContactIndex(contacts: ["Ab", "Cd", "Xyz"].map { Contact(uid: $0, formattedName: $0) })
        #expect(index.search("bc") == [])
        #expect(index.search("yz").map(\.uid) == ["Xyz"])
        #expect(index.search("d").map(\.uid) == ["Cd"])
    }

    @Test func searchAlsoUsesTheStructuredName() {
        var contact = Contact(uid: "n", formattedName: "The Boss")
        contact.name = StructuredName(family: ["Springsteen"], given: ["Bruce"])
        #expect(ContactIndex(contacts: [contact]).search("spring").map(\.uid) == ["n"])
    }

    @Test func benchmarkFindsEveryContactItLooksUp() {
        let report = ContactIndexBenchmark.run(count: 100)
        #expect(report.contains("contacts: 100\n"))
        #expect(report.contains("(1000 lookups, 1000 matches)"))
        #expect(report.contains("name prefix search:"))
    }
}

@testable import Contacts
import TestSupport
import Testing

@Suite struct ContactImportTests {
    /// Imports a fixture with UIDs "uid-1", "uid-2", … in call order.
    private func importFixture(_ path: String) throws -> ContactImportResult {
        var counter = 0
        return ContactImporter.importContacts(from: try Fixtures.bytes(path), fileName: String(path.split(separator: "/").last!)) {
            counter += 1
            return "uid-\(counter)"
        }
    }

    @Test func googleLegacyExport() throws {
        let result = try importFixture("csv/google-legacy.csv")
        #expect(result.problems == [])
        #expect(result.contacts.map(\.formattedName) == ["Alice Liddell", "Builder, Bob", "Wonderland Pizza"])
        let alice = result.contacts[0]
        #expect(alice.name == StructuredName(family: ["Liddell"], given: ["Alice"]))
        #expect(alice.phoneNumbers == [
            ContactField("+1 555-0100", types: ["cell"], preference: 1),
            ContactField("+1 555-0109", types: ["cell"], preference: 1),
            ContactField("+1 (555) 0108", types: ["work", "fax"]),
        ])
        #expect(alice.emails == [ContactField("alice@example.com", types: ["home"], preference: 1),
                                 ContactField("a.liddell@work.example.com", types: ["work"])])
        #expect(alice.sipAddresses == [ContactField("sip:alice@sip.example.com", types: ["work"])])
        #expect(alice.categories == ["Friends"])
        #expect(alice.notes == ["Met at the tea party, 1865.\nCall after 10:00."])
        let bob = result.contacts[1]
        #expect(bob.name?.honorificPrefixes == ["Mr."])
        #expect(bob.notes == ["He says \"Can we fix it?\" a lot."])
        #expect(bob.sipAddresses.map(\.value) == ["sip:bob@pbx.example.com"])
        #expect(bob.otherProperties.map(\.description) == ["ORG:Fix-It Ltd"])
        let pizza = result.contacts[2]
        #expect(pizza.name == nil)
        #expect(pizza.phoneNumbers == [ContactField("+1 555 0120")])
        #expect(pizza.otherProperties.map(\.description) == ["ORG:Wonderland Pizza", "URL:https://pizza.example.com"])
        #expect(result.contacts.map(\.uid) == ["uid-1", "uid-2", "uid-3"])
    }

    @Test func googleCurrentExportWithBOMAndMultiLineAddress() throws {
        let result = try importFixture("csv/google.csv")
        #expect(result.problems == [])
        #expect(result.contacts.map(\.formattedName) == ["Dr. Zoë Ångström", "José María Nuñez"])
        #expect(result.contacts[0].phoneNumbers == [ContactField("+46 555 0130", types: ["cell"]),
                                                    ContactField("+46 (555) 0131", types: ["work"])])
        #expect(result.contacts[0].categories == ["Colleagues"])
        #expect(result.contacts[1].sipAddresses == [ContactField("sip:jose@example.com")])
        #expect(result.contacts[1].notes == ["Prefers SIP, \"always\"."])
    }

    @Test func outlookExportInWindows1252() throws {
        let result = try importFixture("csv/outlook.csv")
        #expect(result.problems == [])
        let renee = try #require(result.contacts.first)
        #expect(renee.formattedName == "Ms. Renée François")
        #expect(renee.phoneNumbers == [
            ContactField("+33 555 0151", types: ["work", "fax"]),
            ContactField("+33 555 0150", types: ["work"], preference: 1),
            ContactField("+33 555 0153", types: ["home"]),
            ContactField("+33 6 55 50 152", types: ["cell"]),
        ])
        #expect(renee.categories == ["Suppliers", "Paris"])
        #expect(renee.emails == [ContactField("renee@example.com")])
        #expect(renee.notes == ["Orders every Monday – ask for “the usual”."])
        #expect(renee.otherProperties.map(\.description) == ["ORG:Café Crème"])
        #expect(result.contacts[1].emails.map(\.value) == ["hal@example.com", "hal9000@example.com"])
        #expect(result.contacts[1].phoneNumbers == [ContactField("555 0160", types: ["pager"])])
    }

    @Test func genericColumns() throws {
        let result = try importFixture("csv/generic.csv")
        #expect(result.problems == [])
        #expect(result.contacts.map(\.formattedName) == ["Carol Jones", "Dave \"The Phone\" Smith", "sip:front-desk@example.com"])
        #expect(result.contacts[0].sipAddresses == [ContactField("sip:carol@sip.example.com")])
        #expect(result.contacts[1].phoneNumbers == [ContactField("+1-555-0171")])
    }

    @Test func corruptRowsAreSkippedWithTheirLineNumbers() throws {
        let result = try importFixture("csv/corrupt.csv")
        #expect(result.contacts.map(\.formattedName) == ["Good One", "Multi Line Name", "Good Two", "Good Three"])
        #expect(result.problems.map(\.line) == [3, 4, 5, 6, 7, 11])
        #expect(result.problems[4] == .csv(CSVError(file: "corrupt.csv", line: 7, problem: .noContactData)))
    }

    @Test func aCSVWithoutKnownColumnsIsRejectedAsAWhole() {
        let result = ContactImporter.importCSV(Array("colour,size\nred,9\n".utf8), file: "x.csv") { "u" }
        #expect(result.contacts == [])
        #expect(result.problems == [.csv(CSVError(file: "x.csv", line: 1, problem: .noKnownColumns))])
    }

    @Test func multiContactVCardImportGivesUIDsOnlyToCardsWithout() throws {
        var calls = 0
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Has UID\r\nUID:kept\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:No UID\r\nEND:VCARD\r\nnoise\r\n"
        let result = ContactImporter.importContacts(from: Array(text.utf8), fileName: "export.vcf") {
            calls += 1
            return "generated"
        }
        #expect(result.contacts.map(\.uid) == ["kept", "generated"])
        #expect(calls == 1)
        #expect(result.problems == [.vCard(VCardParseError(file: "export.vcf", line: 10, problem: .missingBegin))])
        let apple = try importFixture("vcard/apple-3.0.vcf")
        #expect(apple.contacts.count == 2)
    }

    @Test func formatIsDetectedByExtensionThenContent() {
        let card = Array("\u{FEFF}\r\n  begin:vcard\r\n".utf8)
        #expect(ContactImportFormat.detect(fileName: "x.VCF", bytes: []) == .vCard)
        #expect(ContactImportFormat.detect(fileName: "x.vcard", bytes: []) == .vCard)
        #expect(ContactImportFormat.detect(fileName: "x.csv", bytes: card) == .csv)
        #expect(ContactImportFormat.detect(fileName: "download", bytes: card) == .vCard)
        #expect(ContactImportFormat.detect(fileName: "download", bytes: Array("name,phone\n".utf8)) == .csv)
        #expect(ContactImporter.randomUID() != ContactImporter.randomUID())
    }
}

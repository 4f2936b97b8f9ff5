@testable import Contacts
import Foundation
import TestSupport
import Testing

@Suite struct ContactVCardTests {
    private func contacts(_ fixture: String) throws -> [Contact] {
        let parsed = VCardParser.parse(bytes: try Fixtures.bytes(fixture), file: fixture)
        #expect(parsed.errors == [])
        return parsed.cards.map { Contact(vCard: $0, uidIfMissing: "missing") }
    }

    @Test func appleCardMapsToTheModelAndKeepsEverythingElse() throws {
        let alice = try #require(try contacts("vcard/apple-3.0.vcf").first)
        #expect(alice.uid == "4a4b1c2d-0000-4000-8000-0000000000a1")
        #expect(alice.formattedName == "Alice Pleasance Liddell")
        #expect(alice.name == StructuredName(family: ["Liddell"], given: ["Alice"], additional: ["Pleasance"]))
        #expect(alice.version == .v3_0)
        #expect(alice.phoneNumbers == [
            ContactField("+1 (555) 0100", types: ["cell", "voice"], preference: 1),
            ContactField("+1-555-0101", group: "item1"),
        ])
        #expect(alice.emails == [ContactField("alice@example.com", types: ["internet", "home"], preference: 1)])
        #expect(alice.sipAddresses == [ContactField("sip:alice@example.com", preference: 1,
                                                    otherParameters: [VCardParameter(name: "X-SERVICE-TYPE", rawValue: "SIP")])])
        #expect(alice.categories == ["Friends", "Wonderland"])
        #expect(alice.notes == ["Prefers video calls, after 10:00.\nUse the work line otherwise."])
        #expect(alice.revision == Date(timeIntervalSince1970: 1_709_288_100))
        #expect(alice.otherProperties.map(\.name) == ["PRODID", "ORG", "X-ABLabel", "ADR", "X-ABADR", "PHOTO", "X-SOCIALPROFILE"])
        #expect(alice.otherProperties.map(\.group) == [nil, nil, "item1", "item2", "item2", nil, nil])
    }

    @Test func sipAddressInURLCountsAsSIPButStaysAURL() throws {
        let bob = try #require(try contacts("vcard/apple-3.0.vcf").last)
        #expect(bob.sipAddresses == [])
        #expect(bob.allSIPURIs == ["sip:bob@pbx.example.com"])
        #expect(bob.phoneNumbers.map(\.types) == [["work", "voice"], ["home", "voice"], ["cell"], ["work", "fax"], ["pager"]])
        #expect(bob.name?.honorificPrefixes == ["Mr."])
    }

    @Test func version4CardWithTelURIsPrefAndUTF8() throws {
        let all = try contacts("vcard/rfc6350-4.0.vcf")
        let zoe = try #require(all.first)
        #expect(zoe.uid == "urn:uuid:0e7a5c1e-1d2b-4c3a-9f00-00000000c0de")
        #expect(zoe.formattedName == "Zoë Ångström")
        #expect(zoe.phoneNumbers == [
            ContactField("tel:+1-555-0120", types: ["work", "voice"], preference: 1),
            ContactField("tel:+1-555-0121;ext=7", types: ["cell"]),
            ContactField("+1 (555) 0122", types: ["home"]),
        ])
        #expect(zoe.phoneNumbers.map(\.displayValue) == ["+1-555-0120", "+1-555-0121;ext=7", "+1 (555) 0122"])
        #expect(zoe.sipAddresses == [ContactField("sip:zoe@sip.example.com", preference: 1)])
        #expect(zoe.categories == ["Colleagues", "Physics, Optics"])
        #expect(zoe.notes.first?.contains("Ångström seminar; ask her about 2025... — dates are in the shared calendar") == true)
        #expect(zoe.otherProperties.map(\.name) == ["KIND", "IMPP", "ADR", "LANG", "X-DIALTONE-RINGTONE"])
        #expect(all[1].allSIPURIs == ["sips:support@pbx.example.com;transport=tls"])
        #expect(all[2].emails == [ContactField("jose@example.com", group: "group1")])
    }

    @Test func version21QuotedPrintableAndBareTypes() throws {
        let all = try contacts("vcard/nokia-2.1.vcf")
        let juergen = try #require(all.first)
        #expect(juergen.version == .v3_0)
        #expect(juergen.formattedName == "Jürgen Müller")
        #expect(juergen.name?.familyNames == ["Müller"])
        #expect(juergen.phoneNumbers == [
            ContactField("+49 555 0140", types: ["cell"], preference: 1),
            ContactField("+49 555 0141", types: ["work", "voice"]),
            ContactField("0555 0142", types: ["home"]),
        ])
        #expect(juergen.emails.first?.types == ["internet"])
        #expect(juergen.notes == ["Erreichbar werktags\nnach 9 Uhr, sonst per E-Mail."])
        #expect(juergen.otherProperties.first?.rawValue == "Klingelton 3")
        #expect(all.last?.formattedName == "Renée François")
    }

    @Test(arguments: VCardSerializerTests.fixtures)
    func contactsSurviveWritingAndReadingBack(_ fixture: String) throws {
        for contact in try contacts(fixture) {
            let text = VCardSerializer.serialize(contact.vCard)
            let reread = VCardParser.parse(text, file: "rt.vcf")
            #expect(reread.errors == [])
            #expect(reread.cards.map { Contact(vCard: $0, uidIfMissing: "other") } == [contact])
        }
    }

    @Test func writingKeepsEveryUnknownPropertyVerbatim() throws {
        for contact in try contacts("vcard/apple-3.0.vcf") + contacts("vcard/rfc6350-4.0.vcf") {
            let written = contact.vCard.properties.map(\.description)
            for property in contact.otherProperties {
                #expect(written.contains(property.description))
            }
        }
    }

    @Test func parametersAreWrittenInTheFormOfTheVersion() {
        var contact = Contact(uid: "c1", formattedName: "Carol")
        contact.phoneNumbers = [ContactField("tel:+1-555-0170", types: ["cell"], preference: 2),
                                ContactField("+1 555 0171; ext. 2", types: ["work"])]
        contact.sipAddresses = [ContactField("sip:carol@example.com;transport=tcp")]
        contact.emails = [ContactField("carol@example.com", types: ["home"], preference: 1)]
        let v4 = contact.vCard.properties.map(\.description)
        #expect(v4 == ["UID:c1", "FN:Carol", "TEL;TYPE=cell;PREF=2;VALUE=uri:tel:+1-555-0170",
                       "TEL;TYPE=work:+1 555 0171\\; ext. 2", "EMAIL;TYPE=home;PREF=1:carol@example.com",
                       "IMPP:sip:carol@example.com;transport=tcp"])
        contact.version = .v3_0
        let v3 = contact.vCard.properties.map(\.description)
        #expect(v3 == ["UID:c1", "FN:Carol", "N:;;;;", "TEL;TYPE=cell,pref:tel:+1-555-0170",
                       "TEL;TYPE=work:+1 555 0171\\; ext. 2", "EMAIL;TYPE=home,pref:carol@example.com",
                       "IMPP:sip:carol@example.com;transport=tcp"])
    }

    @Test func missingFNAndUIDAreFilledIn() {
        let card = VCard(version: .v4_0, properties: [VCardProperty(name: "N", components: [["Hatter"], ["Mad"], [], [], []])])
        let contact = Contact(vCard: card, uidIfMissing: "hatter")
        #expect(contact.uid == "hatter")
        #expect(contact.formattedName == "Mad Hatter")
        let bare = Contact(vCard: VCard(version: .v4_0, properties: [VCardProperty(name: "TEL", rawValue: "+1 555 0180")]),
                           uidIfMissing: "x")
        #expect(bare.formattedName == "+1 555 0180")
    }

    @Test func revisionIsParsedOrKeptVerbatim() {
        let card = VCard(version: .v4_0, properties: [VCardProperty(name: "REV", rawValue: "sometime last week")])
        let contact = Contact(vCard: card, uidIfMissing: "r")
        #expect(contact.revision == nil)
        #expect(contact.vCard.properties.map(\.description).contains("REV:sometime last week"))
        var dated = contact
        dated.revision = Date(timeIntervalSince1970: 0)
        #expect(dated.vCard.properties.filter { $0.isNamed("REV") }.map(\.rawValue) == ["19700101T000000Z"])
    }

    @Test(arguments: [
        ("20240315T083000Z", 1_710_491_400.0), ("2024-03-15T08:30:00Z", 1_710_491_400.0),
        ("2024-03-15T09:30:00+01:00", 1_710_491_400.0), ("20240315T033000-0500", 1_710_491_400.0),
        ("2024-03-15T08:30:00.250Z", 1_710_491_400.0), ("20240315", 1_710_460_800.0), ("2024-03-15T0830Z", 1_710_491_400.0),
    ])
    func timestampsInBothVersionsAndCommonVariants(_ text: String, _ seconds: Double) {
        #expect(VCardTimestamp.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test func invalidTimestampsAreRejected() {
        for text in ["", "2024", "20241315T000000Z", "20240315T250000Z", "2024-03-15Tnoon", "20240315T083000+5"] {
            #expect(VCardTimestamp.date(from: text) == nil, "\(text)")
        }
        let date = Date(timeIntervalSince1970: 1_710_491_400)
        #expect(VCardTimestamp.string(from: date, version: .v4_0) == "20240315T083000Z")
        #expect(VCardTimestamp.string(from: date, version: .v3_0) == "2024-03-15T08:30:00Z")
    }
}

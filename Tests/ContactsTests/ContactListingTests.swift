@testable import Contacts
import Foundation
import Testing

@Suite struct ContactListingTests {
    private var carol: Contact {
        var contact = Contact(uid: "carol", formattedName: "Carol Jones")
        contact.sipAddresses = [ContactField("sip:carol@example.com", preference: 1)]
        contact.phoneNumbers = [ContactField("tel:+1-555-0170;ext=2", types: ["work", "voice"]), ContactField("+1 555 0171")]
        contact.emails = [ContactField("carol@example.com", types: ["home"])]
        contact.categories = ["Friends", "Work"]
        contact.otherProperties = [VCardProperty(name: "URL", rawValue: "sips:carol@pbx.example.com")]
        return contact
    }

    @Test func textShowsOneBlockPerContactAndACount() {
        #expect(ContactListing.text([carol]) == """
            Carol Jones
              sip    sip:carol@example.com (pref=1)
              sip    sips:carol@pbx.example.com
              tel    +1-555-0170;ext=2 (work, voice)
              tel    +1 555 0171
              email  carol@example.com (home)
              in     Friends, Work
            1 contact

            """)
        #expect(ContactListing.text([]) == "0 contacts\n")
    }

    @Test func jsonIsStableAndComplete() throws {
        let json = ContactListing.json([carol])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(decoded.count == 1)
        #expect(decoded[0]["uid"] as? String == "carol")
        #expect(decoded[0]["name"] as? String == "Carol Jones")
        let sip = try #require(decoded[0]["sip"] as? [[String: Any]])
        #expect(sip.compactMap { $0["value"] as? String } == ["sip:carol@example.com", "sips:carol@pbx.example.com"])
        #expect(sip[0]["pref"] as? Int == 1)
        #expect(sip[1]["pref"] == nil)
        let phones = try #require(decoded[0]["phones"] as? [[String: Any]])
        #expect(phones[0]["value"] as? String == "tel:+1-555-0170;ext=2")
        #expect(phones[0]["types"] as? [String] == ["work", "voice"])
        #expect(json.contains("\"categories\" : [\n      \"Friends\",\n      \"Work\"\n    ],\n    \"emails\""))
        #expect(ContactListing.json([]) == "[\n\n]\n")
    }
}

@Suite struct ContactBatchAddTests {
    @Test func addingManyReportsEachFailureAndKeepsTheRest() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.add(Contact(uid: "existing", formattedName: "Already here"))
        let batch = [Contact(uid: "new-1", formattedName: "One"), Contact(uid: "existing", formattedName: "Again"),
                     Contact(uid: "", formattedName: "No UID"), Contact(uid: "new-2", formattedName: "Two")]
        let (added, failed) = store.add(contentsOf: batch)
        #expect(added.map(\.uid) == ["new-1", "new-2"])
        #expect(failed == [ContactAddFailure(contact: batch[1], error: .duplicateUID("existing")),
                           ContactAddFailure(contact: batch[2], error: .missingUID)])
        #expect(try temporary.names() == ["existing.vcf", "new-1.vcf", "new-2.vcf"])
    }
}

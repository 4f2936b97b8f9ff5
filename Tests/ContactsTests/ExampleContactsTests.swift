@testable import Contacts
import Foundation
import TestSupport
import Testing

/// The example address book shipped in the top-level `contacts/` directory.
@Suite struct ExampleContactsTests {
    static let directory = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("contacts", isDirectory: true)

    private func loadedStore() throws -> ContactStore {
        var store = ContactStore(directory: Self.directory, now: fixedNow)
        try store.load()
        return store
    }

    @Test func loadsWithoutDiagnosticsAndEachFileIsNamedAfterItsUID() throws {
        let store = try loadedStore()
        #expect(store.diagnostics == [])
        #expect(store.contacts.map(\.formattedName) == ["Alice Liddell", "Bob Builder", "Front Desk", "Zoë Ångström"])
        for contact in store.contacts {
            #expect(store.fileName(uid: contact.uid) == ContactDirectory.fileName(forUID: contact.uid))
        }
        #expect(Set(store.contacts.map(\.version)) == [.v3_0, .v4_0])
    }

    @Test func eachFileIsExactlyWhatDialtoneWritesForItsContact() throws {
        for contact in try loadedStore().contacts {
            let url = Self.directory.appendingPathComponent(ContactDirectory.fileName(forUID: contact.uid))
            let onDisk = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            #expect(VCardSerializer.serialize(contact.vCard) == onDisk, "\(url.lastPathComponent)")
        }
    }

    @Test func theExamplesCoverWhatTheyClaim() throws {
        let store = try loadedStore()
        let alice = try #require(store.contact(uid: "alice-liddell"))
        #expect(alice.sipAddresses.map(\.value) == ["sip:alice@example.com", "sips:alice@pbx.example.com"])
        let bob = try #require(store.contact(uid: "bob-builder"))
        #expect(bob.phoneNumbers.map(\.types) == [["work", "voice"], ["home", "voice"], ["cell"], ["work", "fax"]])
        #expect(bob.phoneNumbers.first?.preference == 1)
        let zoe = try #require(store.contact(uid: "zoe-angstrom"))
        #expect(zoe.name?.familyNames == ["Ångström"])
        #expect(zoe.notes == ["Speaks Swedish, English and Français."])
        let desk = try #require(store.contact(uid: "front-desk"))
        #expect(desk.otherProperties.map(\.description) == ["KIND:org", "X-DIALTONE-SPEED-DIAL:1"])
    }

    @Test func callersAreRecognisedInTheExampleBook() throws {
        let index = ContactIndex(contacts: try loadedStore().contacts)
        #expect(index.contacts(matching: "sip:+1-555-0100@carrier.example;user=phone").map(\.uid) == ["alice-liddell"])
        #expect(index.contacts(matching: "+1 555 0112").map(\.uid) == ["bob-builder"])
        #expect(index.contacts(matching: "tel:+15550199").map(\.uid) == ["front-desk"])
        #expect(index.contacts(matching: "\"Zoë\" <sip:zoe@SIP.example.com>").map(\.uid) == ["zoe-angstrom"])
        #expect(index.search("angs").map(\.uid) == ["zoe-angstrom"])
    }
}

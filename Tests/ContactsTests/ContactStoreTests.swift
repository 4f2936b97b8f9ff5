@testable import Contacts
import Foundation
import TestSupport
import Testing

@Suite struct ContactStoreTests {
    @Test func defaultDirectoryFollowsXDGWithHomeFallback() {
        #expect(ContactDirectory.defaultDirectory(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]).path
            == "/data/dialtone/contacts")
        #expect(ContactDirectory.defaultDirectory(environment: ["HOME": "/home/a"]).path
            == "/home/a/.local/share/dialtone/contacts")
        #expect(ContactDirectory.defaultDirectory(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"]).path
            == "/home/a/.local/share/dialtone/contacts")
        #expect(ContactDirectory.defaultDirectory(environment: ["XDG_DATA_HOME": "", "HOME": "/home/b"]).path
            == "/home/b/.local/share/dialtone/contacts")
    }

    @Test func fileNamesComeFromTheUIDLikeVdirsyncer() {
        #expect(ContactDirectory.fileName(forUID: "4a4b1c2d-0000-4000-8000-0000000000a1") == "4a4b1c2d-0000-4000-8000-0000000000a1.vcf")
        #expect(ContactDirectory.fileName(forUID: "a_b.c+d") == "a_b.c+d.vcf")
        #expect(ContactDirectory.fileName(forUID: "urn:uuid:1234") == "urn%3Auuid%3A1234.vcf")
        #expect(ContactDirectory.fileName(forUID: "../etc/passwd") == "%2E.%2Fetc%2Fpasswd.vcf")
        #expect(ContactDirectory.fileName(forUID: "zoë") == "zo%C3%AB.vcf")
        let long = ContactDirectory.fileName(forUID: String(repeating: "x", count: 300))
        #expect(long.hasPrefix("uid-") && long.count == 24)
    }

    @Test func missingDirectoryIsAnEmptyStore() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var store = ContactStore(directory: temporary.url.appendingPathComponent("not/yet"), now: fixedNow)
        try store.load()
        #expect(store.contacts == [])
        #expect(store.diagnostics == [])
        #expect(!store.hasChangedOnDisk())
    }

    @Test func addWritesOnePrivateFileNamedAfterTheUIDWithRevFromTheClock() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.url.appendingPathComponent("contacts")
        var store = ContactStore(directory: directory, now: fixedNow)
        var alice = Contact(uid: "alice", formattedName: "Alice Liddell")
        alice.sipAddresses = [ContactField("sip:alice@example.com")]
        let saved = try store.add(alice)
        #expect(saved.revision == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["alice.vcf"])
        let text = String(decoding: try Data(contentsOf: directory.appendingPathComponent("alice.vcf")), as: UTF8.self)
        #expect(text == "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:alice\r\nFN:Alice Liddell\r\nIMPP:sip:alice@example.com\r\nREV:20231114T221320Z\r\nEND:VCARD\r\n")
        let mode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("alice.vcf").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(store.contacts == [saved])
        var fresh = ContactStore(directory: directory, now: fixedNow)
        try fresh.load()
        #expect(fresh.contacts == [saved])
    }

    @Test func addRefusesDuplicatesMissingUIDsAndFilesThatAppearedMeanwhile() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.load()
        try store.add(Contact(uid: "bob", formattedName: "Bob"))
        #expect(throws: ContactStoreError.duplicateUID("bob")) { try store.add(Contact(uid: "bob", formattedName: "Bob 2")) }
        #expect(throws: ContactStoreError.missingUID) { try store.add(Contact(uid: "", formattedName: "Nobody")) }
        try temporary.write("carol.vcf", vcf(uid: "someone-else", name: "Written by khard"))
        #expect(throws: ContactStoreError.changedOnDisk(file: "carol.vcf")) {
            try store.add(Contact(uid: "carol", formattedName: "Carol"))
        }
        #expect(try temporary.read("carol.vcf") == vcf(uid: "someone-else", name: "Written by khard"))
        #expect(try temporary.names() == ["bob.vcf", "carol.vcf"])
    }

    @Test func updateReplacesTheFileTheContactCameFrom() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try temporary.write("random-name-from-vdirsyncer.vcf", vcf(uid: "dave", name: "Dave", extra: "X-KEEP;X-P=1:yes\r\n"))
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.load()
        var dave = try #require(store.contact(uid: "dave"))
        dave.phoneNumbers.append(ContactField("+1 555 0190", types: ["cell"]))
        try store.update(dave)
        #expect(try temporary.names() == ["random-name-from-vdirsyncer.vcf"])
        let text = try temporary.read("random-name-from-vdirsyncer.vcf")
        #expect(text.contains("TEL;TYPE=cell:+1 555 0190\r\n"))
        #expect(text.contains("X-KEEP;X-P=1:yes\r\n"))
        #expect(!store.hasChangedOnDisk())
    }

    @Test func updateAndDeleteRefuseWhenTheFileChangedOnDisk() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try temporary.write("erin.vcf", vcf(uid: "erin", name: "Erin"))
        try temporary.write("frank.vcf", vcf(uid: "frank", name: "Frank"))
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.load()
        let outside = vcf(uid: "erin", name: "Erin (edited in khard)")
        try temporary.write("erin.vcf", outside)
        let erin = try #require(store.contact(uid: "erin"))
        #expect(throws: ContactStoreError.changedOnDisk(file: "erin.vcf")) { try store.update(erin) }
        #expect(throws: ContactStoreError.changedOnDisk(file: "erin.vcf")) { try store.delete(uid: "erin") }
        #expect(try temporary.read("erin.vcf") == outside)
        try FileManager.default.removeItem(at: temporary.url.appendingPathComponent("frank.vcf"))
        let frank = try #require(store.contact(uid: "frank"))
        #expect(throws: ContactStoreError.changedOnDisk(file: "frank.vcf")) { try store.update(frank) }
        #expect(try temporary.names() == ["erin.vcf"])
        try store.delete(uid: "frank")
        #expect(store.contact(uid: "frank") == nil)
    }

    @Test func aTouchWithoutChangeIsNotAConflict() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try temporary.write("gina.vcf", vcf(uid: "gina", name: "Gina"))
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.load()
        try temporary.write("gina.vcf", vcf(uid: "gina", name: "Gina"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 86_400)],
                                              ofItemAtPath: temporary.url.appendingPathComponent("gina.vcf").path)
        #expect(store.hasChangedOnDisk())
        #expect(try store.reload().isEmpty)
        #expect(!store.hasChangedOnDisk())
        try store.update(try #require(store.contact(uid: "gina")))
    }

    @Test func deleteRemovesTheFile() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.add(Contact(uid: "hal", formattedName: "Hal"))
        try store.delete(uid: "hal")
        #expect(try temporary.names() == [])
        #expect(store.contacts == [])
        #expect(throws: ContactStoreError.notFound(uid: "hal")) { try store.delete(uid: "hal") }
        #expect(!store.hasChangedOnDisk())
    }

    @Test func corruptFilesAreDiagnosedLoadedWherePossibleAndNeverWritten() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let corrupt = try Fixtures.bytes("vcard/corrupt.vcf")
        try Data(corrupt).write(to: temporary.url.appendingPathComponent("corrupt.vcf"))
        try temporary.write("empty.vcf", "")
        try temporary.write("no-uid.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ivy\r\nEND:VCARD\r\n")
        try temporary.write("two.vcf", vcf(uid: "jack", name: "Jack") + vcf(uid: "kim", name: "Kim"))
        try temporary.write("z-duplicate.vcf", vcf(uid: "jack", name: "Jack again"))
        try temporary.write("notes.txt", "not a contact")
        try temporary.write(".hidden.vcf", vcf(uid: "hidden", name: "Hidden"))
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.load()
        #expect(store.contacts.map(\.uid) == ["good-one", "good-three", "good-two", "no-uid", "jack", "kim"])
        #expect(store.diagnostics.count == 11)  // 7 parse errors, corrupt.vcf holds 3 cards, and the 3 below
        #expect(store.diagnostics.first == .invalidVCard(VCardParseError(file: "corrupt.vcf", line: 9, problem: .missingColon)))
        #expect(store.diagnostics.suffix(3) == [.noVCard(file: "empty.vcf"), .severalVCards(file: "two.vcf", count: 2),
                                                .duplicateUID(uid: "jack", file: "z-duplicate.vcf", keptFile: "two.vcf")])
        for uid in ["good-two", "jack"] {
            #expect(throws: ContactStoreError.readOnly(file: store.fileName(uid: uid) ?? "")) {
                try store.update(try #require(store.contact(uid: uid)))
            }
        }
        #expect(throws: ContactStoreError.fileExists(file: "corrupt.vcf")) { try store.add(Contact(uid: "corrupt", formattedName: "X")) }
        #expect(try Fixtures.bytes("vcard/corrupt.vcf") == Array(try Data(contentsOf: temporary.url.appendingPathComponent("corrupt.vcf"))))
        var ivy = try #require(store.contact(uid: "no-uid"))
        ivy.notes = ["UID-less files take their file name as UID"]
        try store.update(ivy)
        #expect(try temporary.read("no-uid.vcf").contains("UID:no-uid\r\n"))
    }

    @Test func reloadReportsWhatOtherProgramsChanged() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try temporary.write("a.vcf", vcf(uid: "a", name: "Anna"))
        try temporary.write("b.vcf", vcf(uid: "b", name: "Ben"))
        try temporary.write("c.vcf", vcf(uid: "c", name: "Cleo"))
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.load()
        #expect(!store.hasChangedOnDisk())
        try temporary.write("b.vcf", vcf(uid: "b", name: "Ben Renamed"))
        try FileManager.default.removeItem(at: temporary.url.appendingPathComponent("c.vcf"))
        try temporary.write("d.vcf", vcf(uid: "d", name: "Dora"))
        #expect(store.hasChangedOnDisk())
        let changes = try store.reload()
        #expect(changes.added.map(\.uid) == ["d"])
        #expect(changes.modified.map(\.formattedName) == ["Ben Renamed"])
        #expect(changes.removed == ["c"])
        #expect(!store.hasChangedOnDisk())
        #expect(try store.reload() == ContactChanges())
    }

    @Test func ownWritesDoNotLookLikeOutsideChanges() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var store = ContactStore(directory: temporary.url, now: fixedNow)
        try store.load()
        let saved = try store.add(Contact(uid: "own", formattedName: "Own"))
        #expect(!store.hasChangedOnDisk())
        try store.update(saved)
        #expect(!store.hasChangedOnDisk())
        #expect(try store.reload().isEmpty)
        #expect(try temporary.names() == ["own.vcf"])
    }
}

@Suite struct ContactExportTests {
    @Test func exportWritesAllContactsToOneFileThatImportsBackUnchanged() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let storeDirectory = temporary.url.appendingPathComponent("store")
        var store = ContactStore(directory: storeDirectory, now: fixedNow)
        let imported = ContactImporter.importVCards(try Fixtures.bytes("vcard/rfc6350-4.0.vcf"), file: "in.vcf") { "unused" }
        for contact in imported.contacts { try store.add(contact) }
        let exportURL = temporary.url.appendingPathComponent("all.vcf")
        try store.export(to: exportURL)
        let reimported = ContactImporter.importContacts(from: Array(try Data(contentsOf: exportURL)), fileName: "all.vcf") { "unused" }
        #expect(reimported.problems == [])
        #expect(reimported.contacts == store.contacts)
        #expect(reimported.contacts.map(\.formattedName) == ["José Nuñez", "Support Line", "Zoë Ångström"])
        #expect(try temporary.names() == ["all.vcf", "store"])
    }
}

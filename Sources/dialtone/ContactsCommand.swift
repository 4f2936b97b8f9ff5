import ArgumentParser
import Contacts
import Foundation

/// `dialtone contacts …`: the address book from the shell. Argument parsing and wiring only;
/// the behaviour lives in the Contacts module.
struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "List, add, import and export contacts (vCard files in a vdir directory).",
        subcommands: [List.self, Add.self, Import.self, Export.self]
    )
}

/// `--directory DIR`, shared by every subcommand.
struct ContactDirectoryOptions: ParsableArguments {
    @Option(name: .long, help: "The contact directory (default: $XDG_DATA_HOME/dialtone/contacts).")
    var directory: String?

    /// The store over the chosen directory, loaded; load problems go to standard error.
    func loadStore() throws -> ContactStore {
        let url = directory.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? ContactDirectory.defaultDirectory(environment: ProcessInfo.processInfo.environment)
        var store = ContactStore(directory: url, now: { Date() })
        try store.load()
        for diagnostic in store.diagnostics {
            printError("warning: \(diagnostic)")
        }
        return store
    }
}

extension ContactsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every contact.")

        @OptionGroup var options: ContactDirectoryOptions
        @Flag(name: .long, help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let contacts = try options.loadStore().contacts
            print(json ? ContactListing.json(contacts) : ContactListing.text(contacts), terminator: "")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a contact with a SIP address and phone numbers.")

        @OptionGroup var options: ContactDirectoryOptions
        @Option(name: .long, help: "The name to show.")
        var name: String
        @Option(name: .long, help: "The SIP address (sip:user@host, or user@host).")
        var sip: String
        @Option(name: .long, help: "A phone number; repeat for several.")
        var tel: [String] = []

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            guard sipURI != nil else { throw ValidationError("--sip must be sip:user@host, sips:user@host or user@host") }
        }

        /// The SIP address as a URI, or nil if it is not one.
        private var sipURI: String? {
            let lowered = sip.lowercased()
            if lowered.hasPrefix("sip:") || lowered.hasPrefix("sips:") { return sip.count > 5 ? sip : nil }
            return sip.contains("@") && !sip.contains(":") ? "sip:" + sip : nil
        }

        func run() throws {
            var store = try options.loadStore()
            var contact = Contact(uid: ContactImporter.randomUID(), formattedName: name)
            contact.sipAddresses = [ContactField(sipURI ?? sip)]
            contact.phoneNumbers = tel.map { ContactField($0) }
            let saved = try store.add(contact)
            print("Added \(saved.formattedName) as \(store.directory.appendingPathComponent(store.fileName(uid: saved.uid) ?? "").path)")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import contacts from a .vcf file or a CSV export (Google, Outlook, or name/phone/sip/email columns).",
            discussion: "Rows or cards that cannot be read, and contacts already present, are reported and skipped; the exit status is then 1.")

        @OptionGroup var options: ContactDirectoryOptions
        @Argument(help: "The .vcf or .csv file.")
        var file: String

        func run() throws {
            let url = URL(fileURLWithPath: file)
            let bytes: [UInt8]
            do { bytes = Array(try Data(contentsOf: url)) } catch { throw CommandFailure("cannot read \(file): \(error.localizedDescription)") }
            let result = ContactImporter.importContacts(from: bytes, fileName: url.lastPathComponent, makeUID: ContactImporter.randomUID)
            var store = try options.loadStore()
            let (added, failed) = store.add(contentsOf: result.contacts)
            result.problems.forEach { printError("skipped: \($0)") }
            failed.forEach { printError("skipped: \($0.contact.displayName): \($0.error)") }
            let skipped = result.problems.count + failed.count
            print("Imported \(added.count) contacts from \(file)" + (skipped > 0 ? "; \(skipped) skipped" : ""))
            if !result.problems.isEmpty || !failed.isEmpty { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every contact into one .vcf file.")

        @OptionGroup var options: ContactDirectoryOptions
        @Argument(help: "The .vcf file to write (replaced if it exists).")
        var file: String

        func run() throws {
            let store = try options.loadStore()
            try store.export(to: URL(fileURLWithPath: file))
            print("Exported \(store.contacts.count) contacts to \(file)")
        }
    }
}

/// An error reported as `Error: <message>` with exit status 1, without the usage text that a
/// `ValidationError` adds (the arguments were fine; the file was not).
private struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A line on standard error: warnings must not mix with output that scripts parse (`--json`).
private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

import CallHistory
import Contacts
import Foundation
import TerminalUI

/// The address book and the call history behind the Contacts and History panes. An actor, so
/// file and SQLite work runs off the UI's thread; each operation returns the rows to show.
public actor StorageService {
    private var contacts: ContactStore
    /// The vCard directory, watched for changes made by other programs.
    public nonisolated let contactsDirectory: String
    private let history: CallHistoryStore?
    /// Why the history could not be opened, shown once instead of an empty pane with no reason.
    public nonisolated let historyProblem: String?

    public init(contactsDirectory: String, historyFile: String) {
        self.contactsDirectory = contactsDirectory
        contacts = ContactStore(directory: URL(fileURLWithPath: contactsDirectory, isDirectory: true), now: { Date() })
        do {
            history = try CallHistoryStore(databaseURL: URL(fileURLWithPath: historyFile))
            historyProblem = nil
        } catch {
            history = nil
            historyProblem = "history unavailable: \(error)"
        }
    }

    public func loadContacts() throws -> [ContactRow] {
        try contacts.load()
        return contactRows()
    }

    /// Re-reads only the files that changed on disk (another program edited them).
    public func reloadContacts() throws -> [ContactRow] {
        try contacts.reload()
        return contactRows()
    }

    public func addContact(name: String, address: String) throws -> [ContactRow] {
        var contact = Contact(uid: ContactImporter.randomUID(), formattedName: name)
        Self.setAddresses([address], on: &contact)
        try contacts.add(contact)
        return contactRows()
    }

    /// Replaces the name and addresses; everything else on the card is kept as it was.
    public func editContact(id: String, name: String, addresses: [String]) throws -> [ContactRow] {
        guard var contact = contacts.contact(uid: id) else { throw StorageFailure("no contact with id \(id)") }
        contact.formattedName = name
        Self.setAddresses(addresses, on: &contact)
        try contacts.update(contact)
        return contactRows()
    }

    public func deleteContact(id: String) throws -> [ContactRow] {
        try contacts.delete(uid: id)
        return contactRows()
    }

    public func historyRows(limit: Int = 1000) throws -> [HistoryEntry] {
        guard let history else { return [] }
        return try history.calls(limit: limit).map(Self.historyEntry)
    }

    public func deleteHistoryEntry(id: String) throws -> [HistoryEntry] {
        guard let history, let rowID = Int64(id) else { throw StorageFailure("no history entry \(id)") }
        _ = try history.deleteCall(id: rowID)
        return try historyRows()
    }

    private func contactRows() -> [ContactRow] {
        contacts.contacts.map { contact in
            ContactRow(
                id: contact.uid, name: contact.displayName,
                addresses: contact.allSIPURIs + contact.phoneNumbers.map(\.displayValue))
        }
    }

    /// SIP URIs go to IMPP, anything else is a phone number (TEL).
    private static func setAddresses(_ addresses: [String], on contact: inout Contact) {
        let isSIP = { (text: String) in text.lowercased().hasPrefix("sip:") || text.lowercased().hasPrefix("sips:") }
        contact.sipAddresses = addresses.filter(isSIP).map { ContactField($0) }
        contact.phoneNumbers = addresses.filter { !isSIP($0) }.map { ContactField($0) }
    }

    public static func historyEntry(_ record: CallRecord) -> HistoryEntry {
        let direction: HistoryEntry.Direction
        switch (record.direction, record.result) {
        case (.incoming, .missed): direction = .missed
        case (.incoming, _): direction = .incoming
        case (.outgoing, _): direction = .outgoing
        }
        return HistoryEntry(
            id: record.id.map(String.init) ?? "", direction: direction, remoteName: record.remote.displayName,
            remoteURI: record.remote.uri, account: record.account, startedAt: record.times.start,
            durationSeconds: Int(record.duration ?? 0), result: record.finalStatus.map { "\($0.code) \($0.reasonPhrase)" } ?? record.result.rawValue)
    }
}

public struct StorageFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

import Foundation

/// The two formats contacts are imported from.
public enum ContactImportFormat: Hashable, Sendable {
    case vCard
    case csv

    /// By extension (`.vcf`, `.vcard`, `.csv`), else by content: a file whose first text is
    /// `BEGIN:VCARD` is vCard, anything else is tried as CSV.
    public static func detect(fileName: String, bytes: [UInt8]) -> ContactImportFormat {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".vcf") || lowered.hasSuffix(".vcard") { return .vCard }
        if lowered.hasSuffix(".csv") { return .csv }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let start = body.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }.prefix(11)
        return String(decoding: start, as: UTF8.self).uppercased() == "BEGIN:VCARD" ? .vCard : .csv
    }
}

/// A record or card an import skipped, with file and line.
public enum ContactImportProblem: Hashable, Sendable, CustomStringConvertible {
    case vCard(VCardParseError)
    case csv(CSVError)

    public var line: Int {
        switch self {
        case .vCard(let error): error.line
        case .csv(let error): error.line
        }
    }

    public var description: String {
        switch self {
        case .vCard(let error): error.description
        case .csv(let error): error.description
        }
    }
}

/// What an import produced: the contacts, and what was skipped and why, in line order.
public struct ContactImportResult: Hashable, Sendable {
    public var contacts: [Contact]
    public var problems: [ContactImportProblem]
}

/// Reads contacts from a multi-contact .vcf or a CSV export (Google, Outlook, generic).
/// Pure: bytes in, contacts out; the UID source for contacts without one is a parameter
/// (`randomUID` in production), so tests get predictable UIDs.
public enum ContactImporter {
    public static func importContacts(from bytes: [UInt8], fileName: String, makeUID: () -> String) -> ContactImportResult {
        switch ContactImportFormat.detect(fileName: fileName, bytes: bytes) {
        case .vCard: importVCards(bytes, file: fileName, makeUID: makeUID)
        case .csv: importCSV(bytes, file: fileName, makeUID: makeUID)
        }
    }

    public static func importVCards(_ bytes: [UInt8], file: String, makeUID: () -> String) -> ContactImportResult {
        let parsed = VCardParser.parse(bytes: bytes, file: file)
        let contacts = parsed.cards.map { Contact(vCard: $0, uidIfMissing: makeUID()) }
        return ContactImportResult(contacts: contacts, problems: parsed.errors.map(ContactImportProblem.vCard))
    }

    /// CSV in UTF-8 (with or without BOM); bytes that are not UTF-8 are read as Windows-1252,
    /// the "ANSI" encoding Outlook exports in.
    public static func importCSV(_ bytes: [UInt8], file: String, makeUID: () -> String) -> ContactImportResult {
        let text = String(validating: bytes, as: UTF8.self) ?? TextDecoding.string(from: bytes, charset: "WINDOWS-1252")
        let table = CSVParser.parse(text, file: file)
        var problems = table.errors.map(ContactImportProblem.csv)
        var contacts: [Contact] = []
        let mapping = CSVContactMapping(header: table.header)
        if !table.header.isEmpty, !mapping.knowsAnyColumn {
            problems.append(.csv(CSVError(file: file, line: 1, problem: .noKnownColumns)))
            return ContactImportResult(contacts: [], problems: problems)
        }
        for record in table.records {
            if let contact = mapping.contact(from: record, uid: makeUID()) {
                contacts.append(contact)
            } else {
                problems.append(.csv(CSVError(file: file, line: record.line, problem: .noContactData)))
            }
        }
        problems.sort { $0.line < $1.line }
        return ContactImportResult(contacts: contacts, problems: problems)
    }

    /// A new random UID in the form khard and vdirsyncer use (a lower-case UUID).
    public static func randomUID() -> String {
        UUID().uuidString.lowercased()
    }
}

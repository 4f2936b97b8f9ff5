import Foundation

/// A numbered entry of a Google export: "Phone 1 - Label" + "Phone 1 - Value", or an IM's
/// "IM 1 - Service". Google puts several values in one cell separated by " ::: " and marks the
/// primary one's label with a leading "* ".
struct NumberedEntry: Sendable {
    enum Kind: Int, Hashable, Sendable {
        case phone, email, im, website
    }

    var label = ""
    var service = ""
    var value = ""

    var isPrimary: Bool { label.hasPrefix("*") }

    /// vCard TYPE values for the label, by word: "Work Fax" → work, fax; "Mobile" → cell.
    /// Words with no vCard type ("Main", "Other", a custom label) add none.
    var types: [String] {
        let words = label.lowercased().split { !$0.isLetter }
        return words.compactMap { word -> String? in
            switch word {
            case "mobile", "cell", "iphone": "cell"
            case "work", "business": "work"
            case "home", "personal": "home"
            case "fax": "fax"
            case "pager": "pager"
            default: nil
            }
        }
    }

    var values: [String] { CSVContactMapping.splitList(value) }
}

/// Turns CSV records into contacts according to the roles of the header's columns.
public struct CSVContactMapping: Sendable {
    private let roles: [CSVColumnRole?]

    public init(header: [String]) {
        roles = header.map(CSVColumnRole.init(header:))
    }

    /// Whether any column is one Dialtone imports; if none is, the file is not a contact list.
    public var knowsAnyColumn: Bool {
        roles.contains { $0 != nil }
    }

    /// The contact a record describes, or nil if it holds no name, number, address or e-mail.
    public func contact(from record: CSVRecord, uid: String) -> Contact? {
        var builder = CSVContactBuilder()
        var numbered: [NumberedKey: NumberedEntry] = [:]
        for (column, role) in roles.enumerated() {
            guard let role, column < record.fields.count else { continue }
            let value = record.fields[column].trimmingSpaces
            guard !value.isEmpty else { continue }
            switch role {
            case .label(let kind, let index): numbered[NumberedKey(kind: kind, index: index), default: NumberedEntry()].label = value
            case .service(let index): numbered[NumberedKey(kind: .im, index: index), default: NumberedEntry()].service = value
            case .value(let kind, let index): numbered[NumberedKey(kind: kind, index: index), default: NumberedEntry()].value = value
            case .fullName, .givenName, .additionalName, .familyName, .namePrefix, .nameSuffix,
                 .organization, .notes, .categories, .sip, .phone, .email:
                builder.apply(role, value)
            }
        }
        for key in numbered.keys.sorted() {
            if let entry = numbered[key] { builder.apply(entry, kind: key.kind) }
        }
        return builder.contact(uid: uid)
    }

    /// Splits a cell holding several values: Google's " ::: " and Outlook's ";" separators.
    static func splitList(_ cell: String) -> [String] {
        cell.replacingOccurrences(of: ":::", with: ";")
            .split(separator: ";")
            .map { String($0).trimmingSpaces }
            .filter { !$0.isEmpty }
    }
}

private struct NumberedKey: Hashable, Comparable {
    var kind: NumberedEntry.Kind
    var index: Int

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.kind.rawValue, lhs.index) < (rhs.kind.rawValue, rhs.index)
    }
}

import Foundation

/// The text and JSON forms of a contact list, shared by `dialtone contacts list` and anything
/// else that prints contacts, so the output is tested here rather than in the executable.
public enum ContactListing {
    /// One block per contact: the name, then one indented line per SIP address, number and
    /// e-mail with its types; a count at the end.
    public static func text(_ contacts: [Contact]) -> String {
        var lines: [String] = []
        for contact in contacts {
            lines.append(contact.displayName)
            for sip in summary(contact).sip { lines.append("  sip    " + describe(sip.value, sip.types, sip.pref)) }
            for tel in contact.phoneNumbers { lines.append("  tel    " + describe(tel.displayValue, tel.types, tel.preference)) }
            for email in contact.emails { lines.append("  email  " + describe(email.value, email.types, email.preference)) }
            if !contact.categories.isEmpty { lines.append("  in     \(contact.categories.joined(separator: ", "))") }
        }
        lines.append(contacts.count == 1 ? "1 contact" : "\(contacts.count) contacts")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON array of contacts with sorted keys, for scripts: uid, name, sip, phones, emails
    /// (each `{value, types, pref?}`), categories, notes.
    public static func json(_ contacts: [Contact]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(contacts.map(summary))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `+1 555 0100 (cell, pref=1)`.
    private static func describe(_ value: String, _ types: [String], _ preference: Int?) -> String {
        let labels = types + (preference.map { ["pref=\($0)"] } ?? [])
        return labels.isEmpty ? value : "\(value) (\(labels.joined(separator: ", ")))"
    }

    private static func summary(_ contact: Contact) -> ContactSummary {
        let fromURLs = contact.allSIPURIs.dropFirst(contact.sipAddresses.count).map { FieldSummary(ContactField($0)) }
        return ContactSummary(
            uid: contact.uid, name: contact.displayName,
            sip: contact.sipAddresses.map(FieldSummary.init) + fromURLs,
            phones: contact.phoneNumbers.map(FieldSummary.init), emails: contact.emails.map(FieldSummary.init),
            categories: contact.categories, notes: contact.notes)
    }
}

/// The JSON shape of a contact.
private struct ContactSummary: Encodable {
    var uid: String
    var name: String
    var sip: [FieldSummary]
    var phones: [FieldSummary]
    var emails: [FieldSummary]
    var categories: [String]
    var notes: [String]
}

private struct FieldSummary: Encodable {
    var value: String
    var types: [String]
    var pref: Int?

    init(_ field: ContactField) {
        value = field.value
        types = field.types
        pref = field.preference
    }
}

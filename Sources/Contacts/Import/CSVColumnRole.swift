import Foundation

/// What a CSV column holds, recognised from its header. One table covers Google Contacts
/// (legacy "Given Name"/"Phone 1 - Type" and current "First Name"/"Phone 1 - Label"), Outlook
/// ("Mobile Phone", "E-mail Address") and a generic fallback ("name", "phone", "sip", "email"),
/// since the exports overlap ("First Name" is in both Google's and Outlook's) and a user's own
/// spreadsheet may mix them.
enum CSVColumnRole: Hashable, Sendable {
    case fullName, givenName, additionalName, familyName, namePrefix, nameSuffix
    case organization, notes, categories, sip
    /// A column holding a number of fixed kind (Outlook "Business Fax").
    case phone(types: [String], preferred: Bool)
    case email
    /// "Phone 1 - Type"/"- Label": the label of numbered entry `index` of `kind`.
    case label(NumberedEntry.Kind, index: Int)
    /// "IM 1 - Service": the service of a numbered IM entry ("SIP", "Jabber").
    case service(index: Int)
    /// "Phone 1 - Value": the value(s) of numbered entry `index` of `kind`.
    case value(NumberedEntry.Kind, index: Int)

    /// The role of a header, or nil for a column Dialtone does not import.
    init?(header: String) {
        let key = header.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            .replacingOccurrences(of: "email", with: "e-mail")
        if let role = Self.named[key] {
            self = role
        } else if let role = Self.numbered(key) {
            self = role
        } else {
            return nil
        }
    }

    private static let named: [String: CSVColumnRole] = [
        "name": .fullName, "full name": .fullName, "display name": .fullName, "fn": .fullName,
        "given name": .givenName, "first name": .givenName,
        "additional name": .additionalName, "middle name": .additionalName,
        "family name": .familyName, "last name": .familyName, "surname": .familyName,
        "name prefix": .namePrefix, "title": .namePrefix, "prefix": .namePrefix,
        "name suffix": .nameSuffix, "suffix": .nameSuffix,
        "organization 1 - name": .organization, "organization name": .organization, "company": .organization,
        "notes": .notes, "note": .notes,
        "group membership": .categories, "labels": .categories, "categories": .categories, "groups": .categories,
        "sip": .sip, "sip uri": .sip, "sip address": .sip,
        "e-mail": .email, "mail": .email, "e-mail address": .email, "e-mail 2 address": .email, "e-mail 3 address": .email,
        "phone": .phone(types: [], preferred: false), "telephone": .phone(types: [], preferred: false),
        "tel": .phone(types: [], preferred: false), "phone number": .phone(types: [], preferred: false),
        "primary phone": .phone(types: [], preferred: true),
        "mobile": .phone(types: ["cell"], preferred: false), "mobile phone": .phone(types: ["cell"], preferred: false),
        "cell": .phone(types: ["cell"], preferred: false), "cell phone": .phone(types: ["cell"], preferred: false),
        "home phone": .phone(types: ["home"], preferred: false), "home phone 2": .phone(types: ["home"], preferred: false),
        "business phone": .phone(types: ["work"], preferred: false), "business phone 2": .phone(types: ["work"], preferred: false),
        "work phone": .phone(types: ["work"], preferred: false), "company main phone": .phone(types: ["work"], preferred: false),
        "other phone": .phone(types: [], preferred: false), "car phone": .phone(types: [], preferred: false),
        "home fax": .phone(types: ["home", "fax"], preferred: false),
        "business fax": .phone(types: ["work", "fax"], preferred: false),
        "other fax": .phone(types: ["fax"], preferred: false), "fax": .phone(types: ["fax"], preferred: false),
        "pager": .phone(types: ["pager"], preferred: false), "tty/tdd phone": .phone(types: ["textphone"], preferred: false),
    ]

    /// "phone 2 - value", "e-mail 1 - type", "im 1 - service", "website 1 - label".
    private static func numbered(_ key: String) -> CSVColumnRole? {
        let parts = key.split(separator: " ")
        guard parts.count == 4, parts[2] == "-", let index = Int(parts[1]) else { return nil }
        let kind: NumberedEntry.Kind
        switch parts[0] {
        case "phone": kind = .phone
        case "e-mail": kind = .email
        case "im": kind = .im
        case "website": kind = .website
        default: return nil
        }
        switch parts[3] {
        case "type", "label": return .label(kind, index: index)
        case "service": return .service(index: index)
        case "value": return .value(kind, index: index)
        default: return nil
        }
    }
}

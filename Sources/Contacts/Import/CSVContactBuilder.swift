/// Collects one CSV row's values into a contact.
struct CSVContactBuilder {
    private var fullName: String?
    private var name = StructuredName()
    private var organization: String?
    private var contact = Contact(uid: "", formattedName: "")

    mutating func apply(_ role: CSVColumnRole, _ value: String) {
        // A line break in a name cell is a spreadsheet artefact; a name is one line.
        let line = value.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.joined(separator: " ")
        switch role {
        case .fullName: fullName = line
        case .givenName: name.givenNames = [line]
        case .additionalName: name.additionalNames = [line]
        case .familyName: name.familyNames = [line]
        case .namePrefix: name.honorificPrefixes = [line]
        case .nameSuffix: name.honorificSuffixes = [line]
        case .organization: organization = line
        case .notes: contact.notes.append(value)
        case .categories:
            // Google lists system groups such as "* myContacts" and "* starred": not categories.
            contact.categories += CSVContactMapping.splitList(value).filter { !$0.hasPrefix("*") }
        case .sip: contact.sipAddresses += CSVContactMapping.splitList(value).map { ContactField(Self.sipURI($0)) }
        case .phone(let types, let preferred):
            contact.phoneNumbers += CSVContactMapping.splitList(value).map { ContactField($0, types: types, preference: preferred ? 1 : nil) }
        case .email: contact.emails += CSVContactMapping.splitList(value).map { ContactField($0) }
        case .label, .service, .value: break  // gathered into NumberedEntry by the mapping
        }
    }

    mutating func apply(_ entry: NumberedEntry, kind: NumberedEntry.Kind) {
        let preference = entry.isPrimary ? 1 : nil
        for value in entry.values {
            switch kind {
            case .phone: contact.phoneNumbers.append(ContactField(value, types: entry.types, preference: preference))
            case .email: contact.emails.append(ContactField(value, types: entry.types, preference: preference))
            case .im where entry.service.lowercased() == "sip" || Contact.isSIPURI(value):
                contact.sipAddresses.append(ContactField(Self.sipURI(value), types: entry.types, preference: preference))
            case .im: continue  // other messaging services have no place in a phone's contacts
            case .website where Contact.isSIPURI(value): contact.sipAddresses.append(ContactField(value, types: entry.types))
            case .website: contact.otherProperties.append(VCardProperty(name: "URL", rawValue: value))
            }
        }
    }

    /// The contact, or nil if the row gave nothing to call, write to or name.
    func contact(uid: String) -> Contact? {
        var result = contact
        result.uid = uid
        result.phoneNumbers = Self.merged(result.phoneNumbers)
        result.emails = Self.merged(result.emails)
        result.sipAddresses = Self.merged(result.sipAddresses)
        result.name = name.isEmpty ? nil : name
        if let organization { result.otherProperties.insert(VCardProperty(name: "ORG", text: organization), at: 0) }
        result.formattedName = fullName ?? (name.isEmpty ? organization ?? "" : name.displayName)
        result.formattedName = result.displayName
        return result.formattedName.isEmpty ? nil : result
    }

    /// Fields with the same value merged into the first: Outlook repeats the business number as
    /// "Primary Phone", Google repeats values across columns. Types are united, the best PREF kept.
    static func merged(_ fields: [ContactField]) -> [ContactField] {
        var result: [ContactField] = []
        for field in fields {
            guard let index = result.firstIndex(where: { $0.value == field.value }) else {
                result.append(field)
                continue
            }
            result[index].types += field.types.filter { !result[index].types.contains($0) }
            result[index].preference = [result[index].preference, field.preference].compactMap { $0 }.min()
        }
        return result
    }

    /// A SIP address as a URI: `alice@example.com` becomes `sip:alice@example.com`.
    static func sipURI(_ value: String) -> String {
        Contact.isSIPURI(value) ? value : "sip:" + value
    }
}

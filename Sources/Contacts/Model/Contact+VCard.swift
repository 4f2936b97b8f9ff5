/// Conversion between `Contact` and `VCard`.
///
/// Reading keeps every property it does not model in `otherProperties`, and every parameter it
/// does not interpret on TEL/EMAIL/IMPP in the field, so `Contact(vCard:).vCard` loses nothing a
/// phone does not understand. Known properties are re-emitted from the model, so their order and
/// spelling become canonical (`TEL;TYPE=cell`) — a change of form, not of meaning.
extension Contact {
    /// A contact from a card; `uidIfMissing` names a card without UID (the vdir file name, so the
    /// identity stays stable across reloads). 2.1 cards become 3.0 contacts: 2.1 is not written.
    public init(vCard card: VCard, uidIfMissing: @autoclosure () -> String) {
        self.init(uid: "", formattedName: "", version: card.version == .v2_1 ? .v3_0 : card.version)
        var formatted: String?
        for property in card.properties {
            read(property, formattedName: &formatted)
        }
        if uid.isEmpty { uid = uidIfMissing() }
        formattedName = formatted ?? ""
        formattedName = displayName
    }

    private mutating func read(_ property: VCardProperty, formattedName: inout String?) {
        switch property.name.uppercased() {
        case "UID" where uid.isEmpty:
            uid = property.text.trimmingSpaces
        case "FN" where formattedName == nil:
            formattedName = property.text
            propertyShapes.formattedName = PropertyShape(group: property.group, parameters: property.parameters)
        case "N" where name == nil:
            name = StructuredName(components: property.components)
            propertyShapes.name = PropertyShape(group: property.group, parameters: property.parameters)
        case "TEL":
            let isURI = property.parameterValues("VALUE").contains { $0.equalsIgnoringASCIICase("uri") }
                || Self.isURIValue(property.uri)
            phoneNumbers.append(ContactField(vCardProperty: property, value: isURI ? property.uri : property.text))
        case "EMAIL":
            emails.append(ContactField(vCardProperty: property, value: property.text))
        case "IMPP" where Self.isSIPURI(property.uri):
            sipAddresses.append(ContactField(vCardProperty: property, value: property.uri))
        case "CATEGORIES":
            if categories.isEmpty {
                propertyShapes.categories = PropertyShape(group: property.group, parameters: property.parameters)
            }
            categories += property.textList.map(\.trimmingSpaces).filter { !$0.isEmpty }
        case "NOTE":
            notes.append(property.text)
            propertyShapes.notes.append(PropertyShape(group: property.group, parameters: property.parameters))
        case "REV" where revision == nil && VCardTimestamp.date(from: property.text) != nil:
            revision = VCardTimestamp.date(from: property.text)
        default:
            otherProperties.append(property)
        }
    }

    /// The FN to show and write: FN, or else a name made from N, an address or a number.
    public var displayName: String {
        if !formattedName.isEmpty { return formattedName }
        if let name, !name.isEmpty { return name.displayName }
        let fallback = emails.first?.value ?? sipAddresses.first?.value ?? phoneNumbers.first?.displayValue
        return fallback ?? ""
    }

    /// The contact as a card in `version` (2.1 written as 3.0): UID, FN, N, TEL, EMAIL, IMPP,
    /// CATEGORIES, NOTE, REV, then the other properties in their original order.
    public var vCard: VCard {
        let version: VCardVersion = self.version == .v2_1 ? .v3_0 : self.version
        var properties: [VCardProperty] = []
        if !uid.isEmpty { properties.append(VCardProperty(name: "UID", text: uid)) }
        let shapes = propertyShapes
        properties.append(VCardProperty(
            group: shapes.formattedName.group, name: "FN", parameters: shapes.formattedName.parameters, text: displayName))
        if let name {
            var property = VCardProperty(name: "N", components: name.components)
            property.group = shapes.name.group
            property.parameters = shapes.name.parameters
            properties.append(property)
        } else if version == .v3_0 {
            // RFC 2426 §5: N is required in 3.0.
            properties.append(VCardProperty(name: "N", components: StructuredName().components))
        }
        properties += phoneNumbers.map { $0.vCardProperty(name: "TEL", version: version, isURI: Self.isURIValue($0.value)) }
        properties += emails.map { $0.vCardProperty(name: "EMAIL", version: version, isURI: false) }
        properties += sipAddresses.map { $0.vCardProperty(name: "IMPP", version: version, isURI: true) }
        if !categories.isEmpty {
            let raw = categories.map(VCardText.escape).joined(separator: ",")
            properties.append(VCardProperty(
                group: shapes.categories.group, name: "CATEGORIES", parameters: shapes.categories.parameters, rawValue: raw))
        }
        for (index, note) in notes.enumerated() {
            let shape = index < shapes.notes.count ? shapes.notes[index] : PropertyShape()
            properties.append(VCardProperty(group: shape.group, name: "NOTE", parameters: shape.parameters, text: note))
        }
        if let revision {
            properties.append(VCardProperty(name: "REV", rawValue: VCardTimestamp.string(from: revision, version: version)))
        }
        properties += otherProperties.filter { revision == nil || !$0.isNamed("REV") }
        return VCard(version: version, properties: properties)
    }

    /// Whether a TEL value is a URI (`tel:`, `sip:`, `sips:`) rather than free text; such values
    /// are written unescaped, with `VALUE=uri` in 4.0 (RFC 6350 §6.4.1).
    static func isURIValue(_ value: String) -> Bool {
        value.prefix(4).lowercased() == "tel:" || isSIPURI(value)
    }
}

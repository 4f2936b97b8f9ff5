/// Reading and writing the parameters of TEL, EMAIL and IMPP.
///
/// Types come from `TYPE=a,b`, `TYPE="a,b"`, repeated `TYPE` parameters and vCard 2.1 bare
/// parameters (`TEL;CELL;PREF:`). Preference comes from 4.0 `PREF` (RFC 6350 §5.3) or 3.0
/// `TYPE=pref` (RFC 2426 §3.3.1). VALUE, ENCODING and CHARSET describe the encoding of the value
/// just decoded, so they are re-derived on write instead of being kept.
extension ContactField {
    /// Bare 2.1 parameters that name an encoding, not a type.
    private static let bareEncodings: Set<String> = ["quoted-printable", "base64", "b", "8bit", "7bit"]
    /// Parameters whose meaning the field's other members carry.
    private static let derivedParameters = ["TYPE", "PREF", "VALUE", "ENCODING", "CHARSET"]

    init(vCardProperty property: VCardProperty, value: String) {
        var types: [String] = []
        var typePref = false
        var prefParameter: Int?
        var others: [VCardParameter] = []
        for parameter in property.parameters {
            if parameter.rawValue == nil {
                let bare = parameter.name.lowercased()
                if bare == "pref" { typePref = true } else if !Self.bareEncodings.contains(bare) { types.append(bare) }
            } else if parameter.isNamed("TYPE") {
                for type in parameter.values.flatMap({ $0.split(separator: ",") }) {
                    let lowered = String(type).trimmingSpaces.lowercased()
                    if lowered == "pref" { typePref = true } else if !lowered.isEmpty { types.append(lowered) }
                }
            } else if parameter.isNamed("PREF") {
                prefParameter = parameter.values.first.flatMap { Int($0.trimmingSpaces) }.map { min(max($0, 1), 100) }
            } else if !Self.derivedParameters.contains(where: parameter.isNamed) {
                others.append(parameter)
            }
        }
        var unique: [String] = []
        for type in types where !unique.contains(type) { unique.append(type) }
        self.init(value, types: unique, preference: prefParameter ?? (typePref ? 1 : nil),
                  group: property.group, otherParameters: others)
    }

    /// The field as a property of `name` in `version`. URIs are written raw; text is escaped.
    func vCardProperty(name: String, version: VCardVersion, isURI: Bool) -> VCardProperty {
        var parameters: [VCardParameter] = []
        let types = version == .v4_0 || preference == nil ? types : types + ["pref"]
        if !types.isEmpty { parameters.append(VCardParameter("TYPE", values: types)) }
        if version == .v4_0, let preference { parameters.append(VCardParameter("PREF", values: [String(preference)])) }
        if version == .v4_0, isURI, name == "TEL" { parameters.append(VCardParameter("VALUE", values: ["uri"])) }
        parameters += otherParameters
        let raw = isURI ? value : VCardText.escape(value)
        return VCardProperty(group: group, name: name, parameters: parameters, rawValue: raw)
    }
}

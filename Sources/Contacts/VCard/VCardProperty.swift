/// One content line, unfolded: `[group.]name *(;param):value` (RFC 6350 §3.3, RFC 2426 §4).
///
/// The value is kept raw — still escaped, still quoted-printable if it was — so that writing the
/// property back reproduces the logical line exactly; the accessors below decode it on demand,
/// according to the value type the caller knows the property has.
public struct VCardProperty: Hashable, Sendable, CustomStringConvertible {
    /// The group prefix, such as `item1` in `item1.TEL` (RFC 6350 §3.3), as written.
    public var group: String?
    /// The property name as written (`TEL`, `tel`, `X-ABLabel`).
    public var name: String
    public var parameters: [VCardParameter]
    /// The value exactly as it stood after the first unquoted colon, after unfolding.
    public var rawValue: String

    public init(group: String? = nil, name: String, parameters: [VCardParameter] = [], rawValue: String) {
        self.group = group
        self.name = name
        self.parameters = parameters
        self.rawValue = rawValue
    }

    /// A property whose value is text, escaped per RFC 6350 §3.4.
    public init(group: String? = nil, name: String, parameters: [VCardParameter] = [], text: String) {
        self.init(group: group, name: name, parameters: parameters, rawValue: VCardText.escape(text))
    }

    /// A property with a structured value (N, ADR: RFC 6350 §6.2.2, §6.3.1): components separated
    /// by `;`, each a comma-separated list.
    public init(group: String? = nil, name: String, parameters: [VCardParameter] = [], components: [[String]]) {
        let raw = components.map { $0.map(VCardText.escape).joined(separator: ",") }.joined(separator: ";")
        self.init(group: group, name: name, parameters: parameters, rawValue: raw)
    }

    /// Whether the property has this name, ignoring case.
    public func isNamed(_ other: String) -> Bool {
        name.equalsIgnoringASCIICase(other)
    }

    /// Every value of the parameters with this name.
    public func parameterValues(_ name: String) -> [String] {
        parameters.values(name)
    }

    /// Whether the value is quoted-printable: vCard 2.1 `ENCODING=QUOTED-PRINTABLE` or its bare
    /// form, still found in 3.0 files from old phones (tolerated on read only).
    public var isQuotedPrintable: Bool {
        parameters.contains { parameter in
            if parameter.rawValue == nil { return parameter.isNamed("QUOTED-PRINTABLE") }
            return parameter.isNamed("ENCODING")
                && parameter.values.contains { $0.equalsIgnoringASCIICase("QUOTED-PRINTABLE") }
        }
    }

    /// The value with quoted-printable decoded (charset from `CHARSET`, UTF-8 by default), still
    /// escaped. Encoded CRLFs (`=0D=0A`) become LF: a vCard text value has only one kind of line
    /// break (`\n`, RFC 6350 §3.4), so this is what a 3.0/4.0 rewrite will say.
    private var decodedRawValue: String {
        guard isQuotedPrintable else { return rawValue }
        let decoded = QuotedPrintable.decode(rawValue, charset: parameterValues("CHARSET").first)
        return decoded.replacingLineBreaks
    }

    /// The value as text, unescaped (RFC 6350 §3.4: `\\` `\n` `\,` `\;`).
    public var text: String {
        VCardText.unescape(Substring(decodedRawValue))
    }

    /// The value as a comma-separated text list (CATEGORIES, RFC 6350 §6.7.1).
    public var textList: [String] {
        VCardText.split(Substring(decodedRawValue), on: ",").map(VCardText.unescape)
    }

    /// The value as a structured value: `;`-separated components, each a `,`-separated list.
    public var components: [[String]] {
        VCardText.split(Substring(decodedRawValue), on: ";").map { component in
            VCardText.split(component, on: ",").map(VCardText.unescape)
        }
    }

    /// The value as a URI (IMPP, URL, `TEL;VALUE=uri`: RFC 6350 §6.4.1, §6.4.3). URIs are not
    /// escaped in vCard, but some exporters escape `:` `,` `;` anyway, so `\` before one of those is dropped.
    public var uri: String {
        VCardText.unescapeURI(decodedRawValue)
    }

    /// The logical content line, unfolded, without line break.
    public var description: String {
        var line = group.map { "\($0)." } ?? ""
        line += name
        for parameter in parameters {
            line += ";\(parameter)"
        }
        return line + ":" + rawValue
    }
}

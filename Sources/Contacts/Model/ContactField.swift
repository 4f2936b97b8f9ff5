/// A phone number, SIP address or e-mail address of a contact, with its vCard types.
///
/// The `group` and the parameters Dialtone does not interpret (`ALTID`, `LABEL`, `X-…`) travel
/// with the value so that writing the contact back keeps, for example, an Apple `item1.TEL` linked
/// to its `item1.X-ABLabel` (RFC 6350 §3.3 groups).
public struct ContactField: Hashable, Sendable {
    /// The value as text: a number as written (`+1 (555) 0100`), a URI (`tel:+1-555-0100`,
    /// `sip:alice@example.com`) or an e-mail address.
    public var value: String
    /// TYPE values in lower case (`cell`, `work`, `home`, `fax`, …), without `pref`.
    public var types: [String]
    /// RFC 6350 §5.3 PREF: 1 is most preferred. A 3.0 `TYPE=pref` reads as 1.
    public var preference: Int?
    public var group: String?
    /// Parameters other than TYPE, PREF, VALUE, ENCODING and CHARSET, verbatim.
    public var otherParameters: [VCardParameter]

    public init(
        _ value: String, types: [String] = [], preference: Int? = nil,
        group: String? = nil, otherParameters: [VCardParameter] = []
    ) {
        self.value = value
        self.types = types.map { $0.lowercased() }
        self.preference = preference
        self.group = group
        self.otherParameters = otherParameters
    }

    /// The value for people: a `tel:` URI shown without its scheme (`+1-555-0100;ext=7`).
    public var displayValue: String {
        value.prefix(4).lowercased() == "tel:" ? String(value.dropFirst(4)) : value
    }
}

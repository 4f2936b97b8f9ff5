/// `a=group:<semantics> *(SP <identification-tag>)` (RFC 5888 §5), e.g. `BUNDLE audio video`.
public struct GroupAttribute: Sendable, Hashable {
    public var semantics: String
    /// The `a=mid` values of the grouped media sections.
    public var identifiers: [String]

    public init(semantics: String, identifiers: [String]) {
        self.semantics = semantics
        self.identifiers = identifiers
    }

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let fields = value.fields()
        guard let first = fields.first else { throw .missing("semantics") }
        semantics = first.string
        identifiers = fields.dropFirst().map(\.string)
    }

    var sdpValue: String { ([semantics] + identifiers).joined(separator: " ") }
}

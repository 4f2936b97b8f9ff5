/// The N property: family names; given names; additional names; honorific prefixes; honorific
/// suffixes — each component a list (RFC 6350 §6.2.2, RFC 2426 §3.1.2).
///
/// Components beyond the five (RFC 9554 adds more) are kept in `laterComponents` so they are
/// written back rather than dropped.
public struct StructuredName: Hashable, Sendable {
    public var familyNames: [String]
    public var givenNames: [String]
    public var additionalNames: [String]
    public var honorificPrefixes: [String]
    public var honorificSuffixes: [String]
    public var laterComponents: [[String]]

    public init(
        family: [String] = [], given: [String] = [], additional: [String] = [],
        prefixes: [String] = [], suffixes: [String] = []
    ) {
        familyNames = family
        givenNames = given
        additionalNames = additional
        honorificPrefixes = prefixes
        honorificSuffixes = suffixes
        laterComponents = []
    }

    /// Reads the components of an N value; missing trailing components are empty.
    init(components: [[String]]) {
        func component(_ index: Int) -> [String] {
            index < components.count ? components[index].filter { !$0.isEmpty } : []
        }
        self.init(family: component(0), given: component(1), additional: component(2),
                  prefixes: component(3), suffixes: component(4))
        laterComponents = components.count > 5 ? Array(components[5...]) : []
    }

    /// The components for writing: always the five of RFC 6350, then any later ones.
    var components: [[String]] {
        [familyNames, givenNames, additionalNames, honorificPrefixes, honorificSuffixes] + laterComponents
    }

    /// Whether every component is empty.
    public var isEmpty: Bool {
        components.allSatisfy { $0.allSatisfy(\.isEmpty) }
    }

    /// "Dr. Alice B. Liddell Jr." — the usual western order, used when a card has no FN.
    public var displayName: String {
        (honorificPrefixes + givenNames + additionalNames + familyNames + honorificSuffixes)
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

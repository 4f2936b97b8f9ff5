import Foundation

/// A person or organisation the phone knows: what Dialtone shows, dials and matches callers
/// against, backed by one vCard.
///
/// Only what a phone needs is modelled; every other property of the card (ADR, ORG, PHOTO,
/// URL, X-…) is kept verbatim in `otherProperties` and written back unchanged, so editing a
/// contact in Dialtone never strips data that another address book put there.
public struct Contact: Hashable, Sendable, Identifiable {
    /// The UID (RFC 6350 §6.7.6): the identity across programs and the vdir file name.
    public var uid: String
    /// FN (RFC 6350 §6.2.1).
    public var formattedName: String
    /// N (RFC 6350 §6.2.2), if the card has one.
    public var name: StructuredName?
    /// SIP and SIPS URIs from IMPP (RFC 4770, RFC 6350 §6.4.3).
    public var sipAddresses: [ContactField]
    /// TEL (RFC 6350 §6.4.1): free text or a `tel:` URI.
    public var phoneNumbers: [ContactField]
    /// EMAIL (RFC 6350 §6.4.2).
    public var emails: [ContactField]
    /// CATEGORIES (RFC 6350 §6.7.1), merged from every CATEGORIES line.
    public var categories: [String]
    /// NOTE (RFC 6350 §6.7.2), one entry per NOTE line.
    public var notes: [String]
    /// REV (RFC 6350 §6.7.4); set by `ContactStore` from its injected clock on every save.
    public var revision: Date?
    /// The version the card is written in: the one it was read in (2.1 is written as 3.0), 4.0 for new contacts.
    public var version: VCardVersion
    /// Every property Dialtone does not model, verbatim and in file order.
    public var otherProperties: [VCardProperty]
    /// The group and parameters that FN, N, CATEGORIES and each NOTE were read with
    /// (`LANGUAGE=`, `ALTID=`, `SORT-AS=`, `PID=`, `item1.` …), written back with them so a
    /// round trip through Dialtone keeps what other address books put there.
    public var propertyShapes: PropertyShapes

    public var id: String { uid }

    public init(uid: String, formattedName: String, version: VCardVersion = .v4_0) {
        self.uid = uid
        self.formattedName = formattedName
        self.name = nil
        self.sipAddresses = []
        self.phoneNumbers = []
        self.emails = []
        self.categories = []
        self.notes = []
        self.revision = nil
        self.version = version
        self.otherProperties = []
        self.propertyShapes = PropertyShapes()
    }

    /// Every SIP URI to match and dial: IMPP ones, then `URL` properties with a `sip:` or
    /// `sips:` scheme (some address books store SIP addresses as URLs).
    public var allSIPURIs: [String] {
        let fromURLs = otherProperties
            .filter { $0.isNamed("URL") }
            .map(\.uri)
            .filter(Self.isSIPURI)
        return sipAddresses.map(\.value) + fromURLs
    }

    /// Whether a URI has the `sip:` or `sips:` scheme, in any case.
    static func isSIPURI(_ uri: String) -> Bool {
        let lowered = uri.prefix(5).lowercased()
        return lowered.hasPrefix("sip:") || lowered == "sips:"
    }
}

/// The parts of a modelled property that are not its value: its group and parameters.
public struct PropertyShape: Hashable, Sendable {
    public var group: String?
    public var parameters: [VCardParameter]

    public init(group: String? = nil, parameters: [VCardParameter] = []) {
        self.group = group
        self.parameters = parameters
    }
}

/// The shapes of the modelled single-valued properties and of each NOTE, by position.
public struct PropertyShapes: Hashable, Sendable {
    public var formattedName = PropertyShape()
    public var name = PropertyShape()
    public var categories = PropertyShape()
    public var notes: [PropertyShape] = []

    public init() {}
}

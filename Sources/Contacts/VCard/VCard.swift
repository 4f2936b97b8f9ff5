/// The vCard versions Dialtone reads. 4.0 (RFC 6350) and 3.0 (RFC 2426) are read and written;
/// 2.1 (the pre-IETF versit spec) is only tolerated on read, because old phone exports still
/// produce it, and is written back as 3.0 by `Contact` (see `Contact.vCard`).
public enum VCardVersion: String, Hashable, Sendable, CaseIterable {
    case v2_1 = "2.1"
    case v3_0 = "3.0"
    case v4_0 = "4.0"
}

/// One vCard: `BEGIN:VCARD`, `VERSION`, its properties in file order, `END:VCARD`
/// (RFC 6350 §6.1.1–§6.1.3, §6.7.9).
///
/// `BEGIN`, `END` and `VERSION` are not in `properties`: they are framing, re-created by the
/// serializer. Every other property is kept exactly as read (group, name, parameters and raw
/// value), so a card that Dialtone does not understand survives a load/save cycle untouched.
public struct VCard: Hashable, Sendable {
    public var version: VCardVersion
    public var properties: [VCardProperty]

    public init(version: VCardVersion, properties: [VCardProperty] = []) {
        self.version = version
        self.properties = properties
    }

    /// Every property with this name (case-insensitive, RFC 6350 §3.3: names are case-insensitive),
    /// in file order.
    public func properties(named name: String) -> [VCardProperty] {
        properties.filter { $0.isNamed(name) }
    }

    /// The first property with this name, if any.
    public func first(_ name: String) -> VCardProperty? {
        properties.first { $0.isNamed(name) }
    }
}

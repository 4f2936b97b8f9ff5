/// A contact as the contacts pane and the dialer's completion see it.
public struct ContactRow: Sendable, Hashable {
    /// The storage's identifier (a vCard UID), passed back in edit/delete commands.
    public var id: String
    public var name: String
    /// Phone numbers and SIP URIs, first is the default for calling.
    public var addresses: [String]

    public init(id: String, name: String, addresses: [String]) {
        self.id = id
        self.name = name
        self.addresses = addresses
    }
}

/// The other end of a call or conversation: its URI and, when the peer sent one, its display name.
///
/// The `key` is what lookups by remote compare, so `sip:Alice@Example.COM;transport=tcp` and
/// `<sip:Alice@example.com>` find the same history.
public struct RemoteParty: Sendable, Hashable {
    /// The URI as it appeared in From/To, kept verbatim for display.
    public let uri: String
    /// The display name from the From/To header, nil when the peer sent none.
    public let displayName: String?

    public init(uri: String, displayName: String? = nil) {
        self.uri = uri
        self.displayName = displayName
    }

    /// The normalised form used to match this party (see `RemoteKey`).
    public var key: String { RemoteKey.normalize(uri) }
}

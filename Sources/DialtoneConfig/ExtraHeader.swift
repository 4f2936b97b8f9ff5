/// An extra header added to every request an account sends (a provider's `X-…` header, a
/// `P-Preferred-Identity`). Kept in the order written, since some servers care.
public struct ExtraHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A line whose type letter RFC 8866 does not define, kept verbatim and in order within its
/// section. RFC 8866 §5 tells parsers to drop such a description; a phone that must interoperate
/// does better to keep the line, ignore it, and let `serialized()` carry it on unchanged.
public struct SDPUnknownLine: Sendable, Hashable {
    /// The type letter before `=`.
    public var type: Character
    /// Everything after `=`.
    public var value: String

    public init(type: Character, value: String) {
        self.type = type
        self.value = value
    }
}

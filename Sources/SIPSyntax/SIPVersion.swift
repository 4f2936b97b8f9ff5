/// The protocol version of a start line. Only "SIP/2.0" is spoken; anything else must parse so
/// that a server can answer 505 Version Not Supported (RFC 3261 §8.2.2, RFC 4475 §3.1.2.15).
public struct SIPVersion: Hashable, Sendable, CustomStringConvertible {
    /// The text as it appeared on the wire, e.g. "SIP/2.0" or "SIP/7.0".
    public let text: String

    public init(_ text: String) { self.text = text }

    public static let sip20 = SIPVersion("SIP/2.0")

    /// Whether this is SIP/2.0; the "SIP" token compares case-insensitively (RFC 3261 §7.1).
    public var isSIP20: Bool {
        text.count == 7 && text.uppercased() == "SIP/2.0"
    }

    public var description: String { text }
}

extension SIPVersion {
    /// `SIP/2.0` when `bytes` spell it exactly (nearly every message), without building a String.
    static func common(_ bytes: UnsafeBufferPointer<UInt8>) -> SIPVersion? {
        bytes.spells("SIP/2.0") ? SIPVersion("SIP/2.0") : nil
    }
}

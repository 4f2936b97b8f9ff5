/// A SIP request method. Methods are case-sensitive tokens (RFC 3261 §7.1, §25.1), and any
/// extension token is a valid method, so this is an open set rather than an enum: an unknown
/// method must still parse so that an endpoint can answer it with 501 (RFC 4475 §3.1.1.2).
public struct SIPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static let invite = SIPMethod("INVITE")
    public static let ack = SIPMethod("ACK")
    public static let bye = SIPMethod("BYE")
    public static let cancel = SIPMethod("CANCEL")
    public static let register = SIPMethod("REGISTER")
    public static let options = SIPMethod("OPTIONS")
    public static let info = SIPMethod("INFO")  // RFC 6086
    public static let update = SIPMethod("UPDATE")  // RFC 3311
    public static let prack = SIPMethod("PRACK")  // RFC 3262
    public static let subscribe = SIPMethod("SUBSCRIBE")  // RFC 6665
    public static let notify = SIPMethod("NOTIFY")  // RFC 6665
    public static let refer = SIPMethod("REFER")  // RFC 3515
    public static let message = SIPMethod("MESSAGE")  // RFC 3428
    public static let publish = SIPMethod("PUBLISH")  // RFC 3903

    /// The methods this stack implements; anything else gets 501 at an endpoint (RFC 3261 §8.2.1).
    public static let implemented: [SIPMethod] = [
        .invite, .ack, .bye, .cancel, .register, .options, .info, .update, .prack,
        .subscribe, .notify, .refer, .message,
    ]
}

extension SIPMethod {
    /// The common method `bytes` spell exactly (methods are case-sensitive, RFC 3261 §7.1), as
    /// a literal, so that reading it builds no String; nil for any other token.
    static func common(_ bytes: UnsafeBufferPointer<UInt8>) -> SIPMethod? {
        func method(_ name: StaticString, _ method: @autoclosure () -> SIPMethod) -> SIPMethod? {
            bytes.spells(name) ? method() : nil
        }
        switch bytes.first {
        case UInt8(ascii: "A"): return method("ACK", .ack)
        case UInt8(ascii: "B"): return method("BYE", .bye)
        case UInt8(ascii: "C"): return method("CANCEL", .cancel)
        case UInt8(ascii: "I"): return method("INVITE", .invite) ?? method("INFO", .info)
        case UInt8(ascii: "M"): return method("MESSAGE", .message)
        case UInt8(ascii: "N"): return method("NOTIFY", .notify)
        case UInt8(ascii: "O"): return method("OPTIONS", .options)
        case UInt8(ascii: "P"): return method("PRACK", .prack) ?? method("PUBLISH", .publish)
        case UInt8(ascii: "R"): return method("REGISTER", .register) ?? method("REFER", .refer)
        case UInt8(ascii: "S"): return method("SUBSCRIBE", .subscribe)
        case UInt8(ascii: "U"): return method("UPDATE", .update)
        default: return nil
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are exactly `literal`'s.
    @inline(__always)
    func spells(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount, let base = baseAddress else { return count == 0 && literal.utf8CodeUnitCount == 0 }
        let expected = literal.utf8Start
        for index in 0..<count where base[index] != expected[index] { return false }
        return true
    }
}

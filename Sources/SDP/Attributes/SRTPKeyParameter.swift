/// One `key-param` of `a=crypto` (RFC 4568 §9.1):
/// `inline:<key||salt base64>[|<lifetime>][|<MKI>:<MKI length>]`.
public struct SRTPKeyParameter: Sendable, Hashable {
    /// `inline`, the only method RFC 4568 defines.
    public var method: String
    /// The base64 key‖salt for `inline`; the whole key-info for other methods.
    public var keySalt: String
    public var lifetime: SRTPKeyLifetime?
    public var masterKeyIdentifier: SRTPMasterKeyIdentifier?

    public init(method: String = "inline", keySalt: String, lifetime: SRTPKeyLifetime? = nil,
                masterKeyIdentifier: SRTPMasterKeyIdentifier? = nil) {
        self.method = method
        self.keySalt = keySalt
        self.lifetime = lifetime
        self.masterKeyIdentifier = masterKeyIdentifier
    }

    /// An inline key from raw key‖salt bytes that the caller drew from the system CSPRNG.
    public init(inlineKeySalt bytes: [UInt8], lifetime: SRTPKeyLifetime? = nil,
                masterKeyIdentifier: SRTPMasterKeyIdentifier? = nil) {
        self.init(keySalt: Base64.encode(bytes), lifetime: lifetime, masterKeyIdentifier: masterKeyIdentifier)
    }

    public var isInline: Bool { method.lowercased() == "inline" }

    /// The decoded key‖salt of an inline key, `nil` when it is not valid base64.
    public var keySaltBytes: [UInt8]? { isInline ? withBytes(of: keySalt, Base64.decode) : nil }

    init(parsing bytes: SDPBytes) throws(SDPParseError.Problem) {
        let (method, info) = bytes.splitOnce(at: ASCII.colon)
        guard !method.isEmpty else { throw .missing("key method") }
        guard let info, !info.isEmpty else { throw .missing("key info") }
        self.method = method.string
        guard method.equalsIgnoringCase("inline") else {
            keySalt = info.string
            return
        }
        let parts = info.pieces(separatedBy: ASCII.pipe)
        guard !parts[0].isEmpty else { throw .missing("key and salt") }
        guard parts.count <= 3 else { throw .outOfRange("number of key-info parts") }
        keySalt = parts[0].string
        for part in parts.dropFirst() {
            if part.contains(ASCII.colon) {
                guard masterKeyIdentifier == nil else { throw .outOfRange("number of MKIs") }
                masterKeyIdentifier = try SRTPMasterKeyIdentifier(parsing: part)
            } else {
                guard lifetime == nil, masterKeyIdentifier == nil else { throw .outOfRange("number of lifetimes") }
                lifetime = try SRTPKeyLifetime(parsing: part)
            }
        }
    }

    var sdpValue: String {
        var text = "\(method):\(keySalt)"
        if let lifetime { text += "|\(lifetime)" }
        if let masterKeyIdentifier { text += "|\(masterKeyIdentifier.value):\(masterKeyIdentifier.length)" }
        return text
    }
}

/// How many packets a master key may protect (RFC 4568 §6.1): `2^20` or a plain number.
public enum SRTPKeyLifetime: Sendable, Hashable, CustomStringConvertible {
    case packets(UInt64)
    case powerOfTwo(UInt8)

    /// The lifetime in packets, saturating at `UInt64.max` for `2^64` and beyond.
    public var packetCount: UInt64 {
        switch self {
        case .packets(let count): count
        case .powerOfTwo(let exponent): exponent >= 64 ? .max : 1 << UInt64(exponent)
        }
    }

    public var description: String {
        switch self {
        case .packets(let count): String(count)
        case .powerOfTwo(let exponent): "2^\(exponent)"
        }
    }

    init(parsing bytes: SDPBytes) throws(SDPParseError.Problem) {
        let (base, exponent) = bytes.splitOnce(at: ASCII.caret)
        if let exponent {
            guard base.elementsEqual("2".utf8) else { throw .unrecognized("lifetime", value: bytes.string) }
            self = .powerOfTwo(try exponent.number("lifetime exponent"))
        } else {
            self = .packets(try bytes.number("lifetime"))
        }
    }
}

/// A master key identifier and the number of bytes it takes in each packet (RFC 4568 §6.1).
public struct SRTPMasterKeyIdentifier: Sendable, Hashable {
    public var value: UInt64
    /// 1–128 bytes.
    public var length: UInt8

    public init(value: UInt64, length: UInt8) {
        self.value = value
        self.length = length
    }

    init(parsing bytes: SDPBytes) throws(SDPParseError.Problem) {
        let (value, length) = bytes.splitOnce(at: ASCII.colon)
        guard let length else { throw .missing("MKI length") }
        self.value = try value.number("MKI")
        self.length = try length.number("MKI length")
        guard (1...128).contains(self.length) else { throw .outOfRange("MKI length") }
    }
}

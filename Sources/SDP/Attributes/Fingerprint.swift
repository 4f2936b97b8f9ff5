/// `a=fingerprint:<hash-func> <fingerprint>` (RFC 8122 §5): the hash of the certificate the
/// peer will present in the DTLS handshake, which is what authenticates DTLS-SRTP keys.
public struct Fingerprint: Sendable, Hashable {
    /// `sha-256`, `sha-1`, ... as written; compare case-insensitively.
    public var hashFunction: String
    /// Colon-separated hex pairs, as written.
    public var value: String

    public init(hashFunction: String, value: String) {
        self.hashFunction = hashFunction
        self.value = value
    }

    /// A fingerprint of the given digest, written as RFC 8122 asks: uppercase hex pairs.
    public init(hashFunction: String, digest: [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 3)
        for (index, byte) in digest.enumerated() {
            if index > 0 { text.append(ASCII.colon) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        self.init(hashFunction: hashFunction, value: String(decoding: text, as: UTF8.self))
    }

    /// The digest bytes (always decodable: the parser checked the hex).
    public var digest: [UInt8] {
        withBytes(of: value) { $0.pieces(separatedBy: ASCII.colon).compactMap(Fingerprint.hexByte) }
    }

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let fields = value.fields()
        guard fields.count >= 2 else { throw .missing(fields.isEmpty ? "hash function" : "fingerprint") }
        guard fields.count == 2 else { throw .outOfRange("number of sub-fields") }
        for pair in fields[1].pieces(separatedBy: ASCII.colon) where Fingerprint.hexByte(pair) == nil {
            throw .unrecognized("hex pair", value: pair.string)
        }
        hashFunction = fields[0].string
        self.value = fields[1].string
    }

    private static func hexByte(_ pair: SDPBytes) -> UInt8? {
        guard pair.count == 2, let high = hexDigit(pair.first!), let low = hexDigit(pair.last!) else { return nil }
        return high << 4 | low
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    var sdpValue: String { "\(hashFunction) \(value)" }
}

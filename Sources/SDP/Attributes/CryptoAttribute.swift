/// `a=crypto:<tag> <crypto-suite> <key-params> [<session-params>]` (RFC 4568 §9.1): SDES,
/// SRTP keys in the description itself, as MicroSIP, Linphone and most desk phones do it.
///
/// The answer reuses the tag of the offered line it accepts (RFC 4568 §5.1.2), which is how
/// the offerer learns which of its keys is in use.
public struct CryptoAttribute: Sendable, Hashable {
    /// 1 to 9 digits.
    public var tag: UInt32
    public var suite: SRTPCryptoSuite
    /// One or more keys, `;`-separated on the wire.
    public var keyParameters: [SRTPKeyParameter]
    /// `KDR=`, `UNENCRYPTED_SRTP`, ... kept as written.
    public var sessionParameters: [String]

    public init(tag: UInt32, suite: SRTPCryptoSuite, keyParameters: [SRTPKeyParameter], sessionParameters: [String] = []) {
        self.tag = tag
        self.suite = suite
        self.keyParameters = keyParameters
        self.sessionParameters = sessionParameters
    }

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let fields = value.fields()
        guard fields.count >= 3 else { throw .missing(["tag", "crypto suite", "key parameters"][fields.count]) }
        guard fields[0].count <= 9 else { throw .outOfRange("tag") }
        tag = try fields[0].number("tag")
        suite = SRTPCryptoSuite(name: fields[1].string)
        var keys: [SRTPKeyParameter] = []
        for piece in fields[2].pieces(separatedBy: ASCII.semicolon) {
            keys.append(try SRTPKeyParameter(parsing: piece))
        }
        keyParameters = keys
        sessionParameters = fields.dropFirst(3).map(\.string)
    }

    var sdpValue: String {
        var text = "\(tag) \(suite) " + keyParameters.map(\.sdpValue).joined(separator: ";")
        for parameter in sessionParameters { text += " \(parameter)" }
        return text
    }
}

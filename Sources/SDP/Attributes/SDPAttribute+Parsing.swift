extension SDPAttribute {
    /// Parses the value of an `a=` line: `<attribute-name>[:<attribute-value>]` (RFC 8866 §5.13).
    init(parsing line: SDPBytes) throws(SDPParseError.Reason) {
        let (nameBytes, valueBytes) = line.splitOnce(at: ASCII.colon)
        guard !nameBytes.isEmpty else { throw .invalidField(type: "a", .missing("attribute name")) }
        let name = nameBytes.lowercasedString
        let typed: SDPAttribute?
        do {
            if let valueBytes {
                typed = try Self.valued(name, valueBytes)
            } else {
                typed = Self.property(name)
            }
        } catch {
            throw .invalidAttribute(name: name, error)
        }
        self = typed ?? .other(name: nameBytes.string, value: valueBytes?.string)
    }

    /// Attributes with a value that have a typed case, or `nil` to keep the line verbatim.
    private static func valued(_ name: String, _ value: SDPBytes) throws(SDPParseError.Problem) -> SDPAttribute? {
        switch name {
        case "rtpmap": return .rtpMap(try RTPMap(parsing: value))
        case "fmtp": return .formatParameters(try FormatParameters(parsing: value))
        case "ptime": return .packetTime(try milliseconds(value))
        case "maxptime": return .maximumPacketTime(try milliseconds(value))
        case "rtcp": return .rtcp(try RTCPAttribute(parsing: value))
        case "crypto": return .crypto(try CryptoAttribute(parsing: value))
        case "fingerprint": return .fingerprint(try Fingerprint(parsing: value))
        case "setup": return .setup(try SetupRole(parsing: value))
        case "ice-ufrag": return .iceUsernameFragment(try token(value, "username fragment"))
        case "ice-pwd": return .icePassword(try token(value, "password"))
        case "ice-options": return .iceOptions(try tokens(value, "option tag"))
        case "candidate": return .candidate(try ICECandidate(parsing: value))
        case "mid": return .mid(try token(value, "identification tag"))
        case "group": return .group(try GroupAttribute(parsing: value))
        default: return nil
        }
    }

    /// Property attributes (no value) that have a typed case.
    private static func property(_ name: String) -> SDPAttribute? {
        if let direction = MediaDirection(attributeName: name) { return .direction(direction) }
        return name == "rtcp-mux" ? .rtcpMux : nil
    }

    /// A single token value, surrounding whitespace dropped.
    private static func token(_ value: SDPBytes, _ name: String) throws(SDPParseError.Problem) -> String {
        let fields = value.fields()
        guard fields.count == 1 else { throw fields.isEmpty ? .missing(name) : .outOfRange("number of \(name)s") }
        return fields[0].string
    }

    private static func tokens(_ value: SDPBytes, _ name: String) throws(SDPParseError.Problem) -> [String] {
        let fields = value.fields()
        guard !fields.isEmpty else { throw .missing(name) }
        return fields.map(\.string)
    }

    /// `1*DIGIT ["." 1*3DIGIT]` milliseconds, greater than zero. Microseconds are the finest
    /// any codec frames; the bound also keeps the value printable without an exponent.
    private static func milliseconds(_ value: SDPBytes) throws(SDPParseError.Problem) -> Double {
        let text = value.trimmingWhitespace()
        let (whole, fraction) = text.splitOnce(at: ASCII.dot)
        let _: UInt32 = try whole.number("packet time")
        if let fraction {
            let _: UInt16 = try fraction.number("packet time fraction")
            guard fraction.count <= 3 else { throw .outOfRange("packet time fraction") }
        }
        guard let milliseconds = Double(text.string), milliseconds > 0 else { throw .outOfRange("packet time") }
        return milliseconds
    }
}

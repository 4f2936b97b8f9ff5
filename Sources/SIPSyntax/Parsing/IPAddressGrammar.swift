/// Recognisers for the address forms of RFC 3261 §25.1 (`IPv4address`, `IPv6address`,
/// `hostname`) with the RFC 4291 limits the RFC 3261 ABNF forgets.
extension HostParser {
    /// Which textual form an IPv6 address took.
    enum IPv6Form: Hashable {
        case standard
        /// `2001:db8:::192.0.2.1`: three colons before an embedded IPv4 address. RFC 3261's
        /// ABNF allows it, RFC 4291 does not; RFC 5118 §4.10 says to tolerate it.
        case threeColonIPv4
    }

    /// IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT, each at most 255.
    static func isIPv4(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var octets = 0, digits = 0, value = 0
        for index in range {
            let byte = bytes[index]
            if SIPCharacterClass.isDigit(byte) {
                digits += 1
                value = value * 10 + Int(byte - 0x30)
                guard digits <= 3, value <= 255 else { return false }
            } else if byte == UInt8(ascii: ".") {
                guard digits > 0, octets < 3 else { return false }
                octets += 1
                digits = 0
                value = 0
            } else {
                return false
            }
        }
        return octets == 3 && digits > 0
    }

    /// IPv6address per RFC 4291 §2.2: at most eight 16-bit groups, one "::" standing for at
    /// least one group, an optional dotted IPv4 tail counting as two; plus the RFC 3261
    /// three-colon form. Returns nil when the text is not an address.
    static func ipv6Form(_ bytes: [UInt8], _ range: Range<Int>) -> IPv6Form? {
        var index = range.lowerBound, groups = 0
        var compressed = false, threeColons = false
        let colon = UInt8(ascii: ":")
        func at(_ i: Int) -> UInt8? { i < range.upperBound ? bytes[i] : nil }
        if at(index) == colon {
            guard at(index + 1) == colon else { return nil }
            compressed = true
            index += 2
            if at(index) == colon { threeColons = true; index += 1 }
        }
        while index < range.upperBound {
            var end = index
            while end < range.upperBound, bytes[end] != colon { end += 1 }
            if bytes[index..<end].contains(UInt8(ascii: ".")) {
                guard end == range.upperBound, isIPv4(bytes, index..<end) else { return nil }
                groups += 2
                index = end
                break
            }
            guard threeColons == false, end > index, end - index <= 4,
                  bytes[index..<end].allSatisfy(SIPCharacterClass.isHex) else { return nil }
            groups += 1
            index = end
            guard index < range.upperBound else { break }
            index += 1  // the colon
            guard index < range.upperBound else { return nil }  // trailing single colon
            if bytes[index] == colon {
                guard !compressed else { return nil }
                compressed = true
                index += 1
                if at(index) == colon { threeColons = true; index += 1 }
            }
        }
        if threeColons && !(groups >= 2 && bytes[range].contains(UInt8(ascii: "."))) { return nil }
        guard compressed ? groups <= 7 : groups == 8 else { return nil }
        return threeColons ? .threeColonIPv4 : .standard
    }

    /// hostname = *( domainlabel "." ) toplabel [ "." ]
    /// domainlabel = alphanum / alphanum *( alphanum / "-" ) alphanum
    /// toplabel = ALPHA / ALPHA *( alphanum / "-" ) alphanum
    /// Liberal mode accepts any run of alphanumerics, "-", "_" and "." with at least one letter.
    static func isHostname(_ bytes: [UInt8], _ range: Range<Int>, strict: Bool) -> Bool {
        guard !range.isEmpty else { return false }
        if !strict {
            var sawLetter = false
            for index in range {
                let byte = bytes[index]
                if SIPCharacterClass.isAlpha(byte) {
                    sawLetter = true
                } else if SIPCharacterClass.isDigit(byte) {
                    continue
                } else if byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") && byte != UInt8(ascii: ".") {
                    return false
                }
            }
            return sawLetter  // all digits and dots would be a broken IPv4 address
        }
        var labels: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where bytes[index] == UInt8(ascii: ".") {
            labels.append(start..<index)
            start = index + 1
        }
        if start < range.upperBound { labels.append(start..<range.upperBound) }
        guard let top = labels.last, labels.allSatisfy({ isLabel(bytes, $0) }) else { return false }
        return SIPCharacterClass.isAlpha(bytes[top.lowerBound])
    }

    private static func isLabel(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let first = range.first, let last = range.last,
              SIPCharacterClass.isAlphanumeric(bytes[first]), SIPCharacterClass.isAlphanumeric(bytes[last]) else {
            return false
        }
        return bytes[range].allSatisfy { SIPCharacterClass.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
}

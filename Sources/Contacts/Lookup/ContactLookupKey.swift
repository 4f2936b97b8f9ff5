/// A key under which a contact is found from what the network or the user gives: the From URI
/// of an incoming call, a dialled number, a typed address.
///
/// The normalisation is deliberately small and invents no numbering-plan rules: `+15550100`
/// and `0015550100` stay different, because which prefixes are equivalent depends on the
/// country and the carrier, and a wrong guess would show the wrong caller's name.
///
/// Works on UTF-8 bytes: every delimiter is ASCII, and Character-by-Character scanning (grapheme
/// breaking) made a lookup ten times slower.
public enum ContactLookupKey: Hashable, Sendable {
    /// A telephone number with visual separators (`-.() `, RFC 3966 §5.1.1) removed: `+15550100`.
    /// tel: numbers and the user part of a SIP URI that is a number normalise alike.
    case number(String)
    /// A SIP address `user@host`: host in lower case (RFC 3261 §19.1.4 compares hosts
    /// case-insensitively, users case-sensitively), without port, parameters or headers.
    case address(String)

    private typealias Bytes = ArraySlice<UInt8>

    /// Every key for a URI or typed text: `sip:`/`sips:` URIs (bare or in a name-addr
    /// `"Alice" <sip:…>;tag=…`), `tel:` URIs, `user@host`, or a number.
    public static func keys(for text: String) -> [ContactLookupKey] {
        var target = Array(text.utf8)[...]
        while let first = target.first, first == 0x20 || first == 0x09 { target = target.dropFirst() }
        while let last = target.last, last == 0x20 || last == 0x09 { target = target.dropLast() }
        if let open = target.lastIndex(of: ascii("<")), let close = target[open...].firstIndex(of: ascii(">")) {
            target = target[(open + 1)..<close]
        }
        if hasScheme(target, "sip:") { return sipKeys(target.dropFirst(4)) }
        if hasScheme(target, "sips:") { return sipKeys(target.dropFirst(5)) }
        if hasScheme(target, "tel:") { return numberKeys(upTo(ascii(";"), in: target.dropFirst(4))) }
        if target.contains(ascii("@")) { return sipKeys(target) }
        return numberKeys(target)
    }

    /// `user;params@host:port;params?headers` → the address key, plus a number key when the
    /// user part is a telephone number (with or without `;user=phone`).
    private static func sipKeys(_ rest: Bytes) -> [ContactLookupKey] {
        let withoutHeaders = upTo(ascii("?"), in: rest)
        guard let at = withoutHeaders.firstIndex(of: ascii("@")) else {
            let host = Self.host(withoutHeaders)
            return host.isEmpty ? [] : [.address(host)]
        }
        let user = percentDecoded(upTo(ascii(";"), in: withoutHeaders[..<at]))
        let host = Self.host(withoutHeaders[(at + 1)...])
        guard !user.isEmpty, !host.isEmpty else { return [] }
        let number = withoutVisualSeparators(user)
        let address = ContactLookupKey.address(String(decoding: user, as: UTF8.self) + "@" + host)
        return isTelephoneNumber(number) ? [address, .number(String(decoding: number, as: UTF8.self))] : [address]
    }

    private static func numberKeys(_ text: Bytes) -> [ContactLookupKey] {
        let number = withoutVisualSeparators(percentDecoded(text))
        return number.isEmpty ? [] : [.number(String(decoding: number, as: UTF8.self))]
    }

    /// The host in lower case, without URI parameters and port; IPv6 references keep brackets.
    private static func host(_ text: Bytes) -> String {
        var hostPort = upTo(ascii(";"), in: text)
        if hostPort.first == ascii("["), let close = hostPort.firstIndex(of: ascii("]")) {
            hostPort = hostPort[...close]
        } else {
            hostPort = upTo(ascii(":"), in: hostPort)
        }
        guard hostPort.allSatisfy({ $0 < 0x80 }) else { return String(decoding: hostPort, as: UTF8.self).lowercased() }
        return String(decoding: hostPort.map(ASCII.lowercased), as: UTF8.self)
    }

    /// The bytes without visual separators, including U+00A0 (copied from web pages).
    private static func withoutVisualSeparators(_ bytes: Bytes) -> Bytes {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 {
                index += 2
                continue
            }
            if !"-.() \t".utf8.contains(byte) { result.append(byte) }
            index += 1
        }
        return result[...]
    }

    /// `%XX` escapes decoded (RFC 3261 §19.1.2: a user part may carry `%2B` for `+`).
    private static func percentDecoded(_ bytes: Bytes) -> Bytes {
        bytes.contains(ascii("%")) ? ASCII.decodingHexEscapes(bytes, introducer: ascii("%"))[...] : bytes
    }

    /// `+` then digits, `*` or `#`, with at least one digit: the shape of a dialable number.
    private static func isTelephoneNumber(_ bytes: Bytes) -> Bool {
        let body = bytes.first == ascii("+") ? bytes.dropFirst() : bytes
        return body.contains { $0 >= 0x30 && $0 <= 0x39 }
            && body.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == ascii("*") || $0 == ascii("#") }
    }

    private static func hasScheme(_ bytes: Bytes, _ scheme: String) -> Bool {
        bytes.count >= scheme.utf8.count && zip(bytes, scheme.utf8).allSatisfy { ASCII.lowercased($0) == $1 }
    }

    private static func upTo(_ delimiter: UInt8, in bytes: Bytes) -> Bytes {
        bytes.firstIndex(of: delimiter).map { bytes[..<$0] } ?? bytes
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 {
        UInt8(character.value)
    }
}

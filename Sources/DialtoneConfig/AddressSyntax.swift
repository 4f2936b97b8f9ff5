import Foundation

/// Why an address string in the config is malformed; the validator adds file, line and key.
struct AddressSyntaxError: Error {
    let reason: String
}

/// Pure parsers for the `host[:port]` strings of `dns_servers` and `listen`.
enum AddressSyntax {
    /// `"host"`, `"host:port"`, `"[v6]"`, `"[v6]:port"` or a bare IPv6 address; host is an IP
    /// address or a host name (RFC 1123 §2.1). IPv6 comes back without brackets.
    static func hostAndPort(_ text: String, portRange: ClosedRange<Int>) throws(AddressSyntaxError) -> (host: String, port: Int?) {
        let (host, portText) = try split(text)
        guard isIPv4(host) || isIPv6(host) || isHostName(host) else {
            throw AddressSyntaxError(reason: "\"\(host)\" is not an IP address or host name")
        }
        if text.hasPrefix("["), !isIPv6(host) {
            throw AddressSyntaxError(reason: "\"\(host)\" in brackets is not an IPv6 address")
        }
        return (host, try portText.map { text throws(AddressSyntaxError) in try port(text, in: portRange) })
    }

    /// `"udp:127.0.0.1:5060"`, `"tcp:[::1]:0"`: transport (checked by the caller, which
    /// suggests spellings), an IP address literal (a listener binds, it does not resolve) and
    /// a port, where 0 asks for an ephemeral one.
    static func listener(_ text: String) throws(AddressSyntaxError) -> (transport: String, host: String, port: Int) {
        guard let colon = text.firstIndex(of: ":") else {
            throw AddressSyntaxError(reason: "expected \"transport:address:port\", e.g. \"udp:0.0.0.0:5060\"")
        }
        let transport = String(text[..<colon])
        let (host, portText) = try split(String(text[text.index(after: colon)...]))
        guard isIPv4(host) || isIPv6(host) else {
            throw AddressSyntaxError(reason: "\"\(host)\" is not an IP address (IPv6 in brackets)")
        }
        guard let portText else {
            throw AddressSyntaxError(reason: "missing port (use 0 for any free port)")
        }
        return (transport, host, try port(portText, in: 0...65535))
    }

    /// Host and optional port text, brackets removed from IPv6.
    private static func split(_ text: String) throws(AddressSyntaxError) -> (String, String?) {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw AddressSyntaxError(reason: "missing \"]\" after the IPv6 address")
            }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.first == ":" else { throw AddressSyntaxError(reason: "expected \":port\" after \"]\"") }
            return (host, String(rest.dropFirst()))
        }
        let colons = text.filter { $0 == ":" }.count
        if colons > 1 { return (text, nil) }  // a bare IPv6 address: no port possible
        guard let colon = text.firstIndex(of: ":") else { return (text, nil) }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    private static func port(_ text: String, in range: ClosedRange<Int>) throws(AddressSyntaxError) -> Int {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy(\.isASCIIDigit), let port = Int(text),
            range.contains(port)
        else {
            throw AddressSyntaxError(reason: "port \"\(text)\" is not a number in \(range.lowerBound)…\(range.upperBound)")
        }
        return port
    }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    /// RFC 1123 §2.1: dot-separated labels of letters, digits and inner hyphens, 1–63 each.
    static func isHostName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

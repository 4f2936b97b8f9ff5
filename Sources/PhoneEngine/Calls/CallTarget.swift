import DialtoneConfig
import SIPServerLocation
import SIPSyntax

/// What the user typed, made into the URI to call (RFC 3261 §19.1): a full SIP URI is kept, a
/// `user@host` gets `sip:`, and a bare number or name is completed with the account's domain.
/// Pure, so the completion rules are tested without a network.
enum CallTarget {
    static func uri(for text: String, account: AccountSettings) -> URI? {
        let trimmed = String(text.trimmingSpaces)
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("sip:") || lower.hasPrefix("sips:") || lower.hasPrefix("tel:") {
            guard let uri = try? URI(parsing: trimmed), uri.sipURI != nil else { return nil }
            return uri
        }
        // Another scheme (http:, mailto:) is not something to call.
        if trimmed.contains(":") && !trimmed.contains("@") { return nil }
        if trimmed.contains("@") {
            return try? URI(parsing: (account.aor.isSecure ? "sips:" : "sip:") + trimmed)
        }
        // A phone number as people write it: drop the visual separators (RFC 3966 §5.1.1).
        let isNumber = trimmed.allSatisfy { "0123456789+*#-. ()".contains($0) }
        let user = isNumber ? String(trimmed.filter { !"-. ()".contains($0) }) : trimmed
        guard !user.isEmpty, user.allSatisfy({ !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != ";" && $0 != "?" }) else { return nil }
        let escaped = user.replacingAll("#", with: "%23")
        var target = SIPURI(isSecure: account.aor.isSecure, user: escaped, host: account.aor.host, port: account.aor.port)
        if isNumber { target.parameters.append(Parameter("user", "phone")) }
        return .sip(target)
    }

    /// Whether a call to `uri` goes through the account's servers: always with an outbound
    /// proxy (RFC 3261 §8.1.2), and for the account's own domain or registrar; a URI naming
    /// another host is called directly (RFC 3263 on the URI), needing no registration.
    static func usesAccountServers(_ uri: URI, account: AccountSettings) -> Bool {
        if account.outboundProxy != nil { return true }
        guard let target = uri.sipURI else { return true }
        if sameServer(target, account.aor) { return true }
        if let registrar = account.registrar, sameServer(target, registrar) { return true }
        return false
    }

    /// Same host, and the same port when either names one.
    private static func sameServer(_ a: SIPURI, _ b: SIPURI) -> Bool {
        guard a.host.description.lowercased() == b.host.description.lowercased() else { return false }
        return a.port == b.port || a.port == nil || b.port == nil
    }

    /// The next hop of a request per RFC 3261 §8.1.2 / §16.12: the first Route, else the
    /// Request-URI, as RFC 3263 resolves it.
    static func nextHop(of request: SIPRequest) -> SIPTargetURI? {
        let hop: SIPURI?
        if let first = try? request.headers.route.first {
            hop = first.uri.sipURI
        } else {
            hop = request.uri.sipURI
        }
        guard let hop else { return nil }
        return targetURI(hop)
    }

    static func targetURI(_ uri: SIPURI) -> SIPTargetURI {
        let host: String
        switch uri.host {
        case .hostname(let name): host = name
        case .ipv4(let address): host = address
        case .ipv6(let address): host = address
        }
        return SIPTargetURI(scheme: uri.isSecure ? .sips : .sip, host: host, port: uri.port, transport: uri.transportParameter)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}

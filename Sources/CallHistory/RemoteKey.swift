import Foundation

/// The normalised form of a remote URI that lookups by remote compare.
///
/// The same peer shows up with different spellings: a name-addr with angle brackets, an upper-case
/// host, `;transport=tcp` or `?Subject=…` tacked on. Following RFC 3261 §19.1.4, the scheme and host
/// compare case-insensitively and the user part case-sensitively with %-escapes decoded; unlike
/// §19.1.4, URI parameters and headers are ignored altogether, because for history "the same
/// person" matters, not the route the call took. For `tel:` URIs the visual separators of
/// RFC 3966 §5.1.1 are dropped, so `tel:+1-555-0100` and `tel:+15550100` match.
public enum RemoteKey {
    /// The key for `uri`; input with no scheme is taken as `sip:`.
    public static func normalize(_ uri: String) -> String {
        let address = addrSpec(of: uri)
        let (scheme, rest) = splitScheme(address)
        switch scheme {
        case "sip", "sips": return scheme + ":" + sipKey(rest)
        case "tel": return "tel:" + telKey(rest)
        default: return scheme + ":" + String(rest.prefix { $0 != ";" && $0 != "?" })
        }
    }

    /// The URI inside `<…>` when `text` is a name-addr, otherwise `text` trimmed.
    private static func addrSpec(of text: String) -> Substring {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)[...]
        guard let open = trimmed.firstIndex(of: "<"),
              let close = trimmed[open...].firstIndex(of: ">") else { return trimmed }
        return trimmed[trimmed.index(after: open)..<close]
    }

    /// Splits off a lower-cased scheme (RFC 3986 §3.1 syntax); a missing scheme means `sip`.
    private static func splitScheme(_ address: Substring) -> (String, Substring) {
        guard let colon = address.firstIndex(of: ":") else { return ("sip", address) }
        let candidate = address[..<colon]
        let isScheme = candidate.first?.isLetter == true && candidate.allSatisfy { character in
            character.isASCII && (character.isLetter || character.isNumber || "+-.".contains(character))
        }
        guard isScheme else { return ("sip", address) }
        return (candidate.lowercased(), address[address.index(after: colon)...])
    }

    /// `user@host[:port]` with the password, parameters and headers removed.
    ///
    /// The user part may itself contain `;` (RFC 3261 §19.1.1 user parameters), so parameters
    /// are cut only after the `@`.
    private static func sipKey(_ rest: Substring) -> String {
        let beforeHeaders = rest.prefix { $0 != "?" }
        guard let at = beforeHeaders.firstIndex(of: "@") else {
            return beforeHeaders.prefix { $0 != ";" }.lowercased()
        }
        let userInfo = beforeHeaders[..<at]
        let user = userInfo.prefix { $0 != ":" }
        let decodedUser = String(user).removingPercentEncoding ?? String(user)
        let hostPort = beforeHeaders[beforeHeaders.index(after: at)...].prefix { $0 != ";" }
        return decodedUser + "@" + hostPort.lowercased()
    }

    /// The number with RFC 3966 visual separators dropped and hex digits lower-cased.
    private static func telKey(_ rest: Substring) -> String {
        let number = rest.prefix { $0 != ";" }
        return String(number.filter { !"-.() ".contains($0) }).lowercased()
    }
}

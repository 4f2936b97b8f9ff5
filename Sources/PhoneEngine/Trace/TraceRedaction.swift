/// Removes credentials from a SIP message's text before anyone sees or stores it: the digest
/// `response` (which allows an offline password guess), `cnonce` and any other secret parameter
/// of Authorization and Proxy-Authorization headers are replaced with `<redacted>`; the scheme,
/// `username`, `realm`, `nonce`, `uri`, `algorithm` and `qop` stay because they are what a
/// person debugging authentication needs to compare. Users who want the raw bytes ask for raw
/// traces explicitly.
public enum TraceRedaction {
    /// Header names (lowercased) whose values carry credentials.
    static let credentialHeaders: Set<String> = ["authorization", "proxy-authorization"]
    /// Digest parameters that are safe to show.
    static let visibleParameters: Set<String> = ["username", "realm", "nonce", "uri", "algorithm", "qop", "nc", "opaque", "userhash"]

    public static func redact(_ text: String) -> String {
        // "\r\n" is one Character in Swift, so lines are split on the string, not on "\n".
        let separator = text.contains("\r\n") ? "\r\n" : "\n"
        var output: [String] = []
        var inHeaders = true
        for line in text.components(separatedBy: separator) {
            if inHeaders, line.isEmpty {
                inHeaders = false
            } else if inHeaders, let colon = line.firstIndex(of: ":"),
                      credentialHeaders.contains(line[..<colon].trimmingSpaces.lowercased()) {
                output.append(String(line[...colon]) + " " + redactValue(String(line[line.index(after: colon)...])))
                continue
            }
            output.append(line)
        }
        return output.joined(separator: separator)
    }

    /// `Digest username="alice", response="…"` → the same with every non-visible value hidden.
    static func redactValue(_ value: String) -> String {
        let body = String(value.trimmingSpaces)
        guard let space = body.firstIndex(of: " ") else { return "<redacted>" }
        let scheme = body[..<space]
        let parameters = splitParameters(String(body[body.index(after: space)...])).map { parameter -> String in
            guard let equals = parameter.firstIndex(of: "=") else { return "<redacted>" }
            let name = parameter[..<equals].trimmingSpaces
            return visibleParameters.contains(name.lowercased()) ? parameter : "\(name)=<redacted>"
        }
        return "\(scheme) " + parameters.joined(separator: ", ")
    }

    /// Splits `a="x,y", b=z` on commas outside quotes.
    static func splitParameters(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                parts.append(String(current.trimmingSpaces))
                current = ""
                continue
            }
            current.append(character)
        }
        if !current.trimmingSpaces.isEmpty { parts.append(String(current.trimmingSpaces)) }
        return parts
    }
}

extension StringProtocol {
    var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}

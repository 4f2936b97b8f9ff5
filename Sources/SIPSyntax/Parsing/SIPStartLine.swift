/// The first line of a message (RFC 3261 §7.1, §7.2), as the head parser found it.
public enum SIPStartLine: Hashable, Sendable {
    case request(method: SIPMethod, uri: URI, version: SIPVersion)
    case response(version: SIPVersion, statusCode: Int, reasonPhrase: String)
}

import Foundation
import TerminalUI

/// Finds the contact behind a remote party, so the calls area and the messages pane show
/// "Bob" instead of `sip:bob@example.com` (issue 7). The remote URI comes from the network and
/// the addresses from vCards typed by people, so both are reduced to comparable keys first.
public struct ContactNames: Sendable {
    private var byKey: [String: String] = [:]

    /// The first contact that claims an address wins: the contacts pane lists them in the same
    /// order, so the name shown is the one the user sees first there.
    public init(_ contacts: [ContactRow]) {
        for contact in contacts {
            for address in contact.addresses {
                for key in Self.keys(address) where byKey[key] == nil { byKey[key] = contact.name }
            }
        }
    }

    /// The contact's name for `remoteURI`, nil when no contact has that address.
    public func name(for remoteURI: String) -> String? {
        for key in Self.keys(remoteURI) {
            if let name = byKey[key] { return name }
        }
        return nil
    }

    /// `sip:Bob@Example.COM;transport=tcp` → `uri:bob@example.com`; a telephone number in any
    /// spelling (`+49 30 1234-5`, `tel:+493012345`, `sip:+493012345@host`) → `tel:+493012345`,
    /// so a contact saved with a number matches a call that arrives as a SIP URI with that user.
    static func keys(_ text: String) -> [String] {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("<"), let close = body.firstIndex(of: ">") { body = body[body.index(after: body.startIndex)..<close] }
        let lowered = body.lowercased()
        var isURI = false
        for scheme in ["sips:", "sip:", "tel:"] where lowered.hasPrefix(scheme) {
            body = body.dropFirst(scheme.count)
            isURI = scheme != "tel:"
        }
        if let cut = body.firstIndex(where: { $0 == ";" || $0 == "?" }) { body = body[..<cut] }
        let user = isURI ? (body.split(separator: "@", maxSplits: 1).first ?? body) : body
        var keys: [String] = []
        // RFC 3261 §19.1.4: the user part is case-sensitive, the host is not; people type
        // addresses in any case, so both are compared in lower case (a false match needs two
        // users at one host who differ only by case).
        if isURI, body.contains("@") { keys.append("uri:" + body.lowercased()) }
        if let number = telephoneNumber(user) { keys.append("tel:" + number) }
        return keys
    }

    /// Digits with an optional leading `+`, after dropping the visual separators of RFC 3966
    /// §5.1.1 (`-`, `.`, `(`, `)`, spaces); nil for anything else, and for fewer than 3 digits
    /// (an extension like `10` would match too much).
    static func telephoneNumber(_ text: Substring) -> String? {
        let kept = text.filter { !" -.()".contains($0) }
        let digits = kept.hasPrefix("+") ? kept.dropFirst() : Substring(kept)
        guard digits.count >= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return kept
    }
}

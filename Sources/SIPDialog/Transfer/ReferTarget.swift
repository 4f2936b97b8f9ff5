import SIPSyntax

/// Building and reading the Refer-To of a transfer (RFC 3515 §2.1, RFC 3891 §6.1).
public enum ReferTarget {
    /// The Refer-To value for an attended transfer: `target` with the Replaces of the
    /// consultation dialog carried as an escaped URI header, e.g.
    /// `<sip:carol@chicago.example.com?Replaces=98594362%40foo.com%3Bto-tag%3D25934%3Bfrom-tag%3D3413>`.
    public static func referTo(_ target: SIPURI, replacing replaces: ReplacesHeader? = nil) -> String {
        var uri = target
        if let replaces {
            uri.headers.removeAll { $0.name.lowercased() == "replaces" }
            uri.headers.append(Parameter("Replaces", URIEscaping.escapeHeaderValue(replaces.serialized)))
        }
        return SIPAddress(uri: .sip(uri)).serialized
    }

    /// The target and Replaces of a Refer-To value. The Replaces header is taken out of the
    /// returned URI's headers; other URI headers stay for the INVITE (§19.1.5).
    public static func parse(_ value: String) throws(TransferError) -> (target: URI, replaces: ReplacesHeader?) {
        let address: SIPAddress
        do { address = try SIPAddress.parse(value, header: "Refer-To") } catch { throw .malformedReferTo(error.reasonPhrase) }
        guard case .sip(var uri) = address.uri else { return (address.uri, nil) }
        guard let index = uri.headers.firstIndex(where: { $0.name.lowercased() == "replaces" }) else { return (.sip(uri), nil) }
        let replaces = try ReplacesHeader.parse(try URIEscaping.unescape(uri.headers[index].value ?? ""))
        uri.headers.remove(at: index)
        return (.sip(uri), replaces)
    }
}

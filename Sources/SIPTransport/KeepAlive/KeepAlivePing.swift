import SIPSyntax

/// The OPTIONS request that serves as a keep-alive ping on UDP (see `KeepAliveConfiguration`):
/// addressed to the server itself (RFC 3261 §11), so any response proves the path is alive.
enum KeepAlivePing {
    /// Branches of pings carry this mark after the magic cookie, so they are easy to spot in
    /// a trace.
    static let branchPrefix = "z9hG4bK-ka-"

    static func request(
        on flow: FlowInfo, userAgent: String, random: inout any RandomNumberGenerator & Sendable
    ) -> (request: SIPRequest, branch: String) {
        let branch = branchPrefix + RandomToken.make(using: &random)
        let uri = URI.sip(SIPURI(host: host(flow.remote), port: flow.remote.port))
        var headers = SIPHeaders()
        headers.append(.via, OutgoingVia.value(branch: branch, transport: flow.transport, sentBy: flow.local))
        headers.append(.maxForwards, "70")
        headers.append(.from, "<sip:keepalive@\(flow.local.sipHost)>;tag=\(RandomToken.make(using: &random))")
        headers.append(.to, "<\(uri)>")
        headers.append(.callID, RandomToken.make(using: &random))
        headers.append(.cseq, "1 OPTIONS")
        headers.append(.userAgent, userAgent)
        headers.append(.contentLength, "0")
        return (SIPRequest(method: .options, uri: uri, headers: headers), branch)
    }

    private static func host(_ address: SIPSocketAddress) -> Host {
        switch address.address.family {
        case .ipv4: .ipv4(address.address.description)
        case .ipv6: .ipv6(address.address.description)
        }
    }
}

/// Random tokens for branches, tags and Call-IDs: 16 lowercase hex digits from the injected
/// generator (RFC 3261 §8.1.1.7 and §19.3 want them unique, not secret).
public enum RandomToken {
    public static func make(using random: inout any RandomNumberGenerator & Sendable) -> String {
        let value = UInt64.random(in: .min ... .max, using: &random)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

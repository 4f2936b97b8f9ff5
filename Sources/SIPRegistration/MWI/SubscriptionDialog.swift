import SIPSyntax

/// The dialog a SUBSCRIBE creates (RFC 6665 §4.1.2.4, RFC 3261 §12.1.2): what in-dialog
/// requests need, and what a NOTIFY must match.
struct SubscriptionDialog: Sendable, Hashable {
    var remoteTag: String
    /// In the order Route headers are sent (RFC 3261 §12.1.2: the 2xx's Record-Route reversed;
    /// §12.1.1: a NOTIFY's Record-Route as is, since there we are the UAS).
    var routeSet: [SIPAddress]
    /// From the peer's Contact (RFC 3261 §12.1.2).
    var remoteTarget: URI
    /// The highest CSeq of a NOTIFY in this dialog (RFC 3261 §12.2.2).
    var remoteCSeq: UInt32?

    /// From a 2xx to our SUBSCRIBE; nil when it lacks a To tag or a usable Contact.
    static func fromResponse(_ response: SIPResponse) -> SubscriptionDialog? {
        guard let tag = (try? response.headers.to)?.tag, let target = firstContact(response.headers) else { return nil }
        let routes = (try? response.headers.recordRoute) ?? []
        return SubscriptionDialog(remoteTag: tag, routeSet: routes.reversed(), remoteTarget: target, remoteCSeq: nil)
    }

    /// From a NOTIFY that arrives before the 2xx (RFC 6665 §4.1.2.4).
    static func fromNotify(_ request: SIPRequest) -> SubscriptionDialog? {
        guard let tag = (try? request.headers.from)?.tag, let target = firstContact(request.headers) else { return nil }
        let routes = (try? request.headers.recordRoute) ?? []
        return SubscriptionDialog(remoteTag: tag, routeSet: routes, remoteTarget: target, remoteCSeq: nil)
    }

    private static func firstContact(_ headers: SIPHeaders) -> URI? {
        guard case .addresses(let addresses)? = try? headers.contact else { return nil }
        return addresses.first?.uri
    }

    /// Request-URI and Route headers for an in-dialog request (RFC 3261 §12.2.1.1): with a
    /// loose router first (`lr`), the remote target and the route set as is; with a strict
    /// router, its URI becomes the Request-URI and the remote target goes last.
    var requestTarget: (uri: URI, routes: [String]) {
        guard let first = routeSet.first else { return (remoteTarget, []) }
        if first.uri.sipURI?.parameters.contains("lr") ?? false {
            return (remoteTarget, routeSet.map(\.serialized))
        }
        var strictURI = first.uri
        if case .sip(var uri) = strictURI {
            uri.headers = []
            strictURI = .sip(uri)
        }
        let rest = routeSet.dropFirst().map(\.serialized) + ["<\(remoteTarget)>"]
        return (strictURI, rest)
    }
}

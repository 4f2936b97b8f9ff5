import SIPSyntax

/// The Request-URI and Route set of a request sent within a dialog (RFC 3261 §12.2.1.1).
enum RequestRouting {
    /// - Empty route set: Request-URI = remote target, no Route.
    /// - First route is a loose router (`lr`): Request-URI = remote target, Route = route set.
    /// - First route is a strict router (RFC 2543): Request-URI = that route's URI without the
    ///   parameters a Request-URI may not carry, Route = the rest plus the remote target last,
    ///   so the strict router finds the real destination where it expects it.
    static func destination(remoteTarget: URI, routeSet: [SIPAddress]) -> (URI, [SIPAddress]) {
        guard let first = routeSet.first else { return (remoteTarget, []) }
        if case .sip(let uri) = first.uri, !uri.parameters.contains("lr") {
            var strict = uri
            // §19.1.1 Table 1: `method` is not allowed in a Request-URI, nor are headers.
            strict.parameters.removeAll { $0.name.lowercased() == "method" }
            strict.headers = []
            let rest = Array(routeSet.dropFirst()) + [SIPAddress(uri: remoteTarget)]
            return (.sip(strict), rest)
        }
        if case .sip = first.uri { return (remoteTarget, routeSet) }
        // A non-SIP route cannot be a strict router we could send to; treat it as loose.
        return (remoteTarget, routeSet)
    }
}

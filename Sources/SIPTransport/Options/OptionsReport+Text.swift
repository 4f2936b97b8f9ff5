extension OptionsReport {
    /// The report as lines for a terminal.
    public func text() -> String {
        var lines = ["Resolving \(uri) (RFC 3263):"]
        lines += resolution.map { "  " + $0 }
        for (index, attempt) in attempts.enumerated() {
            lines.append("Attempt \(index + 1): \(attempt.target) (\(attempt.hostName)): \(attempt.detail)")
        }
        if let response, let answeredBy {
            lines.append("Response: \(response.statusLine)")
            lines.append("Server: \(response.server ?? response.userAgent ?? "(no Server or User-Agent header)")")
            lines.append("Transport: \(answeredBy.transport) \(answeredBy.localAddress) → \(answeredBy.remoteAddress) (\(answeredBy.hostName))")
            if let tls { lines += tlsLines(tls) }
            if let roundTripMs { lines.append("Round trip: \(Self.milliseconds(roundTripMs)) ms") }
            lines.append("Result: \(Self.verdict(response.statusCode, response.reasonPhrase))")
        } else if let failure {
            lines.append("Result: no server answered: \(failure.message)")
        }
        return lines.joined(separator: "\n")
    }

    private func tlsLines(_ tls: TLSDetails) -> [String] {
        var lines = [
            "TLS: \(tls.version), certificate \(tls.peerSubject) issued by \(tls.peerIssuer)"
                + (tls.peerNames.isEmpty ? "" : " for \(tls.peerNames.joined(separator: ", "))"),
        ]
        if let warning = tls.warning { lines.append("WARNING: \(warning)") }
        return lines
    }

    private static func verdict(_ code: Int, _ reason: String) -> String {
        switch code {
        case 200..<300: "the server answered \(code) \(reason) (success)"
        case 300..<400: "the server answered \(code) \(reason) (a redirect, but it is reachable)"
        default: "the server answered \(code) \(reason) (an error response, but it is reachable)"
        }
    }

    static func milliseconds(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
    }
}

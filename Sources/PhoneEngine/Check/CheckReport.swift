import Foundation

/// What `dialtone check` found for one account: the outcome, the one-line diagnosis on failure,
/// and every step on the way (DNS, target, connection and TLS, request and response lines,
/// Contact sent and seen, expiry). Encoded as one JSON object per account with `--json`.
public struct CheckReport: Sendable, Codable, Hashable {
    public struct Step: Sendable, Codable, Hashable {
        /// Milliseconds since the check started (since the process started, for `dialtone check`).
        public var ms: Int
        public var kind: String
        public var detail: String
    }

    public var account: String
    public var aor: String
    /// `registered` or `failed`.
    public var state: String
    public var diagnosis: String?
    /// Seconds granted by the registrar.
    public var expires: Int?
    public var server: String?
    public var contactSent: String?
    public var contactSeen: String?
    /// Where the server saw us, when that differs from the Contact we sent (NAT).
    public var publicAddress: String?
    public var tls: String?
    public var steps: [Step]

    enum CodingKeys: String, CodingKey {
        case account, aor, state, diagnosis, expires, server
        case contactSent = "contact_sent", contactSeen = "contact_seen", publicAddress = "public_address"
        case tls, steps
    }

    public var registered: Bool { state == "registered" }

    /// One line of JSON (keys sorted so the output is stable).
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The human-readable report.
    public func text() -> String {
        var lines: [String] = []
        if registered {
            lines.append("\(account) (\(aor)): registered" + (expires.map { " for \($0) s" } ?? "") + (server.map { " at \($0)" } ?? ""))
        } else {
            lines.append("\(account) (\(aor)): FAILED — \(diagnosis ?? "no diagnosis")")
        }
        let width = steps.map { String($0.ms).count }.max() ?? 1
        for step in steps {
            let time = String(repeating: " ", count: width - String(step.ms).count) + "\(step.ms) ms"
            let kind = step.kind.padding(toLength: 9, withPad: " ", startingAt: 0)
            lines.append("  \(time)  \(kind) \(step.detail)")
        }
        if let contactSent {
            lines.append("  contact sent: \(contactSent)")
            lines.append("  contact seen: \(contactSeen ?? "(not listed in the 200)")")
        }
        if let publicAddress { lines.append("  NAT: the server sees us at \(publicAddress)") }
        return lines.joined(separator: "\n")
    }
}

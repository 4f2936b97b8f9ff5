import SIPSyntax

/// The Session-Expires header (RFC 4028 §4): `delta-seconds *(;se-params)` with the optional
/// `refresher=uac|uas` naming who sends the refreshes.
struct SessionExpires: Hashable, Sendable {
    enum Refresher: String, Hashable, Sendable { case uac, uas }

    var interval: UInt32
    var refresher: Refresher?

    var serialized: String { String(interval) + (refresher.map { ";refresher=\($0.rawValue)" } ?? "") }

    /// Session-Expires = delta-seconds *(SEMI se-params); se-params = refresher-param / generic-param
    /// Also reads Min-SE (`delta-seconds *(SEMI generic-param)`), whose params are ignored.
    static func parse(_ text: String) -> SessionExpires? {
        let parts = text.split(separator: ";").map { $0.trimmingSpaces }
        guard let first = parts.first, let interval = UInt32(first) else { return nil }
        var refresher: Refresher?
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces.lowercased() }
            if pair.count == 2, pair[0] == "refresher" { refresher = Refresher(rawValue: pair[1]) }
        }
        return SessionExpires(interval: interval, refresher: refresher)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

/// The session timer running on a confirmed call (RFC 4028 §10).
struct ActiveSessionTimer: Hashable, Sendable {
    var interval: UInt32
    /// Whether we send the refreshes; otherwise we watch for them and BYE at expiry.
    var weRefresh: Bool
}

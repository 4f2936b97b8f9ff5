import SIPServerLocation

/// Scanner protection (`accept_unknown_invites = false`): SIP scanners send INVITEs from
/// anywhere; a phone behind a registrar only takes calls its servers relay, or from peers it
/// already talks to. Pure, so the rule is tested without a network.
enum InviteScreen {
    static func accepts(source: IPAddress, acceptUnknown: Bool, trusted: [IPAddress]) -> Bool {
        acceptUnknown || trusted.contains(source)
    }
}

import DialtoneConfig
import SIPSyntax

/// With no account configured (first run, or `dialtone call` without a config file), calls to
/// a full SIP address still work: they go straight to the URI's host (RFC 3263 on it) from this
/// account, which never registers and is not shown as an account.
///
/// Its address is the anonymous one RFC 3261 §8.1.1.3 suggests: the `.invalid` domain (RFC 6761)
/// never resolves, so a bare number dialled without an account fails at once with "no route"
/// instead of going anywhere.
enum DirectCallsAccount {
    static let name = "direct"

    static var settings: AccountSettings {
        var account = AccountSettings(
            name: name, aor: SIPURI(isSecure: false, user: "anonymous", host: .hostname("anonymous.invalid"), port: nil))
        account.register = false
        account.mwi = false
        account.keepalive = .off
        account.outbound = false
        return account
    }

    /// A target that would need the (absent) account's servers: a bare number or user name.
    static func cannotReach(_ uri: URI, from account: AccountSettings) -> Bool {
        account.name == name && account.aor.host == .hostname("anonymous.invalid")
            && CallTarget.usesAccountServers(uri, account: account)
    }
}

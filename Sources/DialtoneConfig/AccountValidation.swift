import Foundation
import SIPSyntax
import TOMLKit

/// The `[[accounts]]` entries.
extension ConfigValidator {
    static let accountKeys = [
        "name", "aor", "username", "password", "password_command", "display_name", "transport",
        "registrar", "outbound_proxy", "expires", "ca_file", "tls_verify", "tls_accept_self_signed",
        "tls_client_certificate", "tls_client_key", "mwi", "enabled", "register", "outbound",
        "keepalive", "keepalive_interval", "codecs", "opus_bitrate", "opus_complexity", "opus_fec",
        "opus_dtx", "srtp", "srtp_keying", "dtmf", "extra_headers", "voicemail_uri",
    ]

    /// Every valid account; names are unique across them.
    mutating func accounts(_ value: TOMLValueConvertible?) -> [AccountSettings] {
        let path = ConfigKeyPath.root.appending("accounts")
        guard let value else {
            report("no [[accounts]]: nothing will register or place calls", at: .root, severity: .warning)
            return []
        }
        guard let array = value.array else {
            wrongType(value, expected: "[[accounts]] entries (an array of tables)", at: path)
            return []
        }
        var accounts: [AccountSettings] = []
        var firstWithName: [String: Int] = [:]
        for (offset, element) in array.enumerated() {
            let entryPath = path.appending(.entry(offset + 1))
            guard let table = element.table else {
                wrongType(element, expected: "a table", at: entryPath)
                continue
            }
            let account = account(table, at: entryPath)
            if let name = table["name"]?.string, !name.isEmpty {
                if let first = firstWithName[name] {
                    report("\"\(name)\" is already the name of accounts[\(first)]", at: entryPath.appending("name"))
                } else {
                    firstWithName[name] = offset + 1
                }
            }
            if let account { accounts.append(account) }
        }
        return accounts
    }

    /// One account, or nil when a required key is missing or invalid (all reported).
    private mutating func account(_ table: TOMLTable, at path: ConfigKeyPath) -> AccountSettings? {
        rejectUnknownKeys(in: table, at: path, known: Self.accountKeys)
        let name = requiredName(table, at: path)
        let aor = addressOfRecord(table, at: path)
        var account = AccountSettings(name: name ?? "", aor: aor ?? SIPURI(host: .hostname("invalid")))
        if let username = singleLineString(table, "username", at: path) {
            if username.isEmpty { report("must not be empty", at: path.appending("username")) }
            account.username = username
        }
        account.password = passwordSource(table, at: path)
        account.displayName = singleLineString(table, "display_name", at: path)
        account.transport = choice(table, "transport", at: path, as: TransportChoice.self) ?? .auto
        account.registrar = sipURI(table, "registrar", at: path)
        account.outboundProxy = sipURI(table, "outbound_proxy", at: path)
        account.voicemailURI = sipURI(table, "voicemail_uri", at: path)
        checkSecureSchemes(table, account: account, at: path)
        account.expires = integer(table, "expires", at: path, in: 1...Int(Int32.max)) ?? 3600
        accountTLS(table, into: &account, at: path)
        account.mwi = bool(table, "mwi", at: path) ?? true
        account.enabled = bool(table, "enabled", at: path) ?? true
        account.register = bool(table, "register", at: path) ?? true
        account.outbound = bool(table, "outbound", at: path) ?? true
        account.keepalive = choice(table, "keepalive", at: path, as: KeepAliveMode.self) ?? .crlf
        let interval = integer(table, "keepalive_interval", at: path, in: 0...86_400) ?? 0
        account.keepaliveInterval = interval == 0 ? nil : interval
        if let codecs = codecs(table, at: path) { account.codecs = codecs }
        account.opus = opus(table, at: path)
        account.srtp = choice(table, "srtp", at: path, as: SRTPMode.self) ?? .optional
        account.srtpKeying = choice(table, "srtp_keying", at: path, as: SRTPKeying.self) ?? .sdes
        account.dtmf = choice(table, "dtmf", at: path, as: DTMFMode.self) ?? .rfc4733
        account.extraHeaders = extraHeaders(table, at: path)
        guard name != nil, aor != nil else { return nil }
        return account
    }

    private mutating func requiredName(_ table: TOMLTable, at path: ConfigKeyPath) -> String? {
        guard table["name"] != nil else {
            report("missing required key \"name\"", at: path.appending("name"))
            return nil
        }
        guard let name = singleLineString(table, "name", at: path) else { return nil }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            report("must not be empty", at: path.appending("name"))
            return nil
        }
        return name
    }

    /// The AOR names a user at a domain (RFC 3261 §10.2.1: the To of a REGISTER), so a URI
    /// without a user part cannot be one.
    private mutating func addressOfRecord(_ table: TOMLTable, at path: ConfigKeyPath) -> SIPURI? {
        guard table["aor"] != nil else {
            report("missing required key \"aor\" (e.g. \"sip:alice@example.com\")", at: path.appending("aor"))
            return nil
        }
        guard let aor = sipURI(table, "aor", at: path) else { return nil }
        guard let user = aor.user, !user.isEmpty else {
            report("\"\(aor)\" has no user part (expected sip:user@domain)", at: path.appending("aor"))
            return nil
        }
        return aor
    }

    private mutating func passwordSource(_ table: TOMLTable, at path: ConfigKeyPath) -> PasswordSource? {
        let literal = string(table, "password", at: path)
        let command = string(table, "password_command", at: path)
        switch (literal, command) {
        case (.some, .some):
            report("password and password_command are mutually exclusive; keep one", at: path.appending("password_command"))
            return nil
        case (.some(let password), nil):
            return .literal(Secret(password))
        case (nil, .some(let command)):
            guard !command.trimmingCharacters(in: .whitespaces).isEmpty else {
                report("must not be empty", at: path.appending("password_command"))
                return nil
            }
            return .command(command)
        case (nil, nil):
            return nil
        }
    }

    /// RFC 3261 §26.2.2: a SIPS URI requires TLS on every hop, so plain UDP/TCP cannot reach it.
    private mutating func checkSecureSchemes(_ table: TOMLTable, account: AccountSettings, at path: ConfigKeyPath) {
        guard account.transport == .udp || account.transport == .tcp else { return }
        let uris: [(String, SIPURI?)] = [
            ("aor", table["aor"] == nil ? nil : account.aor), ("registrar", account.registrar),
            ("outbound_proxy", account.outboundProxy),
        ]
        let secure = uris.compactMap { key, uri in uri?.isSecure == true ? key : nil }
        guard !secure.isEmpty else { return }
        report("\(account.transport.rawValue) cannot carry sips: URIs (\(secure.joined(separator: ", "))); use tls or auto",
            at: path.appending("transport"))
    }
}

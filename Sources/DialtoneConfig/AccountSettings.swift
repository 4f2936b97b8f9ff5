import SIPSyntax

/// One `[[accounts]]` entry. Its textual and reflected forms never show the password.
public struct AccountSettings: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    public var name: String
    /// The address of record (RFC 3261 §10.2.1 To/From), always `sip:`/`sips:` with a user.
    public var aor: SIPURI
    /// The digest user name; defaults to the AOR's user part.
    public var username: String
    public var password: PasswordSource?
    public var displayName: String?
    public var transport: TransportChoice = .auto
    public var registrar: SIPURI?
    public var outboundProxy: SIPURI?
    /// Requested registration lifetime in seconds (RFC 3261 §10.2.1.1).
    public var expires = 3600
    public var caFile: String?
    public var tlsVerify = true
    public var tlsAcceptSelfSigned = false
    public var tlsClientCertificate: String?
    public var tlsClientKey: String?
    /// Subscribe to message-summary (RFC 3842).
    public var mwi = true
    public var enabled = true
    public var register = true
    /// SIP Outbound (RFC 5626): keep the registration's flow and reuse it for requests.
    public var outbound = true
    public var keepalive: KeepAliveMode = .crlf
    /// Seconds between keep-alives; nil means the transport's default (RFC 5626 §4.4.1).
    public var keepaliveInterval: Int?
    /// In order of preference.
    public var codecs: [CodecName] = CodecName.allCases
    public var opus = OpusSettings()
    public var srtp: SRTPMode = .optional
    public var srtpKeying: SRTPKeying = .sdes
    public var dtmf: DTMFMode = .rfc4733
    public var extraHeaders: [ExtraHeader] = []
    public var voicemailURI: SIPURI?

    /// An account with every optional setting at its default; the user name is the AOR's.
    public init(name: String, aor: SIPURI) {
        self.name = name
        self.aor = aor
        self.username = aor.user ?? ""
    }

    public var description: String {
        let password = password.map { ", \($0)" } ?? ""
        return "account \"\(name)\" \(aor) (user \(username)\(password), transport \(transport.rawValue))"
    }

    /// Every field but the password's content, so `dump` and reflecting debug panes stay safe
    /// even if `PasswordSource`'s own mirror were bypassed.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "name": name, "aor": aor, "username": username,
            "password": password.map { $0.description } as Any,
            "displayName": displayName as Any, "transport": transport,
            "registrar": registrar as Any, "outboundProxy": outboundProxy as Any, "expires": expires,
            "caFile": caFile as Any, "tlsVerify": tlsVerify, "tlsAcceptSelfSigned": tlsAcceptSelfSigned,
            "tlsClientCertificate": tlsClientCertificate as Any, "tlsClientKey": tlsClientKey as Any,
            "mwi": mwi, "enabled": enabled, "register": register, "outbound": outbound,
            "keepalive": keepalive, "keepaliveInterval": keepaliveInterval as Any, "codecs": codecs,
            "opus": opus, "srtp": srtp, "srtpKeying": srtpKeying, "dtmf": dtmf, "extraHeaders": extraHeaders,
            "voicemailURI": voicemailURI as Any,
        ], displayStyle: .struct)
    }
}

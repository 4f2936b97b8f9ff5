import SIPSyntax

/// Everything `config.toml` configures, validated: a value of this type is never half-configured.
public struct DialtoneConfiguration: Sendable {
    public var general: GeneralSettings
    public var accounts: [AccountSettings]
    public var ui: UISettings
    public var audio = AudioSettings()
    /// The file it was read from, as given; nil when built in code.
    public var sourcePath: String?

    public init(general: GeneralSettings, accounts: [AccountSettings], ui: UISettings, sourcePath: String?) {
        self.general = general
        self.accounts = accounts
        self.ui = ui
        self.sourcePath = sourcePath
    }
}

/// The `[general]` table: settings shared by every account.
public struct GeneralSettings: Sendable, Hashable {
    /// As written (`"host"`, `"host:port"`, `"[v6]:port"`); empty means the system's resolv.conf.
    public var dnsServers: [String] = []
    public var listen: [ListenAddress] = [
        ListenAddress(transport: .udp, host: "0.0.0.0", port: 0),
        ListenAddress(transport: .tcp, host: "0.0.0.0", port: 0),
    ]
    /// The server certificate and key for `tls:` listeners (absolute paths).
    public var tlsCertificate: String?
    public var tlsKey: String?
    public var userAgent: String
    /// RTP ports to use; starts even because RTCP takes the odd port above (RFC 3550 §11).
    public var rtpPortRange: ClosedRange<Int> = 16384...32767
    /// False drops INVITEs for users we are not, which SIP scanners send by the thousand.
    public var acceptUnknownInvites = true
    public var contactsDirectory: String
    public var historyFile: String
    /// Seconds without RTP before a call is flagged; 0 turns the check off.
    public var noRTPTimeout = 30
    public var hangupOnNoRTP = false

    /// The defaults: `Dialtone/<version>`, data under `$XDG_DATA_HOME/dialtone`.
    public init(version: String, environment: [String: String]) {
        let data = ConfigLocation.dataHome(environment) + "/dialtone"
        userAgent = "Dialtone/\(version)"
        contactsDirectory = data + "/contacts"
        historyFile = data + "/history.sqlite"
    }
}

/// The `[ui]` table.
public struct UISettings: Sendable, Hashable {
    /// A theme name (`dark`) or a path to a theme file.
    public var theme = "dark"
    /// `[ui.keys]` in file order.
    public var keys: [KeyBindingEntry] = []
    /// Ring the terminal bell when a call comes in.
    public var bell = true
    /// A program (and its first arguments) run for each incoming call, e.g.
    /// `["notify-send", "Incoming call"]`; the caller is appended as arguments and set in the
    /// environment. Run directly, never through a shell, so caller text cannot inject commands.
    public var notifyCommand: [String] = []

    public init(theme: String = "dark", keys: [KeyBindingEntry] = [], bell: Bool = true, notifyCommand: [String] = []) {
        self.theme = theme
        self.keys = keys
        self.bell = bell
        self.notifyCommand = notifyCommand
    }
}

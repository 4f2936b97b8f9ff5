import Foundation

/// The configuration written by the first-run screen: `config.example.toml`'s essentials with
/// one account to fill in. The account is commented out so the file is valid as written and
/// Dialtone starts with it at once; the comments say what each key does.
public enum StarterConfig {
    public static let text = """
        # Dialtone configuration (written by the first-run screen).
        # Every key, with its default, is described in config.example.toml in Dialtone's sources.
        # Errors are reported as file:line: key: message and Dialtone does not start until they
        # are fixed; `dialtone check` registers each account once and explains any failure.

        [general]
        # Local addresses to receive SIP on: "transport:address:port"; port 0 picks a free port.
        listen = ["udp:0.0.0.0:0", "tcp:0.0.0.0:0"]

        # One [[accounts]] entry per SIP account. Remove the "# " in front of the lines below and
        # fill in your provider's details. Only name and aor are required.

        # [[accounts]]
        # name = "provider"                      # unique; shown in the status bar
        # aor = "sip:4930123456@sip.example.net" # address of record: sip:user@domain
        # password = "change-me"                 # or password_command = "pass show sip/provider"
        # transport = "udp"                      # udp, tcp, tls, or auto (DNS NAPTR/SRV)
        # registrar = "sip:sip.example.net"      # default: the aor's domain

        [ui]
        theme = "dark"                           # dark, light, monochrome, or a themes/NAME.toml

        """

    public enum WriteResult: Equatable {
        case written
        case alreadyExists
        case failed(String)
    }

    /// Writes the starter file, creating its directory; an existing file is left alone.
    public static func write(to path: String) -> WriteResult {
        if FileManager.default.fileExists(atPath: path) { return .alreadyExists }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            return .written
        } catch {
            if FileManager.default.fileExists(atPath: path) { return .alreadyExists }
            return .failed(error.localizedDescription)
        }
    }
}

import Foundation
import TOMLKit

/// The `[general]` table.
extension ConfigValidator {
    static let generalKeys = [
        "dns_servers", "listen", "tls_certificate", "tls_key", "user_agent", "rtp_port_range",
        "accept_unknown_invites", "contacts_dir", "history_file", "no_rtp_timeout", "hangup_on_no_rtp",
    ]

    mutating func general(_ table: TOMLTable?, version: String) -> GeneralSettings {
        var settings = GeneralSettings(version: version, environment: environment)
        guard let table else { return settings }
        let path = ConfigKeyPath.root.appending("general")
        rejectUnknownKeys(in: table, at: path, known: Self.generalKeys)
        if let servers = dnsServers(table, at: path) { settings.dnsServers = servers }
        if let listen = listenAddresses(table, at: path) { settings.listen = listen }
        settings.tlsCertificate = readableFile(table, "tls_certificate", at: path)
        settings.tlsKey = readableFile(table, "tls_key", at: path)
        checkServerCertificate(table, settings: settings, at: path)
        if let agent = singleLineString(table, "user_agent", at: path) {
            if agent.isEmpty { report("must not be empty", at: path.appending("user_agent")) }
            settings.userAgent = agent
        }
        if let range = rtpPortRange(table, at: path) { settings.rtpPortRange = range }
        settings.acceptUnknownInvites = bool(table, "accept_unknown_invites", at: path) ?? true
        if let directory = pathSetting(table, "contacts_dir", at: path) { settings.contactsDirectory = directory }
        if let file = pathSetting(table, "history_file", at: path) { settings.historyFile = file }
        settings.noRTPTimeout = integer(table, "no_rtp_timeout", at: path, in: 0...86_400) ?? 30
        settings.hangupOnNoRTP = bool(table, "hangup_on_no_rtp", at: path) ?? false
        return settings
    }

    private mutating func dnsServers(_ table: TOMLTable, at path: ConfigKeyPath) -> [String]? {
        guard let entries = array(table, "dns_servers", at: path) else { return nil }
        var servers: [String] = []
        for (position, element) in entries {
            let elementPath = path.appending("dns_servers").appending(.element(position))
            guard let text = string(element: element, at: elementPath) else { continue }
            do {
                _ = try AddressSyntax.hostAndPort(text, portRange: 1...65535)
                servers.append(text)
            } catch {
                report(error.reason, at: elementPath)
            }
        }
        return servers
    }

    private mutating func listenAddresses(_ table: TOMLTable, at path: ConfigKeyPath) -> [ListenAddress]? {
        guard let entries = array(table, "listen", at: path) else { return nil }
        var addresses: [ListenAddress] = []
        for (position, element) in entries {
            let elementPath = path.appending("listen").appending(.element(position))
            guard let text = string(element: element, at: elementPath) else { continue }
            do {
                let parts = try AddressSyntax.listener(text)
                guard let transport = choice(parts.transport, at: elementPath, as: ListenTransport.self) else { continue }
                addresses.append(ListenAddress(transport: transport, host: parts.host, port: parts.port))
            } catch {
                report(error.reason, at: elementPath)
            }
        }
        if entries.isEmpty { report("needs at least one address", at: path.appending("listen")) }
        return addresses
    }

    /// A TLS listener presents a certificate; a key without a certificate (or the reverse) is a
    /// half-done setup either way.
    private mutating func checkServerCertificate(_ table: TOMLTable, settings: GeneralSettings, at path: ConfigKeyPath) {
        let wantsTLS = settings.listen.contains { $0.transport == .tls }
        for (key, other) in [("tls_certificate", "tls_key"), ("tls_key", "tls_certificate")] where table[key] == nil {
            if wantsTLS {
                report("required by the tls listener", at: path.appending(key), line: line(of: path.appending("listen")))
            } else if table[other] != nil {
                report("\(other) is set but \(key) is not", at: path.appending(key), line: line(of: path.appending(other)))
            }
        }
    }

    /// `"16384-32767"`: RTP takes the even port and RTCP the odd one above it (RFC 3550 §11),
    /// so the range starts even and holds at least one pair.
    private mutating func rtpPortRange(_ table: TOMLTable, at path: ConfigKeyPath) -> ClosedRange<Int>? {
        guard let text = string(table, "rtp_port_range", at: path) else { return nil }
        let keyPath = path.appending("rtp_port_range")
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2,
            let low = Self.portNumber(bounds[0]), let high = Self.portNumber(bounds[1])
        else {
            report("\"\(text)\" is not a range of ports like \"16384-32767\"", at: keyPath)
            return nil
        }
        guard low >= 1, low % 2 == 0, low < high else {
            report("\"\(text)\" must start at an even port above 0 and hold at least two ports", at: keyPath)
            return nil
        }
        return low...high
    }

    private static func portNumber(_ text: Substring) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 5, trimmed.allSatisfy(\.isASCIIDigit),
            let value = Int(trimmed), value <= 65535
        else { return nil }
        return value
    }
}

import CAres

/// Creating and configuring an `ares_channel` so that it can only ever talk to the configured
/// servers: search domains, `HOSTALIASES` and `/etc/resolv.conf` are all kept out.
enum CAresChannel {
    /// A new channel for `configuration`, its server list read back and checked.
    static func make(_ configuration: CAresDNSClient.Configuration) throws(DNSClientSetupError) -> OpaquePointer {
        if let failure = CAresLibrary.ensureInitialized() { throw .libraryInit(failure.description) }
        var options = ares_options()
        // NOSEARCH: never append search domains; NOALIASES: ignore HOSTALIASES.
        options.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOALIASES
        options.timeout = Int32(clamping: configuration.timeout.components.seconds * 1000
            + configuration.timeout.components.attoseconds / 1_000_000_000_000_000)
        options.tries = Int32(clamping: configuration.tries)
        options.ndomains = 0
        var channel: OpaquePointer?
        // An empty resolv.conf: nothing of the system's configuration (servers, rotate, ndots)
        // gets into the channel, before or after the server list below replaces the default.
        let status = "/dev/null".withCString { path in
            options.resolvconf_path = UnsafeMutablePointer(mutating: path)
            let mask = ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_DOMAINS
                | ARES_OPT_RESOLVCONF
            return ares_init_options(&channel, &options, mask)
        }
        guard status == ARES_SUCCESS, let channel else {
            throw .channelInit(CAresStatus(status).description)
        }
        do throws(DNSClientSetupError) {
            try setServers(configuration.servers, on: channel)
        } catch {
            ares_destroy(channel)
            throw error
        }
        return channel
    }

    /// Replaces the server list (`ares_set_servers_ports_csv`) and reads it back: a silent
    /// mismatch would send queries somewhere else, which tests must never allow.
    private static func setServers(
        _ servers: [DNSServerAddress], on channel: OpaquePointer
    ) throws(DNSClientSetupError) {
        guard !servers.isEmpty else { throw .noServers }
        let csv = servers.map(\.description).joined(separator: ",")
        let status = ares_set_servers_ports_csv(channel, csv)
        guard status == ARES_SUCCESS else {
            throw .serverConfiguration("\(csv): \(CAresStatus(status))")
        }
        let configured = readServers(of: channel)
        guard configured == servers else {
            throw .serverConfiguration("asked for \(csv), c-ares has \(configured)")
        }
    }

    /// The channel's servers as c-ares holds them; port 0 means the default, 53.
    static func readServers(of channel: OpaquePointer) -> [DNSServerAddress] {
        var list: UnsafeMutablePointer<ares_addr_port_node>?
        guard ares_get_servers_ports(channel, &list) == ARES_SUCCESS else { return [] }
        defer { ares_free_data(list) }
        var servers: [DNSServerAddress] = []
        var node = list
        while let current = node?.pointee {
            let bytes: [UInt8] = current.family == AF_INET
                ? withUnsafeBytes(of: current.addr.addr4) { Array($0) }
                : withUnsafeBytes(of: current.addr.addr6) { Array($0) }
            if let address = IPAddress(bytes: bytes) {
                let port = current.udp_port == 0 ? 53 : UInt16(clamping: current.udp_port)
                servers.append(DNSServerAddress(address, port: port))
            }
            node = current.next
        }
        return servers
    }
}

/// Why a `CAresDNSClient` could not be created.
public enum DNSClientSetupError: Error, Sendable, Hashable {
    /// At least one server must be configured; c-ares would otherwise use the system's.
    case noServers
    case libraryInit(String)
    case channelInit(String)
    case serverConfiguration(String)
    case threadSetup(String)
}

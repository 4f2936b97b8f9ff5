/// A local address to accept SIP on, written `"udp:127.0.0.1:5060"` or `"tcp:[::1]:0"`.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var transport: ListenTransport
    /// An IP address literal; IPv6 without brackets.
    public var host: String
    /// 0 asks the system for an ephemeral port.
    public var port: Int

    public init(transport: ListenTransport, host: String, port: Int) {
        self.transport = transport
        self.host = host
        self.port = port
    }

    public var description: String {
        let host = host.contains(":") ? "[\(host)]" : host
        return "\(transport.rawValue):\(host):\(port)"
    }
}

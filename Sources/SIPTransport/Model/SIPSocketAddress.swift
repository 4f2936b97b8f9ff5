import NIOCore
import SIPServerLocation

/// An IP address and port: where a flow ends. Kept as `IPAddress` bytes so that `::1` and
/// `0:0::1` compare equal, which matters when a response must find the flow its request came on.
public struct SIPSocketAddress: Sendable, Hashable, CustomStringConvertible {
    public var address: IPAddress
    public var port: UInt16

    public init(_ address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// Parses an address literal (`127.0.0.1`, `::1`, `[::1]`) and a port.
    public init?(literal: String, port: UInt16) {
        guard let address = IPAddress(literal: literal) else { return nil }
        self.init(address, port: port)
    }

    /// The address of a NIO socket; nil for Unix-domain sockets, which SIP never uses.
    public init?(_ socketAddress: SocketAddress?) {
        guard let socketAddress, let text = socketAddress.ipAddress, let port = socketAddress.port,
              let address = IPAddress(literal: text), let port16 = UInt16(exactly: port)
        else { return nil }
        self.init(address, port: port16)
    }

    /// The NIO form, for binding and connecting.
    public func socketAddress() throws(SIPTransportError) -> SocketAddress {
        do {
            return try SocketAddress(ipAddress: address.description, port: Int(port))
        } catch {
            throw .invalidAddress(description)
        }
    }

    /// The host as SIP writes it in a Via or URI: IPv6 in brackets (RFC 5118 §4.5).
    public var sipHost: String {
        switch address.family {
        case .ipv4: address.description
        case .ipv6: "[\(address)]"
        }
    }

    /// `127.0.0.1:5060` or `[::1]:5060`.
    public var description: String { address.description(port: port) }
}

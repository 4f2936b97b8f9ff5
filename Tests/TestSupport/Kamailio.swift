import Foundation

/// A real kamailio 5.6 (Debian's package) for SIP tests, rendered from
/// `Tests/Peers/kamailio/kamailio.cfg.template` into a temporary directory: UDP, TCP and TLS
/// listeners on the given loopback addresses, users in db_text, and a TLS certificate from the
/// test CA. It answers OPTIONS to its domain with 200 and `Server: kamailio-test (NAME)`.
public final class Kamailio: Sendable {
    public struct Configuration: Sendable {
        /// Shows up in `Server: kamailio-test (NAME)`, so a test can tell which instance answered.
        public var name: String
        public var domain: String
        /// Loopback addresses to listen on, e.g. ["127.0.0.1", "::1"].
        public var addresses: [String]
        /// UDP and TCP port; nil picks a free one.
        public var port: UInt16?
        /// TLS port; nil picks a free one.
        public var tlsPort: UInt16?
        /// The TLS server certificate (the template enables TLS, so kamailio needs one).
        public var certificate: TestCertificateAuthority.Identity
        /// Demand a client certificate issued by this CA file.
        public var clientCAFile: String?
        /// kamailio's tls.cfg `method` and, if set, `cipher_list` (to make handshakes fail).
        public var tlsMethod: String
        public var cipherList: String?
        public var users: [(name: String, password: String)]
        public var minExpires: Int
        public var authAlgorithm: String

        public init(
            name: String, domain: String = "example.test", addresses: [String] = ["127.0.0.1"],
            certificate: TestCertificateAuthority.Identity, port: UInt16? = nil, tlsPort: UInt16? = nil,
            clientCAFile: String? = nil, tlsMethod: String = "TLSv1.2+", cipherList: String? = nil, users: [(name: String, password: String)] = [("alice", "alicepw")],
            minExpires: Int = 10, authAlgorithm: String = "MD5"
        ) {
            self.name = name
            self.domain = domain
            self.addresses = addresses
            self.port = port
            self.tlsPort = tlsPort
            self.certificate = certificate
            self.clientCAFile = clientCAFile
            self.tlsMethod = tlsMethod
            self.cipherList = cipherList
            self.users = users
            self.minExpires = minExpires
            self.authAlgorithm = authAlgorithm
        }
    }

    /// The configuration with the ports actually used: start another instance with it to
    /// bring a stopped server back on the same addresses.
    public let configuration: Configuration
    public var port: UInt16 { configuration.port! }
    public var tlsPort: UInt16 { configuration.tlsPort! }
    private let directory: TemporaryDirectory
    private let peer: PeerProcess

    /// With ports left to us, another process can take a free port before kamailio binds it;
    /// kamailio then exits at once and fresh ports are tried (up to three times).
    public init(_ requested: Configuration) async throws {
        var attempt = 0
        while true {
            attempt += 1
            var configuration = requested
            configuration.port = try requested.port ?? LoopbackPort.free(onAll: requested.addresses)
            var tlsPort = try requested.tlsPort ?? LoopbackPort.free(onAll: requested.addresses)
            while tlsPort == configuration.port { tlsPort = try LoopbackPort.free(onAll: requested.addresses) }
            configuration.tlsPort = tlsPort
            let directory = try TemporaryDirectory(prefix: "kamailio-\(requested.name)")
            try KamailioFiles(configuration: configuration, directory: directory).write()
            let peer = try PeerProcess(.init(
                name: "kamailio \(requested.name)", executable: "/usr/sbin/kamailio",
                arguments: ["-DD", "-E", "-f", directory.file("kamailio.cfg"), "-P", directory.file("kamailio.pid"), "-w", directory.path],
                workingDirectory: directory.path, logFile: directory.file("kamailio.log")))
            let probe = try KamailioProbe(configuration)
            do {
                try await peer.waitUntilReady(within: .seconds(30)) { probe.isReady() }
                self.configuration = configuration
                self.directory = directory
                self.peer = peer
                return
            } catch let failure {
                let portsWereOurs = requested.port == nil || requested.tlsPort == nil
                guard case .exited = failure, portsWereOurs, attempt < 3 else { throw failure }
            }
        }
    }

    public var log: String { peer.log() }
    public var isRunning: Bool { peer.isRunning }

    /// Stops kamailio and its workers (off the cooperative pool).
    public func stop() async {
        await peer.stopOffPool()
    }
}

/// Readiness: the SIP workers answer an OPTIONS over UDP, and the TLS port accepts connections.
/// Polled without blocking: each poll reads any answer and sends the next ping.
final class KamailioProbe: Sendable {
    private let socket: RawUDPSocket
    private let configuration: Kamailio.Configuration

    init(_ configuration: Kamailio.Configuration) throws {
        self.configuration = configuration
        socket = try RawUDPSocket(host: configuration.addresses[0])
    }

    func isReady() -> Bool {
        let host = configuration.addresses[0]
        if let answer = socket.tryReceive(), String(decoding: answer, as: UTF8.self).hasPrefix("SIP/2.0 200") {
            return RawTCPConnection.isListening(host: host, port: configuration.tlsPort!)
        }
        socket.send(Array(ping(host).utf8), to: host, port: configuration.port!)
        return false
    }

    private func ping(_ host: String) -> String {
        let sipHost = host.contains(":") ? "[\(host)]" : host
        return "OPTIONS sip:\(sipHost):\(configuration.port!) SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP \(sipHost):\(socket.port);rport;branch=z9hG4bK-ready-\(UInt32.random(in: 0...UInt32.max))\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:probe@\(sipHost)>;tag=probe\r\nTo: <sip:\(sipHost)>\r\n"
            + "Call-ID: ready-\(UInt32.random(in: 0...UInt32.max))\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
    }
}

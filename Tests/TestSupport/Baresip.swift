import Foundation

/// A headless baresip 1.0 (Debian's package) as a test peer: one account registered through a
/// kamailio (or calling directly), auto-answer, PCMU only, no sound card (`ausine` as the
/// microphone, `aubridge` as a player nobody reads), commands and events over `ctrl_tcp`.
public final class Baresip: Sendable {
    public struct Configuration: Sendable {
        public var name: String
        /// `sip:bob@example.test` with `auth_pass`, or nil for an account that never registers.
        public var user: String
        public var domain: String
        public var password: String?
        /// `127.0.0.1:5060` — kamailio, used as outbound proxy and registrar; nil: no registration.
        public var proxy: String?
        public var autoAnswer: Bool

        public init(name: String, user: String, domain: String = "example.test", password: String? = nil,
                    proxy: String? = nil, autoAnswer: Bool = true) {
            self.name = name
            self.user = user
            self.domain = domain
            self.password = password
            self.proxy = proxy
            self.autoAnswer = autoAnswer
        }
    }

    public let configuration: Configuration
    /// The SIP port baresip listens on (UDP and TCP).
    public let port: UInt16
    public let controlPort: UInt16
    private let directory: TemporaryDirectory
    private let peer: PeerProcess

    public init(_ configuration: Configuration) async throws {
        self.configuration = configuration
        // baresip also listens for TLS on the SIP port + 1 (PEERS.md): both must be free.
        var sipPort = try LoopbackPort.free()
        while !TCPLine.isFree(sipPort &+ 1) { sipPort = try LoopbackPort.free() }
        port = sipPort
        var control = try LoopbackPort.free()
        while control == port || control == port &+ 1 { control = try LoopbackPort.free() }
        controlPort = control
        directory = try TemporaryDirectory(prefix: "baresip-\(configuration.name)")
        try Self.config(port: port, control: control).write(toFile: directory.file("config"), atomically: true, encoding: .utf8)
        try Self.account(configuration).write(toFile: directory.file("accounts"), atomically: true, encoding: .utf8)
        try "".write(toFile: directory.file("contacts"), atomically: true, encoding: .utf8)
        peer = try PeerProcess(.init(
            name: "baresip \(configuration.name)", executable: "/usr/bin/baresip",
            arguments: ["-f", directory.path], workingDirectory: directory.path,
            environment: ["HOME": directory.path, "PATH": "/usr/bin:/bin"], logFile: directory.file("baresip.log")))
        let expectRegistration = configuration.proxy != nil && configuration.password != nil
        let log = directory.file("baresip.log")
        try await peer.waitUntilReady(within: .seconds(30)) {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            return expectRegistration ? text.contains("200 OK") || text.contains("REGISTER_OK") : text.contains("baresip is ready")
        }
    }

    /// `sip:user@127.0.0.1:port`: baresip reached directly.
    public var directURI: String { "sip:\(configuration.user)@127.0.0.1:\(port)" }

    public var log: String { peer.log() }
    public var isRunning: Bool { peer.isRunning }

    /// Sends a command (`dial sip:…`, `hangup`, `accept`) over ctrl_tcp as a netstring.
    public func command(_ name: String, _ parameters: String = "") async throws {
        let json = #"{"command":"\#(name)","params":"\#(parameters)","token":"t"}"#
        let frame = "\(json.utf8.count):\(json),"
        try await OffPool.run { [controlPort] in
            try TCPLine.send(frame, toPort: controlPort)
        }
    }

    /// Waits until the log shows `text` (baresip logs call progress and events).
    public func waitForLog(_ text: String, within limit: Duration = .seconds(30)) async -> Bool {
        let end = ContinuousClock.now + limit
        while ContinuousClock.now < end {
            if peer.log().contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    public func stop() async {
        await peer.stopOffPool()
    }

    static func config(port: UInt16, control: UInt16) -> String {
        """
        poll_method epoll
        sip_listen 127.0.0.1:\(port)
        net_interface 127.0.0.1
        audio_player aubridge,nil
        audio_source ausine,440
        audio_alert aubridge,nil
        ausrc_srate 48000
        ausrc_channels 2
        statmode_default off
        ctrl_tcp_listen 127.0.0.1:\(control)
        module_path /usr/lib/baresip/modules
        module g711.so
        module ausine.so
        module aubridge.so
        module_app account.so
        module_app menu.so
        module_app ctrl_tcp.so
        rtp_timeout 0

        """
    }

    static func account(_ configuration: Configuration) -> String {
        var line = "<sip:\(configuration.user)@\(configuration.domain);transport=udp>"
        if let password = configuration.password { line += ";auth_pass=\(password)" }
        if let proxy = configuration.proxy {
            line += ";outbound=\"sip:\(proxy);transport=udp\""
        } else {
            line += ";regint=0"
        }
        line += configuration.autoAnswer ? ";answermode=auto" : ";answermode=manual"
        line += ";audio_codecs=pcmu"
        return line + "\n"
    }
}

/// One TCP write to a loopback port (for ctrl_tcp commands).
enum TCPLine {
    /// Whether a TCP bind to 127.0.0.1:port succeeds now.
    static func isFree(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    static func send(_ text: String, toPort port: UInt16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackSocketError(host: "127.0.0.1", reason: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw LoopbackSocketError(host: "127.0.0.1", reason: "connect to \(port) failed") }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        usleep(100_000)
    }
}

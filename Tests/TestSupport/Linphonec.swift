import Foundation

/// linphonec 5.1 (Debian's `linphone-cli`) as an independent test phone: its own HOME and rc
/// file, one fixed SIP UDP port on 127.0.0.1, PCMU only, no sound card, optionally registered
/// through a kamailio with digest credentials.
///
/// linphonec only runs with a terminal on stdin (PEERS.md), so it runs under `script`, whose
/// stdin is a FIFO this object keeps open for writing: `command(_:)` types a line into it.
/// What linphonec prints (`Call 1 with … connected.`, `Receiving new incoming call from …`,
/// `Call 1 has been paused by …`, `Receiving tone 5 from …`) lands in the log file.
public final class Linphonec: Sendable {
    public struct Configuration: Sendable {
        public var name: String
        public var user: String
        public var domain: String
        public var password: String?
        /// `127.0.0.1:5060`: kamailio as registrar and outbound proxy; nil: never registers.
        public var proxy: String?
        /// `-a`: answer every incoming call at once.
        public var autoAnswer: Bool

        public init(name: String, user: String, domain: String = "example.test", password: String? = nil,
                    proxy: String? = nil, autoAnswer: Bool = false) {
            self.name = name
            self.user = user
            self.domain = domain
            self.password = password
            self.proxy = proxy
            self.autoAnswer = autoAnswer
        }
    }

    public let configuration: Configuration
    public let port: UInt16
    private let directory: TemporaryDirectory
    private let peer: PeerProcess
    /// The FIFO's write end (opened read-write so neither side blocks in `open`).
    private let input: Int32

    public init(_ configuration: Configuration) async throws {
        self.configuration = configuration
        port = try LoopbackPort.free()
        directory = try TemporaryDirectory(prefix: "linphonec-\(configuration.name)")
        // Without its data directory linphonec never leaves start-up (PEERS.md).
        try FileManager.default.createDirectory(
            atPath: directory.file(".local/share/linphone"), withIntermediateDirectories: true)
        let rtpPort = try LoopbackPort.free()
        try Self.rc(configuration, port: port, rtpPort: rtpPort)
            .write(toFile: directory.file("linphonerc"), atomically: true, encoding: .utf8)
        let fifo = directory.file("stdin.fifo")
        guard mkfifo(fifo, 0o600) == 0 else { throw LoopbackSocketError(host: fifo, reason: "mkfifo failed") }
        input = open(fifo, O_RDWR)
        guard input >= 0 else { throw LoopbackSocketError(host: fifo, reason: "open failed") }
        let linphonec = "/usr/bin/linphonec -c \(directory.file("linphonerc")) -d 0" + (configuration.autoAnswer ? " -a" : "")
        do {
            peer = try PeerProcess(.init(
                name: "linphonec \(configuration.name)", executable: "/bin/sh",
                arguments: ["-c", "exec /usr/bin/script -q -f -c '\(linphonec)' /dev/null < '\(fifo)'"],
                workingDirectory: directory.path,
                environment: ["HOME": directory.path, "PATH": "/usr/bin:/bin", "TERM": "dumb"],
                logFile: directory.file("linphonec.log")))
        } catch {
            close(input)
            throw error
        }
        try await peer.waitUntilReady(within: .seconds(30)) { [peer] in peer.log().contains("linphonec>") }
        if configuration.proxy != nil, configuration.password != nil {
            try await peer.waitUntilReady(within: .seconds(30), every: .milliseconds(300)) { [self] in
                command("status register")
                return log.contains("registered, identity=")
            }
        }
    }

    deinit {
        peer.stop()
        close(input)
    }

    /// `sip:user@127.0.0.1:port`: linphonec reached directly.
    public var directURI: String { "sip:\(configuration.user)@127.0.0.1:\(port)" }
    public var log: String { peer.log() }
    public var isRunning: Bool { peer.isRunning }

    /// Types one command line (`call sip:…`, `answer`, `terminate`, `pause`, `resume`, `dtmf 5`).
    @discardableResult
    public func command(_ line: String) -> Bool {
        let bytes = Array((line + "\n").utf8)
        return bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Waits until the log shows `text`, `count` times.
    public func waitForLog(_ text: String, count: Int = 1, within limit: Duration = .seconds(30)) async -> Bool {
        let end = ContinuousClock.now + limit
        while ContinuousClock.now < end {
            if peer.log().components(separatedBy: text).count - 1 >= count { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Asks linphonec to quit (so it un-registers), then stops the process group.
    public func stop() async {
        if peer.isRunning {
            command("quit")
            _ = await peer.waitForExitOffPool(within: .seconds(3))
        }
        await peer.stopOffPool()
    }

    static func rc(_ configuration: Configuration, port: UInt16, rtpPort: UInt16) -> String {
        // nat_address + firewall_policy 1 put 127.0.0.1 in the SDP: otherwise linphonec offers
        // the address of the default route (PEERS.md). ipv6_migration_done keeps use_ipv6=0.
        // `supported` without gruu: with it linphonec puts `sip:user@domain;gr=urn:uuid:…` in
        // Contact although kamailio (no GRUU support) granted none, and in-dialog requests die
        // at the proxy with 478.
        var text = """
            [sip]
            sip_port=\(port)
            sip_tcp_port=0
            sip_tls_port=0
            bind_address=127.0.0.1
            guess_hostname=0
            use_ipv6=0
            ipv6_migration_done=1
            register_only_when_network_is_up=0
            supported=replaces
            contact="\(configuration.name)" <sip:\(configuration.user)@127.0.0.1>
            default_proxy=\(configuration.proxy == nil ? -1 : 0)
            [net]
            nat_address=127.0.0.1
            firewall_policy=1
            [rtp]
            audio_rtp_port=\(rtpPort)
            bind_address=127.0.0.1
            [sound]
            echocancellation=0
            [video]
            enabled=0
            capture=0
            display=0

            """
        // Codecs missing from the file are added enabled (PEERS.md): list the others disabled.
        let codecs = [("PCMU", 8000, 1, 1), ("opus", 48000, 2, 0), ("speex", 16000, 1, 0), ("speex", 8000, 1, 0),
                      ("speex", 32000, 1, 0), ("PCMA", 8000, 1, 0), ("G729", 8000, 1, 0), ("GSM", 8000, 1, 0),
                      ("G722", 8000, 1, 0)]
        for (index, codec) in codecs.enumerated() {
            text += "[audio_codec_\(index)]\nmime=\(codec.0)\nrate=\(codec.1)\nchannels=\(codec.2)\nenabled=\(codec.3)\n"
        }
        if let proxy = configuration.proxy {
            text += """
                [proxy_0]
                reg_proxy=<sip:\(proxy);transport=udp>
                reg_route=<sip:\(proxy);transport=udp;lr>
                reg_identity="\(configuration.name)" <sip:\(configuration.user)@\(configuration.domain)>
                reg_expires=60
                reg_sendregister=\(configuration.password == nil ? 0 : 1)
                publish=0

                """
        }
        if let password = configuration.password {
            text += """
                [auth_info_0]
                username=\(configuration.user)
                userid=\(configuration.user)
                passwd=\(password)
                realm=\(configuration.domain)
                domain=\(configuration.domain)

                """
        }
        return text
    }
}

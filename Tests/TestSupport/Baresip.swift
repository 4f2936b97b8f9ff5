import Foundation

/// A headless baresip 1.0 (Debian's package) as a test peer: one account registered through a
/// kamailio (or calling directly), auto-answer, PCMU unless told otherwise, no sound card
/// (`ausine` or a WAV file through `aufile` as the microphone, `aubridge` as a player nobody
/// reads, `sndfile` to record), SDES-SRTP or DTLS-SRTP on request, commands and events over
/// `ctrl_tcp`.
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
        /// baresip's `audio_codecs` for the account, in its order: "pcmu", "pcma", "g722", "opus".
        public var audioCodecs: [String] = ["pcmu"]
        /// baresip's `mediaenc`: nil (plain RTP), "srtp" (optional), "srtp-mand", "srtp-mandf"
        /// (RTP/SAVPF), "dtls_srtp" (loads dtls_srtp.so, which makes a key at start-up).
        public var mediaEncryption: String?
        /// A WAV file (48 kHz mono, S16) played as the microphone by `aufile` instead of a sine.
        /// baresip's menu hangs the call up when the file ends (`audio error (0,end of file)`),
        /// which makes the file's length the call's length.
        public var playFile: String?
        /// Records each call's decoded (heard) and encoded (sent) audio with `sndfile`, as
        /// `dump-<time>-<peer>-dec.wav` / `-enc.wav` at the codec's rate; see `heardRecordings`.
        /// (Debian's baresip 1.0 `aufile` has no player, so this is how baresip records.)
        public var recordsAudio = false

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
        try Self.config(port: port, control: control, media: Self.mediaConfig(configuration, directory: directory.path)).write(toFile: directory.file("config"), atomically: true, encoding: .utf8)
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
    /// The working directory (sndfile recordings land here).
    public var directoryPath: String { directory.path }

    /// The `-dec.wav` files sndfile wrote (what baresip heard), oldest first. sndfile writes the
    /// WAV header when the call ends, so read them after `CALL_CLOSED`/`terminated`.
    public func heardRecordings() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix("dump-") && $0.hasSuffix("-dec.wav") }.sorted().map { directory.file($0) }
    }
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

    static func config(port: UInt16, control: UInt16, media: MediaConfig = MediaConfig()) -> String {
        """
        poll_method epoll
        sip_listen 127.0.0.1:\(port)
        net_interface 127.0.0.1
        audio_player aubridge,nil
        audio_source \(media.source)
        audio_alert aubridge,nil
        ausrc_srate 48000
        ausrc_channels \(media.sourceChannels)
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
        \(media.extraLines)

        """
    }

    /// baresip reads a bare `opus` as opus/8000/1 and finds no such codec: Opus needs its
    /// rtpmap clock and channels (RFC 7587 §7).
    static func codecSpec(_ name: String) -> String {
        name.lowercased() == "opus" ? "opus/48000/2" : name
    }

    /// The config lines the media options change.
    struct MediaConfig {
        var source = "ausine,440"
        /// `ausine` makes stereo only (PEERS.md); `aufile` wants the file's own channel count.
        var sourceChannels = 2
        var extraLines = ""
    }

    static func mediaConfig(_ configuration: Configuration, directory: String) -> MediaConfig {
        var media = MediaConfig()
        var lines = ["module g722.so", "module opus.so", "module srtp.so"]
        if let file = configuration.playFile {
            media.source = "aufile,\(file)"
            media.sourceChannels = 1
            lines.append("module aufile.so")
        }
        if configuration.recordsAudio {
            lines += ["snd_path \(directory)", "module sndfile.so"]
        }
        if configuration.mediaEncryption == "dtls_srtp" { lines.append("module dtls_srtp.so") }
        media.extraLines = lines.joined(separator: "\n")
        return media
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
        line += ";audio_codecs=" + configuration.audioCodecs.map(Self.codecSpec).joined(separator: ",")
        if let encryption = configuration.mediaEncryption { line += ";mediaenc=\(encryption)" }
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

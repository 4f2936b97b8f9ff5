import Foundation

/// dnsmasq (Debian's dnsmasq-base) serving a test zone on 127.0.0.1 and ::1 at a free high port.
/// `--no-resolv` and `--local=/DOMAIN/` mean it never forwards anything: names outside the zone
/// are refused, names inside it that it does not know are NXDOMAIN.
public final class DNSMasqServer: Sendable {
    public let port: UInt16
    private let directory: TemporaryDirectory
    private let peer: PeerProcess

    /// Starts dnsmasq with `records` (dnsmasq options such as `--srv-host=…`) and waits until it
    /// accepts connections (it binds UDP and TCP together).
    /// Another test (or helper process) can take the free port between our check and dnsmasq's
    /// bind; dnsmasq then exits at once, and a fresh port is tried (up to three times).
    public init(records: [String], localDomain: String = "example.test", localTTL: UInt32 = 120) async throws {
        directory = try TemporaryDirectory(prefix: "dnsmasq")
        var attempt = 0
        while true {
            attempt += 1
            let port = try LoopbackPort.free(onAll: ["127.0.0.1", "::1"])
            let arguments = [
                "-C", "/dev/null", "--no-resolv", "--no-hosts", "--no-daemon", "--log-queries",
                "--log-facility=-", "--port=\(port)", "--listen-address=127.0.0.1",
                "--listen-address=::1", "--bind-interfaces", "--local=/\(localDomain)/",
                "--pid-file=\(directory.file("dnsmasq-\(attempt).pid"))", "--local-ttl=\(localTTL)",
            ] + records
            let peer = try PeerProcess(.init(
                name: "dnsmasq", executable: "/usr/sbin/dnsmasq", arguments: arguments,
                workingDirectory: directory.path, logFile: directory.file("dnsmasq-\(attempt).log")))
            do {
                try await peer.waitUntilReady(within: .seconds(30)) {
                    RawTCPConnection.isListening(host: "127.0.0.1", port: port)
                }
                self.port = port
                self.peer = peer
                return
            } catch let failure {
                guard case .exited = failure, attempt < 3 else { throw failure }
            }
        }
    }

    /// `127.0.0.1:PORT`, the form `--dns-server` and `DNSServerAddress(parsing:)` take.
    public var address: String { "127.0.0.1:\(port)" }
    public var addressV6: String { "[::1]:\(port)" }

    public var log: String { peer.log() }

    public func stop() {
        peer.stop()
    }
}

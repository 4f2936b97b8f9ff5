import Foundation
import SIPServerLocation
import TestSupport

/// dnsmasq serving a test zone under `example.test` on 127.0.0.1 and ::1 at a free high port.
/// `--no-resolv` and `--local=/example.test/` mean it never forwards anything: names outside
/// the zone are refused, names inside it that it does not know are NXDOMAIN.
final class DNSMasq: Sendable {
    let port: UInt16
    private let directory: TemporaryDirectory
    private let peer: PeerProcess

    /// Starts dnsmasq with `records` (dnsmasq options) and waits until it answers.
    init(records: [String] = TestZone.records, localTTL: UInt32 = TestZone.localTTL) async throws {
        directory = try TemporaryDirectory(prefix: "dnsmasq")
        port = try LoopbackPort.free()
        let arguments = [
            "-C", "/dev/null", "--no-resolv", "--no-hosts", "--no-daemon", "--log-queries",
            "--log-facility=-", "--port=\(port)", "--listen-address=127.0.0.1",
            "--listen-address=::1", "--bind-interfaces", "--local=/example.test/",
            "--pid-file=\(directory.file("dnsmasq.pid"))", "--local-ttl=\(localTTL)",
        ] + records
        peer = try PeerProcess(.init(
            name: "dnsmasq", executable: "/usr/sbin/dnsmasq", arguments: arguments,
            workingDirectory: directory.path, logFile: directory.file("dnsmasq.log")))
        let probe = try CAresDNSClient(.init(servers: [server], timeout: .milliseconds(100), tries: 1))
        try await peer.waitUntilReady(within: .seconds(30)) {
            switch await Self.probe(probe) {
            case .success, .failure(.nameNotFound), .failure(.noRecords): true
            case .failure: false
            }
        }
    }

    /// dnsmasq's address on IPv4 loopback.
    var server: DNSServerAddress { DNSServerAddress(IPAddress(literal: "127.0.0.1")!, port: port) }
    /// dnsmasq's address on IPv6 loopback.
    var serverV6: DNSServerAddress { DNSServerAddress(IPAddress(literal: "::1")!, port: port) }

    /// A c-ares client pointed at this dnsmasq only.
    func client(timeout: Duration = .seconds(2), tries: Int = 2) throws -> CAresDNSClient {
        try CAresDNSClient(.init(servers: [server], timeout: timeout, tries: tries))
    }

    var log: String { peer.log() }

    func stop() {
        peer.stop()
    }

    private static func probe(_ client: CAresDNSClient) async -> Result<[AddressRecord], DNSError> {
        do throws(DNSError) {
            return .success(try await client.a("ready.example.test"))
        } catch {
            return .failure(error)
        }
    }
}

/// The zone the integration tests query: NAPTR for TLS, TCP and UDP in one Order (plus an
/// SCTP record and a record of a later Order that must be ignored), a primary and a backup SRV
/// target per transport, and names with only SRV, only A, and nothing.
enum TestZone {
    static let localTTL: UInt32 = 120
    static let records = [
        "--naptr-record=example.test,5,10,S,SIP+D2S,,_sip._sctp.example.test",
        "--naptr-record=example.test,10,10,S,SIPS+D2T,,_sips._tcp.example.test",
        "--naptr-record=example.test,10,20,S,SIP+D2T,,_sip._tcp.example.test",
        "--naptr-record=example.test,10,30,S,SIP+D2U,,_sip._udp.example.test",
        "--naptr-record=example.test,50,10,S,SIP+D2U,,_sip._udp.srvonly.example.test",
        "--srv-host=_sips._tcp.example.test,sip1.example.test,5061,10,0",
        "--srv-host=_sips._tcp.example.test,sip2.example.test,5061,20,0",
        "--srv-host=_sip._tcp.example.test,sip1.example.test,5060,10,0",
        "--srv-host=_sip._tcp.example.test,sip2.example.test,5060,20,0",
        "--srv-host=_sip._udp.example.test,sip1.example.test,5060,10,0",
        "--srv-host=_sip._udp.example.test,sip2.example.test,5060,20,0",
        "--srv-host=_sip._udp.srvonly.example.test,sip2.example.test,5070,10,0",
        "--host-record=sip1.example.test,127.0.0.2,::1,300",
        "--host-record=sip2.example.test,127.0.0.3,600",
        "--host-record=plain.example.test,127.0.0.4",
        "--host-record=ready.example.test,127.0.0.5",
    ]
}

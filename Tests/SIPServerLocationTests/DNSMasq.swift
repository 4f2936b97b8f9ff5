import Foundation
import SIPServerLocation
import TestSupport

/// The resolver tests' view of dnsmasq (`TestSupport.DNSMasqServer`) serving `TestZone`, with
/// a c-ares client pointed at it only.
final class DNSMasq: Sendable {
    private let dnsmasq: DNSMasqServer
    var port: UInt16 { dnsmasq.port }

    /// Starts dnsmasq with `records` and waits until it answers.
    init(records: [String] = TestZone.records, localTTL: UInt32 = TestZone.localTTL) async throws {
        dnsmasq = try await DNSMasqServer(records: records, localTTL: localTTL)
    }

    /// dnsmasq's address on IPv4 loopback.
    var server: DNSServerAddress { DNSServerAddress(IPAddress(literal: "127.0.0.1")!, port: port) }
    /// dnsmasq's address on IPv6 loopback.
    var serverV6: DNSServerAddress { DNSServerAddress(IPAddress(literal: "::1")!, port: port) }

    /// A c-ares client pointed at this dnsmasq only.
    /// Generous by default: a loaded 2-core CI machine can delay dnsmasq past a 2 s try.
    func client(timeout: Duration = .seconds(3), tries: Int = 3) throws -> CAresDNSClient {
        try CAresDNSClient(.init(servers: [server], timeout: timeout, tries: tries))
    }

    var log: String { dnsmasq.log }

    func stop() {
        dnsmasq.stop()
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

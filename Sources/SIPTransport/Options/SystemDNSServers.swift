import Foundation
import SIPServerLocation

/// The DNS servers of the system (`nameserver` lines of resolv.conf, resolv.conf(5)), used when
/// the user names none. Only numeric addresses count; c-ares is never pointed at a name.
public enum SystemDNSServers {
    public static func parse(_ text: String) -> [DNSServerAddress] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, fields[0] == "nameserver" else { return nil }
            let address = fields[1].split(separator: "%").first.map(String.init) ?? ""
            return DNSServerAddress(parsing: address)
        }
    }

    public static func read(_ path: String = "/etc/resolv.conf") -> [DNSServerAddress] {
        (try? String(contentsOfFile: path, encoding: .utf8)).map(parse) ?? []
    }
}

/// A DNS client for when no server is configured at all: every query fails, so a numeric URI
/// still works and a domain fails with a clear reason.
public struct UnavailableDNSClient: DNSClient {
    public init() {}
    public func naptr(_ name: String) async throws(DNSError) -> [NAPTRRecord] { throw failure(.naptr, name) }
    public func srv(_ name: String) async throws(DNSError) -> [SRVRecord] { throw failure(.srv, name) }
    public func a(_ name: String) async throws(DNSError) -> [AddressRecord] { throw failure(.a, name) }
    public func aaaa(_ name: String) async throws(DNSError) -> [AddressRecord] { throw failure(.aaaa, name) }

    private func failure(_ type: DNSRecordType, _ name: String) -> DNSError {
        .clientFailure(DNSQuestion(type, name), detail: "no DNS server configured (use --dns-server or dns_servers)")
    }
}

import ArgumentParser
import Foundation
import SIPTransport

/// `dialtone options`: a SIP ping. Resolves the URI as RFC 3263 says, sends OPTIONS with
/// failover and prints each step, the answer and who gave it. Wiring only: the work and the
/// report live in `SIPTransport.OptionsProbe`, where they are tested.
struct OptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "options",
        abstract: "Check that a SIP server answers (an OPTIONS ping with RFC 3263 server location).",
        usage: "dialtone options URI [--dns-server HOST[:PORT]]... [--ca-file FILE] [--transport udp|tcp|tls] [--insecure] [--timeout SECONDS] [--json]",
        discussion: "Exit status: 0 a server sent a final response (any status; the output says which), 1 no server answered (DNS failure, TLS error, timeout), 2 usage error.")

    @Argument(help: ArgumentHelp("The SIP or SIPS URI to ping, e.g. sip:example.com or sips:example.com.", valueName: "URI"))
    var uri: String

    @Option(name: .customLong("dns-server"), help: ArgumentHelp("A DNS server to ask instead of the system's (repeatable).", valueName: "HOST[:PORT]"))
    var dnsServers: [String] = []

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("Trust only the CA certificates in this PEM file for TLS.", valueName: "FILE"))
    var caFile: String?

    @Option(help: ArgumentHelp("Use only this transport: udp, tcp or tls.", valueName: "udp|tcp|tls"))
    var transport: String?

    @Flag(help: "Accept a TLS certificate that fails verification (reported as a warning).")
    var insecure = false

    @Option(help: ArgumentHelp("Seconds to wait for each server before trying the next.", valueName: "SECONDS"))
    var timeout: Double = 5

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let configuration: OptionsProbeConfiguration
        do throws(OptionsUsageError) {
            configuration = try OptionsProbeConfiguration(
                uri: uri, dnsServers: dnsServers, caFile: caFile, transport: transport, insecure: insecure, timeout: timeout)
        } catch {
            throw ValidationError(error.description)
        }
        let report = BlockingWait.run { await OptionsProbe(configuration).run() }
        print(json ? report.jsonText() : report.text())
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}

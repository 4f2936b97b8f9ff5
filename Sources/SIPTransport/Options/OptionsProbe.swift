import NIOCore
import NIOPosix
import SIPServerLocation
import SIPSyntax

/// `dialtone options` as a testable value: locate the server (RFC 3263), send OPTIONS
/// (RFC 3261 §11) with failover, and report what happened. The command only parses arguments
/// and prints the report.
public struct OptionsProbe: Sendable {
    public let configuration: OptionsProbeConfiguration
    /// How long after a failover the preferred target is tried again; one probe never waits
    /// that long, so it only matters to callers that reuse `TargetList`s.
    public var failbackInterval: Duration = .seconds(60)

    public init(_ configuration: OptionsProbeConfiguration) {
        self.configuration = configuration
    }

    /// Runs the probe on its own event loop thread, which it shuts down before returning.
    public func run() async -> OptionsReport {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let report = await run(on: group)
        try? await group.shutdownGracefully()
        return report
    }

    /// Runs the probe on `group`.
    public func run(on group: any EventLoopGroup) async -> OptionsReport {
        var report = OptionsReport(
            uri: configuration.uri.description, resolution: [], targets: [], attempts: [], answered: false)
        let resolution: Resolution
        do throws(ServerLocationError) {
            resolution = try await ServerLocator(client: dnsClient()).locate(configuration.target)
        } catch {
            report.resolution = error.steps.map(\.description)
            report.failure = .init(kind: "dns", message: error.description)
            return report
        }
        report.resolution = resolution.renderedSteps
        report.targets = resolution.targets.map(\.description)
        let transport = SIPTransportLayer(
            configuration: .init(connectTimeout: configuration.timeout, userAgent: configuration.userAgent), group: group)
        let layer = TransactionLayer(transport: transport, configuration: .init(userAgent: configuration.userAgent))
        let options = RequestOptions(tls: configuration.tls, serverName: configuration.serverName, attemptTimeout: configuration.timeout)
        let outcome = await layer.send(request(), over: resolution.targetList(failbackInterval: failbackInterval), options: options)
        await transport.shutdown()
        OptionsReportBuilder.fill(&report, with: outcome)
        return report
    }

    /// c-ares on the given servers, else on the system's; if there are none, a client that fails
    /// every query (a numeric URI needs none). `--timeout` bounds each DNS query too: a short
    /// timeout gets one try of at most that long, so a dead DNS server cannot stretch the probe.
    private func dnsClient() -> any DNSClient {
        let servers = configuration.dnsServers.isEmpty ? SystemDNSServers.read() : configuration.dnsServers
        let perTry = min(configuration.timeout, .seconds(2))
        let tries = configuration.timeout < .seconds(4) ? 1 : 2
        guard !servers.isEmpty, let client = try? CAresDNSClient(.init(servers: servers, timeout: perTry, tries: tries)) else {
            return UnavailableDNSClient()
        }
        return client
    }

    /// OPTIONS to the URI itself, as a UA pings a server (RFC 3261 §11.1).
    func request() -> SIPRequest {
        var random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
        var headers = SIPHeaders()
        headers.append(.maxForwards, "70")
        headers.append(.from, "<sip:options@dialtone.invalid>;tag=\(RandomToken.make(using: &random))")
        headers.append(.to, "<\(configuration.uri)>")
        headers.append(.callID, RandomToken.make(using: &random) + "@dialtone")
        headers.append(.cseq, "1 OPTIONS")
        headers.append(.userAgent, configuration.userAgent)
        headers.append(.accept, "application/sdp")
        headers.append(.contentLength, "0")
        return SIPRequest(method: .options, uri: .sip(configuration.uri), headers: headers)
    }
}

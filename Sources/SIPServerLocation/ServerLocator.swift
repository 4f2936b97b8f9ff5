/// RFC 3263 §4 server location: from a SIP URI to the ordered list of (transport, address,
/// port) to try, through NAPTR, SRV and A/AAAA queries on an injected `DNSClient`.
///
/// The rules themselves are pure (`LocationPlan`, `NAPTRSelection`, `SRVOrdering`); this actor
/// only sequences the queries and records each step. It is an actor because it owns the random
/// generator for RFC 2782 weighted selection, injected so tests are deterministic. Put a
/// `CachingDNSClient` in front of the real client to honour TTLs across resolutions.
public actor ServerLocator {
    public struct Configuration: Sendable, Hashable {
        /// Enabled transports, in our order of preference for the SRV queries made when a domain
        /// has no usable NAPTR records (RFC 3263 §4.1 leaves that order to the client).
        public var transports: [SIPTransport]
        /// Which family's addresses of one host are tried first; both are kept.
        public var addressFamilyOrder: AddressFamilyOrder

        public init(
            transports: [SIPTransport] = [.tls, .tcp, .udp],
            addressFamilyOrder: AddressFamilyOrder = .ipv4First
        ) {
            self.transports = transports
            self.addressFamilyOrder = addressFamilyOrder
        }
    }

    let client: any DNSClient
    let configuration: Configuration
    var random: any RandomNumberGenerator & Sendable

    public init(
        client: any DNSClient, configuration: Configuration = Configuration(),
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        self.client = client
        self.configuration = configuration
        self.random = random
    }

    /// The targets for `uri`, in the order to try them, with the steps that found them.
    public func locate(_ uri: SIPTargetURI) async throws(ServerLocationError) -> Resolution {
        let (plan, rules) = try LocationPlan.make(for: uri, transports: configuration.transports)
        var log = rules.map(ResolutionStep.rule)
        let candidates: [ServiceCandidate]
        switch plan {
        case .numericHost(let address, let transport, let port):
            let endpoint = TransportEndpoint(transport, address, port: port)
            log.append(.chose(endpoint, position: 0, .numericHost))
            let target = ResolvedTarget(
                transport: transport, address: address, port: port,
                hostName: address.description, via: log)
            return Resolution(uri: uri, targets: [target], steps: log)
        case .addressLookup(let domain, let transport, let port):
            candidates = [ServiceCandidate(
                transport: transport, host: domain, port: port, reason: .explicitPort(port), via: log)]
        case .srvLookup(let domain, let transport):
            let query = SRVQuery(transport: transport, name: transport.srvName(in: domain), via: log)
            candidates = try await services(for: [query], domain: domain, fallback: transport, &log)
        case .naptrLookup(let domain):
            candidates = try await naptrServices(domain, scheme: uri.scheme, &log)
        }
        let targets = await addressTargets(for: candidates, &log)
        guard !targets.isEmpty else { throw Self.emptyResult(for: uri, log) }
        return Resolution(uri: uri, targets: targets, steps: log)
    }

    /// RFC 3263 §4.1: NAPTR for the domain; follow the usable records to SRV, or, if there
    /// are none, query SRV for each enabled transport. A failed NAPTR query (timeout,
    /// SERVFAIL) counts as "no NAPTR": some middleboxes mishandle NAPTR, and the SRV queries
    /// that follow show whether the server works at all.
    private func naptrServices(
        _ domain: String, scheme: SIPScheme, _ log: inout [ResolutionStep]
    ) async throws(ServerLocationError) -> [ServiceCandidate] {
        let answer: Result<[NAPTRRecord], DNSError>
        do throws(DNSError) {
            answer = .success(try await client.naptr(domain))
        } catch {
            answer = .failure(error)
        }
        log.append(.naptr(domain, answer))
        let naptrStep = log[log.count - 1]
        let selection = NAPTRSelection.select(
            (try? answer.get()) ?? [], scheme: scheme, transports: configuration.transports)
        log += selection.rules.map(ResolutionStep.rule)
        let fallback = LocationPlan.defaultTransport(for: scheme, enabled: configuration.transports)
        guard let first = selection.choices.first else {
            let transports = configuration.transports.filter { scheme == .sip || $0 == .tls }
            let rule = ResolutionStep.rule(.srvPerTransport(domain: domain, transports))
            log.append(rule)
            let queries = transports.map {
                SRVQuery(transport: $0, name: $0.srvName(in: domain), via: [naptrStep, rule])
            }
            return try await services(for: queries, domain: domain, fallback: fallback ?? .udp, &log)
        }
        let queries = selection.choices.map { choice in
            SRVQuery(transport: choice.transport, name: choice.record.replacement,
                     via: [naptrStep, .rule(.naptrFollowed(choice.record, choice.transport))])
        }
        return try await services(for: queries, domain: domain, fallback: first.transport, &log)
    }
}

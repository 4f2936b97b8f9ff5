extension ServerLocator {
    /// RFC 3263 §4.2 and RFC 2782: the SRV queries (concurrently), each answer ordered by
    /// priority and weight. With no SRV records at all, the domain's A/AAAA on the default
    /// port of `fallback`; but not when a query failed (the records might exist, and falling
    /// back would bypass them, e.g. TLS) nor when SRV says the service is not offered.
    func services(
        for queries: [SRVQuery], domain: String, fallback: SIPTransport,
        _ log: inout [ResolutionStep]
    ) async throws(ServerLocationError) -> [ServiceCandidate] {
        let answers = await concurrentLookups(queries.map(\.name)) { [client] name async throws(DNSError) in
            try await client.srv(name)
        }
        var candidates: [ServiceCandidate] = []
        var srvSteps: [ResolutionStep] = []
        var notOffered = false
        for (query, answer) in zip(queries, answers) {
            let step = ResolutionStep.srv(query.name, answer)
            log.append(step)
            srvSteps.append(step)
            let records = (try? answer.get()) ?? []
            let usable = records.filter { !$0.isServiceUnavailable }
            if usable.isEmpty, !records.isEmpty {
                log.append(.rule(.serviceNotOffered(srvName: query.name)))
                notOffered = true
            }
            candidates += SRVOrdering.order(usable, using: &random).map { pick in
                ServiceCandidate(transport: query.transport, host: pick.record.target,
                                 port: pick.record.port, reason: .srv(pick.record, pick.selection),
                                 via: query.via + [step])
            }
        }
        guard candidates.isEmpty else { return candidates }
        if let failure = answers.compactMap(\.failure).first(where: { !$0.isDefiniteAnswer }) {
            throw .lookupFailed(failure, steps: log)
        }
        if notOffered { throw .serviceNotOffered(domain, steps: log) }
        let rule = ResolutionStep.rule(.addressFallback(domain: domain, fallback, port: fallback.defaultPort))
        log.append(rule)
        let via = (queries.first?.via ?? []) + srvSteps + [rule]
        return [ServiceCandidate(transport: fallback, host: domain, port: fallback.defaultPort,
                                 reason: .addressFallback(port: fallback.defaultPort), via: via)]
    }

    /// The error for a resolution that found no target: a query failure if there was one (it
    /// may have hidden the records), NXDOMAIN if every address lookup said so, else "no
    /// addresses".
    static func emptyResult(for uri: SIPTargetURI, _ log: [ResolutionStep]) -> ServerLocationError {
        if let failure = log.compactMap(\.failure).first(where: { !$0.isDefiniteAnswer }) {
            return .lookupFailed(failure, steps: log)
        }
        var addressFailures: [DNSError] = []
        for step in log {
            switch step {
            case .a(_, .failure(let error)), .aaaa(_, .failure(let error)): addressFailures.append(error)
            case .a, .aaaa, .naptr, .srv, .rule, .chose: continue
            }
        }
        if case .nameNotFound(let name)? = addressFailures.first,
           addressFailures.allSatisfy({ if case .nameNotFound = $0 { true } else { false } }) {
            return .nameNotFound(name, steps: log)
        }
        return .noAddresses(uri.domain, steps: log)
    }
}

extension Result where Failure == DNSError {
    /// The error of a failed answer.
    var failure: DNSError? {
        switch self {
        case .success: nil
        case .failure(let error): error
        }
    }
}

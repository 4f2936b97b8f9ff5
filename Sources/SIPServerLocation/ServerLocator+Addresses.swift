extension ServerLocator {
    /// RFC 3263 §4.2: A and AAAA for every candidate host (each host once, all concurrently),
    /// then one target per address in candidate order, the preferred family first. An endpoint
    /// reached twice is listed once: trying it again after it failed gains nothing.
    func addressTargets(
        for candidates: [ServiceCandidate], _ log: inout [ResolutionStep]
    ) async -> [ResolvedTarget] {
        let hosts = candidates.reduce(into: [String]()) { hosts, candidate in
            if !hosts.contains(candidate.host) { hosts.append(candidate.host) }
        }
        async let aAnswers = concurrentLookups(hosts) { [client] name async throws(DNSError) in
            try await client.a(name)
        }
        async let aaaaAnswers = concurrentLookups(hosts) { [client] name async throws(DNSError) in
            try await client.aaaa(name)
        }
        let (v4, v6) = await (aAnswers, aaaaAnswers)
        var steps: [String: [ResolutionStep]] = [:]
        for (index, host) in hosts.enumerated() {
            let pair: [ResolutionStep] = [.a(host, v4[index]), .aaaa(host, v6[index])]
            steps[host] = configuration.addressFamilyOrder == .ipv4First ? pair : pair.reversed()
            log += pair
        }
        var targets: [ResolvedTarget] = []
        for candidate in candidates {
            for (step, record) in Self.addresses(in: steps[candidate.host] ?? []) {
                let endpoint = TransportEndpoint(candidate.transport, record.address, port: candidate.port)
                guard !targets.contains(where: { $0.endpoint == endpoint }) else {
                    log.append(.rule(.duplicateTarget(endpoint)))
                    continue
                }
                let chose = ResolutionStep.chose(endpoint, position: targets.count, candidate.reason)
                log.append(chose)
                targets.append(ResolvedTarget(
                    transport: candidate.transport, address: record.address, port: candidate.port,
                    hostName: candidate.host, via: candidate.via + [step, chose]))
            }
        }
        return targets
    }

    /// The address records of the A/AAAA steps, in step order, each with the step it came from.
    private static func addresses(in steps: [ResolutionStep]) -> [(ResolutionStep, AddressRecord)] {
        steps.flatMap { step -> [(ResolutionStep, AddressRecord)] in
            switch step {
            case .a(_, .success(let records)), .aaaa(_, .success(let records)):
                records.map { (step, $0) }
            case .a, .aaaa, .naptr, .srv, .rule, .chose:
                []
            }
        }
    }
}

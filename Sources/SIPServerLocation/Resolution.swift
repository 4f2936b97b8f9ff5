/// The outcome of RFC 3263 server location: targets in the order to try them, and the record of
/// how they were found.
public struct Resolution: Sendable, Hashable {
    public var uri: SIPTargetURI
    /// Try the first; on timeout, transport error or 503 move to the next (RFC 3263 §4.3).
    public var targets: [ResolvedTarget]
    /// Every query with its answer, every rule applied and every target chosen, in order.
    public var steps: [ResolutionStep]

    public init(uri: SIPTargetURI, targets: [ResolvedTarget], steps: [ResolutionStep]) {
        self.uri = uri
        self.targets = targets
        self.steps = steps
    }

    /// The steps as the one-line texts the debug pane and `dialtone check` print.
    public var renderedSteps: [String] { steps.map(\.description) }
}

/// A place to look up addresses: a host with the transport and port it serves, produced by
/// the NAPTR/SRV stage and consumed by the address stage.
struct ServiceCandidate: Sendable {
    var transport: SIPTransport
    var host: String
    var port: UInt16
    var reason: TargetChoiceReason
    /// The steps that led to this candidate.
    var via: [ResolutionStep]
}

/// An SRV name to query and the steps that led to it.
struct SRVQuery: Sendable {
    var transport: SIPTransport
    var name: String
    var via: [ResolutionStep]
}

/// Preference between address families when a host has both (RFC 3263 §4.2 leaves it open;
/// RFC 6724 prefers IPv6, but many SIP providers' IPv6 is less tested, so it is configurable).
public enum AddressFamilyOrder: Sendable, Hashable {
    case ipv4First
    case ipv6First
}

/// Runs one query per name concurrently and returns the answers in the names' order, so the
/// step log stays deterministic while the timeouts overlap.
func concurrentLookups<R: DNSRecord>(
    _ names: [String], _ query: @escaping @Sendable (String) async throws(DNSError) -> [R]
) async -> [Result<[R], DNSError>] {
    await withTaskGroup(of: (Int, Result<[R], DNSError>).self) { group in
        for (index, name) in names.enumerated() {
            group.addTask {
                do throws(DNSError) {
                    return (index, .success(try await query(name)))
                } catch {
                    return (index, .failure(error))
                }
            }
        }
        var answers = [Result<[R], DNSError>?](repeating: nil, count: names.count)
        for await (index, answer) in group { answers[index] = answer }
        return answers.compactMap { $0 }
    }
}

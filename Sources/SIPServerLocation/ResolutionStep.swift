/// One entry of the record of a resolution: a query with its answer, a rule applied, or a
/// target chosen. Typed so tests and the UI can inspect it; `description` is the one-line
/// rendering the debug pane, `dialtone check` and `dialtone options` print.
public enum ResolutionStep: Sendable, Hashable, CustomStringConvertible {
    case naptr(String, Result<[NAPTRRecord], DNSError>)
    case srv(String, Result<[SRVRecord], DNSError>)
    case a(String, Result<[AddressRecord], DNSError>)
    case aaaa(String, Result<[AddressRecord], DNSError>)
    case rule(ResolutionRule)
    /// The target at `position` in the try order (0 is tried first) and why it is there.
    case chose(TransportEndpoint, position: Int, TargetChoiceReason)

    /// E.g. `SRV _sip._tcp.example.test → 10 60 5060 sip1.example.test (primary, ttl 120)`.
    public var description: String {
        switch self {
        case .naptr(let name, let answer):
            "NAPTR \(name) → " + Self.render(answer) { record in
                "\(record.service) order \(record.order) pref \(record.preference) → \(record.replacement) (ttl \(record.ttl))"
            }
        case .srv(let name, let answer):
            "SRV \(name) → " + Self.renderSRV(answer)
        case .a(let name, let answer):
            "A \(name) → " + Self.render(answer) { "\($0.address) (ttl \($0.ttl))" }
        case .aaaa(let name, let answer):
            "AAAA \(name) → " + Self.render(answer) { "\($0.address) (ttl \($0.ttl))" }
        case .rule(let rule):
            rule.description
        case .chose(let endpoint, let position, let reason):
            (position == 0 ? "chose \(endpoint)" : "failover \(position): \(endpoint)") + ": \(reason)"
        }
    }

    /// The DNS error of a query step, if it failed.
    public var failure: DNSError? {
        switch self {
        case .naptr(_, .failure(let error)), .srv(_, .failure(let error)),
             .a(_, .failure(let error)), .aaaa(_, .failure(let error)):
            error
        case .naptr, .srv, .a, .aaaa, .rule, .chose:
            nil
        }
    }

    private static func render<R>(_ answer: Result<[R], DNSError>, _ each: (R) -> String) -> String {
        switch answer {
        case .success(let records): records.map(each).joined(separator: ", ")
        case .failure(let error): error.description
        }
    }

    /// Records of the lowest priority value are the primary ones; all others are backups.
    private static func renderSRV(_ answer: Result<[SRVRecord], DNSError>) -> String {
        let lowest = (try? answer.get())?.map(\.priority).min()
        return render(answer) { record in
            let role = record.priority == lowest ? "primary" : "backup"
            return "\(record.priority) \(record.weight) \(record.port) \(record.target) (\(role), ttl \(record.ttl))"
        }
    }
}

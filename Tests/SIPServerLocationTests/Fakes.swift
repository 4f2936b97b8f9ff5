import TestSupport
import Synchronization
@testable import SIPServerLocation

/// A DNS zone in memory. A name that has records of some type answers NODATA for the other
/// types; a name that has none at all answers NXDOMAIN, as a real server would. An entry can
/// also be set to any error (timeout, SERVFAIL, …).
struct FakeZone {
    var naptr: [String: Result<[NAPTRRecord], DNSError>] = [:]
    var srv: [String: Result<[SRVRecord], DNSError>] = [:]
    var a: [String: Result<[AddressRecord], DNSError>] = [:]
    var aaaa: [String: Result<[AddressRecord], DNSError>] = [:]

    func answer<R>(_ table: [String: Result<[R], DNSError>], _ question: DNSQuestion) -> Result<[R], DNSError> {
        if let answer = table[question.name] { return answer }
        let names = Set(naptr.keys).union(srv.keys).union(a.keys).union(aaaa.keys)
        return .failure(names.contains(question.name) ? .noRecords(question) : .nameNotFound(question.name))
    }
}

/// A `DNSClient` answering from a `FakeZone` and recording every question asked.
final class FakeDNSClient: DNSClient {
    private struct State {
        var zone: FakeZone
        var asked: [DNSQuestion] = []
    }

    private let state: Mutex<State>

    init(_ configure: (inout FakeZone) -> Void = { _ in }) {
        var zone = FakeZone()
        configure(&zone)
        state = Mutex(State(zone: zone))
    }

    /// Every question asked so far, in order.
    var asked: [DNSQuestion] { state.withLock { $0.asked } }

    func update(_ change: (inout FakeZone) -> Void) {
        state.withLock { change(&$0.zone) }
    }

    func naptr(_ name: String) async throws(DNSError) -> [NAPTRRecord] {
        try lookup(DNSQuestion(.naptr, name)) { $0.answer($0.naptr, $1) }
    }

    func srv(_ name: String) async throws(DNSError) -> [SRVRecord] {
        try lookup(DNSQuestion(.srv, name)) { $0.answer($0.srv, $1) }
    }

    func a(_ name: String) async throws(DNSError) -> [AddressRecord] {
        try lookup(DNSQuestion(.a, name)) { $0.answer($0.a, $1) }
    }

    func aaaa(_ name: String) async throws(DNSError) -> [AddressRecord] {
        try lookup(DNSQuestion(.aaaa, name)) { $0.answer($0.aaaa, $1) }
    }

    private func lookup<R>(
        _ question: DNSQuestion, _ answer: (FakeZone, DNSQuestion) -> Result<[R], DNSError>
    ) throws(DNSError) -> [R] {
        try state.withLock { state in
            state.asked.append(question)
            return answer(state.zone, question)
        }.get()
    }
}

/// SplitMix64 (TestSupport): seeded, so every run draws the same values.
typealias SeededRandom = SplitMix64

/// A clock that moves only when the test says so.
final class VirtualTime: TimeSource {
    private let current = Mutex(Duration.zero)

    func now() -> Duration { current.withLock { $0 } }

    func advance(by duration: Duration) {
        current.withLock { $0 += duration }
    }
}

/// Shorthands for records and addresses.
func ip(_ text: String) -> IPAddress { IPAddress(literal: text)! }

func addresses(_ texts: String..., ttl: UInt32 = 300) -> Result<[AddressRecord], DNSError> {
    .success(texts.map { AddressRecord(address: ip($0), ttl: ttl) })
}

func srvRecords(_ records: (priority: UInt16, weight: UInt16, port: UInt16, target: String)..., ttl: UInt32 = 120)
    -> Result<[SRVRecord], DNSError> {
    .success(records.map { SRVRecord(priority: $0.priority, weight: $0.weight, port: $0.port, target: $0.target, ttl: ttl) })
}

func naptrRecord(_ order: UInt16, _ preference: UInt16, _ service: String, _ replacement: String,
                 flags: String = "S") -> NAPTRRecord {
    NAPTRRecord(order: order, preference: preference, flags: flags, service: service, replacement: replacement, ttl: 120)
}

func endpoint(_ transport: SIPTransport, _ address: String, _ port: UInt16) -> TransportEndpoint {
    TransportEndpoint(transport, ip(address), port: port)
}

import CAres

/// The real `DNSClient`: c-ares 1.18 on a channel of its own, driven by a dedicated thread.
///
/// Only the configured servers are ever asked (the channel never reads `/etc/resolv.conf` and
/// never applies search domains), which keeps tests on loopback and lets the user point SIP
/// server location at a split-horizon server. Each `async` call suspends without blocking a
/// pool thread. A cancelled task's query still runs to its answer or timeout.
public final class CAresDNSClient: DNSClient {
    public struct Configuration: Sendable, Hashable {
        /// Asked in order; at least one.
        public var servers: [DNSServerAddress]
        /// The first try's timeout; c-ares doubles it on each further round over the servers,
        /// so one query waits up to timeout × (2^tries − 1) when no server answers.
        public var timeout: Duration
        /// Rounds over the server list before giving up.
        public var tries: Int

        public init(servers: [DNSServerAddress], timeout: Duration = .seconds(2), tries: Int = 2) {
            self.servers = servers
            self.timeout = timeout
            self.tries = tries
        }
    }

    public let configuration: Configuration
    private let loop: CAresEventLoop

    public init(_ configuration: Configuration) throws(DNSClientSetupError) {
        self.configuration = configuration
        let channel = try CAresChannel.make(configuration)
        loop = try CAresEventLoop(channel: channel, name: "c-ares")
    }

    /// Stops the thread; queries still in flight fail with `clientFailure`.
    deinit {
        loop.shutdown()
    }

    public func naptr(_ name: String) async throws(DNSError) -> [NAPTRRecord] {
        let question = DNSQuestion(.naptr, name)
        return try CAresReplyParser.naptr(try await reply(question), question)
    }

    public func srv(_ name: String) async throws(DNSError) -> [SRVRecord] {
        let question = DNSQuestion(.srv, name)
        return try CAresReplyParser.srv(try await reply(question), question)
    }

    public func a(_ name: String) async throws(DNSError) -> [AddressRecord] {
        let question = DNSQuestion(.a, name)
        return try CAresReplyParser.a(try await reply(question), question)
    }

    public func aaaa(_ name: String) async throws(DNSError) -> [AddressRecord] {
        let question = DNSQuestion(.aaaa, name)
        return try CAresReplyParser.aaaa(try await reply(question), question)
    }

    private func reply(_ question: DNSQuestion) async throws(DNSError) -> [UInt8] {
        switch await loop.query(question.name, question.type) {
        case .success(let reply): return reply
        case .failure(let status): throw DNSError(status, question, servers: configuration.servers)
        }
    }
}

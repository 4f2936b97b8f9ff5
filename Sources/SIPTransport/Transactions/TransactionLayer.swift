import SIPProtocol
import SIPServerLocation
import SIPSyntax

/// The transaction layer of RFC 3261 §17 wired to the transports: it runs the four transaction
/// machines of `SIPProtocol`, matches incoming messages to them by the parsed top Via and CSeq
/// (§17.1.3, §17.2.3), runs their timers on the injected clock, and sends client requests with
/// RFC 3263 failover. Retransmissions happen on UDP only because each machine is started with
/// the reliability of the flow the request actually leaves on (§17.1.1.2, §17.1.2.2).
public actor TransactionLayer {
    public struct Configuration: Sendable {
        public var timers: TransactionTimers
        /// Answer OPTIONS with 200 here instead of passing them to the TU (RFC 3261 §11.2). Off
        /// by default: the TU decides how it presents itself.
        public var answersOptions: Bool
        /// The `Server` header of responses this layer builds.
        public var userAgent: String
        /// The `Allow` header of the OPTIONS answer (RFC 3261 §11.2).
        public var allowedMethods: [SIPMethod]
        /// Server transactions held at most. Beyond it a new request is answered 503 with
        /// Retry-After, statelessly, and never reaches the TU (RFC 3261 §21.5.4): a UDP request
        /// is remembered 64·T1 = 32 s after its answer, so a flood of requests would otherwise
        /// hold memory without bound. A phone sees a few dozen at most; 10,000 is a flood of
        /// over 300 requests a second.
        public var maximumServerTransactions: Int

        public init(
            timers: TransactionTimers = TransactionTimers(), answersOptions: Bool = false,
            userAgent: String = "Dialtone", allowedMethods: [SIPMethod] = SIPMethod.implemented,
            maximumServerTransactions: Int = 10_000
        ) {
            self.timers = timers
            self.answersOptions = answersOptions
            self.userAgent = userAgent
            self.allowedMethods = allowedMethods
            self.maximumServerTransactions = maximumServerTransactions
        }
    }

    /// One pending client transaction.
    struct ClientEntry {
        var machine: ClientMachine
        let flow: FlowInfo
        let sentAt: Duration
        let provisional: (@Sendable (SIPResponse) -> Void)?
        let lateFinal: (@Sendable (SIPResponse) -> Void)?
        var waiter: CheckedContinuation<AttemptResult, Never>?
        var deadline: ScheduledTimer?
        /// Why the flow failed, when it did: the transport error the TU hears.
        var flowFailure: SIPTransportError?
    }

    /// One server transaction. A class, so the table holds a pointer per transaction rather
    /// than the machine inline: a UDP flood keeps tens of thousands of answered transactions
    /// for Timer J (64·T1), and a table of ~1 KB slots (with its spare capacity, doubled while
    /// it grows) cost more than the transactions themselves. Only the origin is kept beside
    /// the machine; the request went to the TU.
    final class ServerEntry {
        var machine: ServerMachine
        let origin: MessageOrigin

        init(machine: ServerMachine, origin: MessageOrigin) {
            self.machine = machine
            self.origin = origin
        }
    }

    /// How one attempt ended, inside the layer.
    enum AttemptResult: Sendable {
        case response(SIPResponse, roundTrip: Duration)
        case timeout
        case transportError(SIPTransportError)
    }

    public nonisolated let events: AsyncStream<TransactionEvent>
    let eventSink: AsyncStream<TransactionEvent>.Continuation
    public let transport: SIPTransportLayer
    let clock: any TransportClock
    let configuration: Configuration
    var random: any RandomNumberGenerator & Sendable
    var clients: [TransactionKey: ClientEntry] = [:]
    var servers: [TransactionKey: ServerEntry] = [:]
    /// Pending timers by transaction, so ending a transaction cancels its own few timers
    /// without scanning everyone else's (a flood leaves thousands pending).
    var timers: [TransactionKey: [TransactionTimer: (id: Int, timer: ScheduledTimer)]] = [:]
    var nextTimerID = 0
    /// Requests refused with 503 since the layer last had room; reported once per overload.
    var refusedWhileFull = 0

    public init(
        transport: SIPTransportLayer, clock: any TransportClock = SystemTransportClock(),
        configuration: Configuration = Configuration(),
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        self.transport = transport
        self.clock = clock
        self.configuration = configuration
        self.random = random
        (events, eventSink) = AsyncStream.makeStream(of: TransactionEvent.self)
        let incoming = transport.events
        Task { [weak self] in
            for await event in incoming {
                guard let self else { return }
                await self.handle(event)
            }
            self?.eventSink.finish()
        }
    }

    /// Routes one transport event (RFC 3261 §17.1.3, §17.2.3).
    private func handle(_ event: TransportEvent) {
        switch event {
        case .messageReceived(.response(let response), let origin):
            receive(response, from: origin)
        case .messageReceived(.request(let request), let origin):
            receive(request, from: origin)
        case .requestRejected(let response, let origin):
            eventSink.yield(.requestRejected(response, origin))
        case .messageDropped(let reason, let origin):
            eventSink.yield(.messageDropped(reason: reason, origin))
        case .overloaded(let reason, let origin):
            eventSink.yield(.overloaded(reason: reason, origin))
        case .keepAlivePong(let flow, let roundTrip):
            eventSink.yield(.keepAlivePong(flow, roundTrip: roundTrip))
        case .flowFailed(let flow, let failure):
            failTransactions(on: flow, failure)
            eventSink.yield(.flowFailed(flow, failure))
        }
    }

    // MARK: - Timers

    /// Arms a transaction timer on the injected clock; a stale expiry (cancelled or replaced)
    /// is recognised by its id and ignored.
    func startTimer(_ timer: TransactionTimer, after delay: Duration, for key: TransactionKey) {
        nextTimerID += 1
        let id = nextTimerID
        let scheduled = clock.schedule(after: delay) { [weak self] in
            await self?.timerExpired(timer, of: key, id: id)
        }
        timers[key, default: [:]].updateValue((id, scheduled), forKey: timer)?.timer.cancel()
    }

    func cancelTimer(_ timer: TransactionTimer, for key: TransactionKey) {
        removeTimer(timer, of: key)?.timer.cancel()
    }

    /// Forgets one timer, and the transaction's entry once it has none left.
    @discardableResult
    private func removeTimer(_ timer: TransactionTimer, of key: TransactionKey) -> (id: Int, timer: ScheduledTimer)? {
        let removed = timers[key]?.removeValue(forKey: timer)
        if timers[key]?.isEmpty == true { timers[key] = nil }
        return removed
    }

    /// Cancels every timer of a terminated transaction: O(its own timers).
    func cancelTimers(of key: TransactionKey) {
        guard let removed = timers.removeValue(forKey: key) else { return }
        for pending in removed.values { pending.timer.cancel() }
    }

    /// How many transaction timers are armed, over all transactions (tests check that ended
    /// transactions leave none behind).
    var pendingTimerCount: Int {
        timers.values.reduce(0) { $0 + $1.count }
    }

    /// Client and server transactions still held (tests check that ended ones are released).
    var transactionCount: Int { clients.count + servers.count }

    private func timerExpired(_ timer: TransactionTimer, of key: TransactionKey, id: Int) {
        guard timers[key]?[timer]?.id == id else { return }
        removeTimer(timer, of: key)
        if clients[key] != nil {
            runClient(key) { $0.apply({ $0.timerFired(timer) }, { $0.timerFired(timer) }) }
        } else if servers[key] != nil {
            runServer(key) { $0.apply({ $0.timerFired(timer) }, { $0.timerFired(timer) }) }
        }
    }

    /// A new RFC 3261 branch: the magic cookie and 64 random bits (§8.1.1.7).
    func newBranch() -> String {
        TransactionKey.magicCookie + RandomToken.make(using: &random)
    }
}

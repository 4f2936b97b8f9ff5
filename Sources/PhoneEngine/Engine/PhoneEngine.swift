import CallHistory
import DialtoneConfig
import Foundation
import MediaEngine
import NIOCore
import NIOPosix
import SIPProtocol
import SIPRegistration
import SIPServerLocation
import SIPSyntax
import SIPTransport

/// The phone engine: one actor that owns the transport and transaction layers and an actor per
/// account. It knows nothing of the UI; the UI, the command line, the control socket and the
/// tests all call the same methods and read the same `events`.
public actor PhoneEngine {
    public nonisolated let events: AsyncStream<EngineEvent>
    let eventSink: AsyncStream<EngineEvent>.Continuation
    let configuration: DialtoneConfiguration
    let options: EngineOptions
    private let group: any EventLoopGroup
    private let ownsGroup: Bool
    private let transport: SIPTransportLayer
    let transactions: TransactionLayer
    var registrars: [String: AccountRegistrar] = [:]
    var accountOrder: [String] = []
    private var callIDOwners: [String: String] = [:]
    var random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    /// The calls in progress (see PhoneEngine+Calls).
    var callTable = CallTable()
    /// Echo tests in progress (no SIP: not in the call table's Call-ID index).
    var echoCalls: [CallID: EchoTestCall] = [:]
    /// Audio chosen at run time (`switchAudio`), replacing `options.audio` for new calls.
    var audioOverride: CallAudio?
    /// Where finished calls are recorded; nil when history is off or could not be opened.
    var history: CallHistoryStore?
    /// What accounts and calls share; set by `start()`.
    var services: EngineServices?
    private var started = false
    private var isShutDown = false
    /// Rings for incoming calls when the options give an alert player.
    let ringer: Ringer?

    public init(configuration: DialtoneConfiguration, options: EngineOptions = EngineOptions()) {
        self.configuration = configuration
        self.options = options
        (events, eventSink) = AsyncStream.makeStream(of: EngineEvent.self, bufferingPolicy: .bufferingNewest(8192))
        ringer = options.alerts.map { Ringer(rules: options.ringer, player: $0) }
        if let group = options.group {
            self.group = group
            ownsGroup = false
        } else {
            group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            ownsGroup = true
        }
        let listeners = configuration.general.listen.map { listen in
            ListenerConfiguration(Self.transport(listen.transport), address: listen.host, port: UInt16(clamping: listen.port))
        }
        var identity: TLSServerIdentity?
        if let certificate = configuration.general.tlsCertificate, let key = configuration.general.tlsKey {
            identity = TLSServerIdentity(chainFile: certificate, keyFile: key)
        }
        let userAgent = configuration.general.userAgent
        transport = SIPTransportLayer(
            configuration: .init(listeners: listeners, serverIdentity: identity, userAgent: userAgent),
            group: group, clock: options.clock, network: options.network)
        transactions = TransactionLayer(
            transport: transport, clock: options.clock, configuration: .init(userAgent: userAgent))
    }

    /// The engine's clock reading (what `AccountSnapshot` times are relative to).
    public nonisolated var now: Duration { options.clock.now() }

    /// Binds the listeners, then registers every enabled account. Fails without side effects
    /// left behind when a listener cannot be bound.
    public func start() async throws(SIPTransportError) -> [BoundListener] {
        precondition(!started, "start() is called once")
        started = true
        let bound: [BoundListener]
        do throws(SIPTransportError) {
            bound = try await transport.start()
        } catch {
            await transport.shutdown()
            if ownsGroup { try? await group.shutdownGracefully() }
            throw error
        }
        let events = transactions.events
        Task { [weak self] in
            for await event in events { await self?.handle(event) }
        }
        let wire = transport.wire
        Task { [weak self] in
            for await record in wire { await self?.trace(record) }
        }
        history = openHistory()
        let services = makeServices()
        self.services = services
        let instanceID = options.instanceID ?? InstanceIdentity.urn()
        let accounts = configuration.accounts.isEmpty ? [DirectCallsAccount.settings] : configuration.accounts
        for account in accounts {
            if account.tlsAcceptSelfSigned {
                eventSink.yield(.notice("account \(account.name): TLS certificates are accepted without verification (tls_accept_self_signed)"))
            }
            let registrar = AccountRegistrar(settings: account, services: services, instanceID: instanceID)
            registrars[account.name] = registrar
            accountOrder.append(account.name)
            if !configuration.accounts.isEmpty { eventSink.yield(.account(await registrar.snapshot)) }
        }
        for account in configuration.accounts where account.enabled && account.register {
            let registrar = registrars[account.name]
            Task { await registrar?.start() }
        }
        return bound
    }

    /// Snapshots of every account, in configuration order.
    public func accounts() async -> [AccountSnapshot] {
        var result: [AccountSnapshot] = []
        for name in accountOrder where !configuration.accounts.isEmpty {
            if let registrar = registrars[name] { result.append(await registrar.snapshot) }
        }
        return result
    }

    /// Registers (again) an account, enabling it if it was disabled.
    public func enable(account name: String) async -> Bool {
        guard let registrar = registrars[name] else { return false }
        Task { await registrar.start() }
        return true
    }

    /// Un-registers an account and leaves it idle.
    public func disable(account name: String) async -> Bool {
        guard let registrar = registrars[name] else { return false }
        await registrar.stop()
        return true
    }

    /// Sends a fresh REGISTER now.
    public func reRegister(account name: String) async -> Bool {
        guard let registrar = registrars[name] else { return false }
        await registrar.refreshNow()
        return true
    }

    /// Un-registers every account (in parallel, bounded), closes every socket and ends `events`.
    public func shutdown() async {
        guard !isShutDown else { return }
        isShutDown = true
        await hangUpAll()
        await withTaskGroup(of: Void.self) { group in
            for registrar in registrars.values {
                group.addTask { await registrar.stop() }
            }
        }
        ringer?.silence()
        await transport.shutdown()
        if ownsGroup { try? await group.shutdownGracefully() }
        eventSink.finish()
    }

    // MARK: - Inbound

    private func handle(_ event: TransactionEvent) async {
        switch event {
        case .requestReceived(let incoming):
            if await routeToCall(incoming) { return }
            await answer(incoming)
        case .ackReceived(let ack, _):
            routeACK(ack)
        case .flowFailed(let flow, let failure):
            for registrar in registrars.values where await registrar.currentFlow == flow {
                await registrar.flowFailed(flow, failure)
            }
        case .overloaded(let reason, let origin):
            // A flood (or a scanner) is worth a notice: calls may be refused while it lasts.
            eventSink.yield(.notice("SIP overload from \(origin.flow.remote): \(reason)"))
        case .serverTransactionFailed, .strayResponse, .requestRejected, .messageDropped, .keepAlivePong:
            break
        }
    }

    /// Requests to us: OPTIONS answered with our capabilities (RFC 3261 §11.2), unsolicited
    /// message-summary NOTIFYs (RFC 3842) applied to the account they name; the rest refused
    /// with the right status until the call engine takes them.
    private func answer(_ incoming: IncomingRequest) async {
        let request = incoming.request
        let tag = RandomToken.make(using: &random)
        let userAgent = configuration.general.userAgent
        let response: SIPResponse
        switch request.method {
        case .options:
            response = Capabilities.optionsAnswer(to: request, userAgent: userAgent, toTag: tag)
        case .notify:
            response = await notify(request, toTag: tag)
        case .invite:
            guard let refusal = await incomingCall(incoming) else { return }
            response = refusal
        case .message:
            response = await incomingMessage(request)
        case .bye, .cancel, .info, .update, .prack, .refer:
            response = ResponseFactory.response(to: request, statusCode: 481, reasonPhrase: "Call/Transaction Does Not Exist", toTag: tag, server: userAgent)
        case .ack:
            return
        default:
            var refusal = ResponseFactory.response(to: request, statusCode: 405, reasonPhrase: "Method Not Allowed", toTag: tag, server: userAgent)
            refusal.headers.remove(.contentLength)
            refusal.headers.append(.allow, Capabilities.allow)
            refusal.headers.append(.contentLength, "0")
            response = refusal
        }
        await transactions.respond(to: incoming, with: response)
    }

    private func notify(_ request: SIPRequest, toTag: String) async -> SIPResponse {
        let userAgent = configuration.general.userAgent
        guard let event = request.headers[.event]?.split(separator: ";").first?.trimmingSpaces.lowercased(),
              event == "message-summary" else {
            return ResponseFactory.response(to: request, statusCode: 489, reasonPhrase: "Bad Event", toTag: toTag, server: userAgent)
        }
        // A NOTIFY in our subscription's dialog goes to its machine (RFC 6665 §4.1.3).
        if let callID = request.headers[.callID], let owner = callIDOwners[callID], let registrar = registrars[owner],
           await registrar.mwiCallID == callID {
            let status = await registrar.notifyReceived(request)
            return ResponseFactory.response(
                to: request, statusCode: status, reasonPhrase: Self.reasonPhrase(status), toTag: nil, server: userAgent)
        }
        guard let summary = UnsolicitedNotify.messageSummary(from: request) else {
            return ResponseFactory.response(to: request, statusCode: 400, reasonPhrase: "Bad message-summary body", toTag: toTag, server: userAgent)
        }
        guard let registrar = await account(for: request) else {
            return ResponseFactory.response(to: request, statusCode: 404, reasonPhrase: "No Such Account", toTag: toTag, server: userAgent)
        }
        await registrar.voicemail(summary)
        return ResponseFactory.response(to: request, statusCode: 200, reasonPhrase: "OK", toTag: toTag, server: userAgent)
    }

    /// The account a request is for: by the Call-ID of a dialog it owns, else by the user part
    /// of the Request-URI or To (Asterisk sends unsolicited MWI to the registered contact, whose
    /// user is the AOR's).
    func account(for request: SIPRequest) async -> AccountRegistrar? {
        if let callID = request.headers[.callID], let owner = callIDOwners[callID] { return registrars[owner] }
        let requestUser = request.uri.sipURI?.user
        let toUser = (try? request.headers.to)?.uri.sipURI?.user
        for name in accountOrder {
            guard let registrar = registrars[name] else { continue }
            let user = registrar.settings.aor.user
            if user != nil && (user == requestUser || user == toUser) { return registrar }
        }
        return accountOrder.count == 1 ? registrars[accountOrder[0]] : nil
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 481: "Subscription Does Not Exist"
        case 489: "Bad Event"
        default: "Error"
        }
    }

    // MARK: - Traces

    private func trace(_ record: WireRecord) {
        let text = String(decoding: record.bytes.prefix(4096), as: UTF8.self)
        let callID = TraceEntry.header("call-id", short: "i", in: text)
        eventSink.yield(.trace(TraceEntry(record, account: callID.flatMap { callIDOwners[$0] })))
    }

    func claim(_ callID: String, for account: String) {
        callIDOwners[callID] = account
    }

    func makeServices() -> EngineServices {
        let sink = eventSink
        return EngineServices(
            transactions: transactions, transport: transport, clock: options.clock, dns: dnsClient(),
            userAgent: configuration.general.userAgent, failbackInterval: options.failbackInterval,
            attemptTimeout: options.attemptTimeout, backoff: options.backoff, emit: { sink.yield($0) },
            claimCallID: { [weak self] callID, account in await self?.claim(callID, for: account) })
    }

    /// The injected client, else c-ares on `[general] dns_servers`, else on resolv.conf's.
    private func dnsClient() -> any DNSClient {
        if let dns = options.dns { return dns }
        var servers = configuration.general.dnsServers.compactMap(DNSServerAddress.init(parsing:))
        if servers.isEmpty { servers = SystemDNSServers.read() }
        guard !servers.isEmpty, let client = try? CAresDNSClient(.init(servers: servers)) else { return UnavailableDNSClient() }
        return client
    }

    static func transport(_ choice: ListenTransport) -> SIPTransport {
        switch choice {
        case .udp: .udp
        case .tcp: .tcp
        case .tls: .tls
        }
    }
}

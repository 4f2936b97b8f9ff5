import DialtoneConfig
import SIPAuth
import SIPRegistration
import SIPServerLocation
import SIPSyntax
import SIPTransport

/// One account's registration (issue 4): an actor that drives the sans-I/O
/// `RegistrationMachine` over the real transaction layer. It resolves the registrar (RFC 3263),
/// keeps the target list between requests so failover and fail-back work, builds the Contact
/// from the flow actually used, watches that flow with keep-alive, and turns everything into
/// timeline steps and account snapshots. Accounts never share state: one failing account
/// cannot stop another.
actor AccountRegistrar {
    let settings: AccountSettings
    private let services: EngineServices
    private let route: RegistrarRoute
    private let instanceID: String?
    private var machine: RegistrationMachine?
    private var targets: TargetList?
    private var flow: FlowInfo?
    private var timers: [AccountTimer: (id: Int, timer: ScheduledTimer)] = [:]
    private var mwi: MWISubscriptionMachine?
    private var credentials: UserCredentials?
    private var nextTimerID = 0
    /// Bumped whenever the account restarts, so late answers to an abandoned run are ignored.
    private var generation = 0
    private var lastAttempts: [AttemptRecord] = []
    private(set) var snapshot: AccountSnapshot
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []
    private var random: any RandomNumberGenerator & Sendable

    init(settings: AccountSettings, services: EngineServices, instanceID: String?,
         random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()) {
        self.settings = settings
        self.services = services
        self.route = RegistrarRoute(settings)
        self.instanceID = settings.outbound ? instanceID : nil
        self.random = random
        snapshot = AccountSnapshot(
            name: settings.name, aor: settings.aor.description, status: settings.enabled ? .idle : .disabled)
    }

    /// The flow the account registered over, for keep-alive failure routing.
    var currentFlow: FlowInfo? { flow }

    // MARK: - Commands

    /// Locates the registrar and sends the first REGISTER.
    func start() async {
        generation += 1
        let run = generation
        cancelAllTimers()
        update(.registering)
        step("dns", "locating \(route.target) (RFC 3263)")
        let password: Secret?
        do throws(PasswordError) {
            password = try await settings.password.asyncMap { source throws(PasswordError) in
                try await PasswordResolver.resolve(source, timeout: .seconds(10))
            }
        } catch {
            fail("cannot get the password: \(error)", retryAt: nil)
            return
        }
        guard run == generation else { return }
        guard let targetList = await locate(), run == generation else { return }
        targets = targetList
        var list = targetList
        guard let first = list.current(at: services.clock.now()) else {
            fail("no target to register with", retryAt: nil)
            return
        }
        let contact = await contactURI(toward: first)
        guard run == generation else { return }
        credentials = password.map { UserCredentials(username: settings.username, password: $0.value) }
        var parameters = RegistrationParameters(
            aor: settings.aor, registrar: route.requestURI, contact: contact, credentials: credentials,
            requestedExpires: settings.expires, userAgent: services.userAgent)
        parameters.displayName = settings.displayName
        parameters.instanceID = instanceID
        parameters.extraHeaders = settings.extraHeaders.map { (name: $0.name, value: $0.value) }
        if let backoff = services.backoff { parameters.backoff = backoff }
        var created = RegistrationMachine(parameters: parameters, random: SystemRandomNumberGenerator())
        let actions = created.start()
        machine = created
        perform(actions, run: run)
    }

    /// Un-registers and waits (bounded) until the server confirmed or gave up.
    func stop(within limit: Duration = .seconds(5)) async {
        guard var current = machine else {
            update(settings.enabled ? .unregistered : .disabled)
            return
        }
        stopKeepAlive()
        stopMWI()
        let actions = current.stop()
        machine = current
        if case .unregistered = current.state {
            perform(actions, run: generation)
            return
        }
        perform(actions, run: generation)
        let clock = services.clock
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            stopWaiters.append(waiter)
            let timer = clock.schedule(after: limit) { [weak self] in await self?.releaseStopWaiters() }
            _ = timer
        }
        cancelAllTimers()
        generation += 1
    }

    /// The user asked for a fresh registration now.
    func refreshNow() {
        guard var current = machine else { return }
        let actions = current.refreshNow()
        machine = current
        perform(actions, run: generation)
    }

    /// The keep-alive or the connection says our flow is dead (RFC 5626 §4.4.1): re-register.
    func flowFailed(_ failed: FlowInfo, _ failure: FlowFailure) {
        guard failed == flow, var current = machine else { return }
        step("flow", "\(failed) failed: \(failure) — registering again")
        flow = nil
        let actions = current.flowFailed()
        machine = current
        perform(actions, run: generation)
    }

    /// New voicemail counts (RFC 3842), from our subscription or an unsolicited NOTIFY.
    func voicemail(_ summary: MessageSummary) {
        snapshot.voicemail = summary
        step("mwi", "voicemail: \(summary)")
        services.emit(.account(snapshot))
    }

    // MARK: - Performing the machine's actions

    private func perform(_ actions: [RegistrationAction], run: Int) {
        guard run == generation else { return }
        for action in actions {
            switch action {
            case .send(let request):
                send(request, run: run)
            case .startTimer(let timer, let delay):
                arm(.registration(timer), after: delay, run: run)
            case .cancelTimer(let timer):
                timers.removeValue(forKey: .registration(timer))?.timer.cancel()
            case .stateChanged(let state):
                apply(state)
            case .contactRewritten(let from, let to):
                step("nat", "the server saw us at \(to.host)\(to.port.map { ":\($0)" } ?? ""), not \(from.host)\(from.port.map { ":\($0)" } ?? "") (NAT): registering again with Contact \(to)")
                snapshot.publicAddress = "\(to.host)\(to.port.map { ":\($0)" } ?? "")"
            }
        }
    }

    private func send(_ request: SIPRequest, run: Int) {
        guard let list = targets else { return }
        let callID = request.headers[.callID] ?? ""
        let cseq = request.headers[.cseq] ?? ""
        let expires = request.headers[.expires] ?? "?"
        step("request", "\(request.method) \(request.uri) (CSeq \(cseq), Expires \(expires))")
        let transactions = services.transactions
        let options = RequestOptions(
            tls: tlsSettings, serverName: route.serverName, attemptTimeout: services.attemptTimeout)
        let claim = services.claimCallID
        let name = settings.name
        Task {
            await claim(callID, name)
            let outcome = await transactions.send(request, over: list, options: options)
            await self.received(outcome, run: run)
        }
    }

    private func received(_ outcome: ClientOutcome, run: Int) {
        guard run == generation else { return }
        targets = outcome.targets
        lastAttempts = outcome.attempts
        for attempt in outcome.attempts {
            switch attempt.result {
            case .response(let status, let reason):
                if let flow = attempt.flow {
                    step("connect", "\(flow)" + (flow.tls.map { " — " + Self.describe($0) } ?? ""))
                }
                step("response", "SIP/2.0 \(status) \(reason) from \(attempt.target)"
                     + (outcome.roundTrip.map { " in \(Self.milliseconds($0)) ms" } ?? ""))
            case .timeout:
                step("attempt", "no answer from \(attempt.target) (timeout)")
            case .transportError(let error):
                step("attempt", "\(attempt.target): \(error)")
            }
        }
        let origin: ResponseOrigin
        switch outcome.source {
        case .server(let target, let answering):
            origin = .server
            snapshot.server = target.description
            snapshot.tls = answering.tls
            if answering != flow { watch(answering) }
        case .timeout:
            origin = .localTimeout
        case .transportError(let error):
            origin = .localTransportError(error.description)
        case .noTarget:
            origin = .localTransportError("no target left to try")
        }
        guard var current = machine else { return }
        let actions = current.responseReceived(outcome.response, origin: origin)
        machine = current
        perform(actions, run: run)
        // A routine refresh keeps the machine in `.registered` without a state change; the
        // timeline and the snapshot (expiry, answering server after a failover) still move on.
        let reported = actions.contains { if case .stateChanged = $0 { true } else { false } }
        if !reported, outcome.response.isSuccess, case .registered = current.state {
            apply(current.state)
        }
    }

    private func apply(_ state: RegistrationState) {
        switch state {
        case .idle:
            update(.idle)
        case .registering:
            update(.registering)
        case .registered(let binding):
            snapshot.contactSent = binding.contactSent.description
            snapshot.contactSeen = binding.contactSeen?.description
            if let seen = binding.contactSeen {
                step("contact", "sent \(binding.contactSent), the server has \(seen)")
            } else {
                step("contact", "sent \(binding.contactSent); the server's 200 did not list it")
            }
            step("expires", "registered for \(binding.expires) s; refresh in \(Self.seconds(binding.refreshAfter)) s")
            update(.registered(expires: binding.expires, refreshAt: services.clock.now() + binding.refreshAfter))
            startMWIIfWanted(binding)
        case .failed(let failure, let retryAfter):
            let context = RegistrationDiagnosis.Context(
                username: settings.username, target: route.target.description, attempts: lastAttempts)
            let diagnosis = RegistrationDiagnosis.explain(failure, context)
            fail(diagnosis, retryAt: retryAfter.map { services.clock.now() + $0 })
        case .unregistering:
            update(.unregistering)
        case .unregistered:
            step("expires", "unregistered")
            update(.unregistered)
            releaseStopWaiters()
        }
    }

    private func fail(_ diagnosis: String, retryAt: Duration?) {
        step("diagnosis", diagnosis + (retryAt.map { " (retrying in \(Self.seconds($0 - services.clock.now())) s)" } ?? ""))
        update(.failed(diagnosis: diagnosis, retryAt: retryAt))
        // An un-REGISTER that failed still ends the stop.
        releaseStopWaiters()
    }

    private func releaseStopWaiters() {
        let waiters = stopWaiters
        stopWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }

    // MARK: - Locating the registrar and our Contact

    private func locate() async -> TargetList? {
        let locator = ServerLocator(client: services.dns)
        do throws(ServerLocationError) {
            let resolution = try await locator.locate(route.target)
            for text in resolution.renderedSteps { step("dns", text) }
            step("target", "targets in order: " + resolution.targets.map(\.description).joined(separator: ", "))
            return resolution.targetList(failbackInterval: services.failbackInterval)
        } catch {
            for text in error.steps.map(\.description) { step("dns", text) }
            fail(RegistrationDiagnosis.explain(error), retryAt: nil)
            return nil
        }
    }

    /// Our Contact for requests to `target`: the listener of the target's transport and address
    /// family (a wildcard bind is replaced by the source address the kernel routes from), or the
    /// local end of the connection when there is no such listener (RFC 3261 §10.2.1, §18).
    func contactURI(toward target: ResolvedTarget) async -> SIPURI {
        let listeners = await services.transport.listeners
        var host: IPAddress?
        var port: UInt16?
        if let listener = listeners.first(where: {
            $0.transport == target.transport && $0.local.address.family == target.address.family
        }) {
            let bound = listener.local.address
            host = bound.bytes.allSatisfy { $0 == 0 } ? LocalRoute.sourceAddress(toward: target.address) : bound
            port = listener.local.port
        } else {
            let connection = ConnectionTarget(target.endpoint, serverName: route.serverName, tls: tlsSettings)
            if let opened = try? await services.transport.flow(for: connection) {
                host = opened.local.address
                port = opened.local.port
            }
        }
        let address = host ?? LocalRoute.sourceAddress(toward: target.address) ?? target.address
        let sipHost: Host = address.family == .ipv4 ? .ipv4(address.description) : .ipv6(address.description)
        var parameters: [Parameter] = []
        if target.transport != .udp && !settings.aor.isSecure {
            parameters.append(Parameter("transport", target.transport.rawValue))
        }
        return SIPURI(isSecure: settings.aor.isSecure, user: settings.aor.user, host: sipHost, port: port, parameters: parameters)
    }

    var tlsSettings: TLSClientSettings {
        var tls = TLSClientSettings(
            trust: settings.caFile.map { .caFile($0) } ?? .system,
            acceptUnverifiedCertificate: !settings.tlsVerify || settings.tlsAcceptSelfSigned)
        if let certificate = settings.tlsClientCertificate, let key = settings.tlsClientKey {
            tls.clientCertificate = .init(chainFile: certificate, keyFile: key)
        }
        return tls
    }

    // MARK: - What calls borrow from the account

    /// The account's servers for requests outside a dialog (INVITE, MESSAGE): the list the
    /// registration uses (so failover state is shared), located now if it has not run yet.
    func requestTargets() async -> TargetList? {
        if let targets { return targets }
        let locator = ServerLocator(client: services.dns)
        guard let resolution = try? await locator.locate(route.target) else { return nil }
        let list = resolution.targetList(failbackInterval: services.failbackInterval)
        targets = list
        return list
    }

    /// How requests to the account's servers are sent: its TLS checks and server name.
    var requestOptions: RequestOptions {
        RequestOptions(tls: tlsSettings, serverName: route.serverName, attemptTimeout: services.attemptTimeout)
    }

    /// The account's username and password for digest challenges on calls and messages, the
    /// password fetched now (it may come from a command or a keyring).
    func callCredentials() async -> (username: String, password: String)? {
        guard let source = settings.password,
              let password = try? await PasswordResolver.resolve(source, timeout: .seconds(10)) else { return nil }
        return (settings.username, password.value)
    }

    /// The addresses of the account's servers: requests from them are never scanners.
    var serverAddresses: [IPAddress] { targets?.targets.map(\.address) ?? [] }

    // MARK: - Keep-alive

    /// Watches the flow that answered (RFC 5626 §4.4) and stops watching the previous one.
    private func watch(_ answering: FlowInfo) {
        stopKeepAlive()
        flow = answering
        guard let configuration = keepAliveConfiguration(for: answering) else { return }
        let transport = services.transport
        step("keepalive", "\(configuration.udpProbe == .crlf || answering.isReliable ? "CRLF" : "OPTIONS") every \(Self.seconds(configuration.interval)) s on \(answering)")
        Task { await transport.startKeepAlive(on: answering, configuration) }
    }

    private func stopKeepAlive() {
        guard let old = flow else { return }
        let transport = services.transport
        Task { await transport.stopKeepAlive(on: old) }
    }

    /// The account's keep-alive: off, or CRLF/OPTIONS every interval (default 30 s on UDP, where
    /// NAT bindings often last under a minute, and 90 s on connections, RFC 5626 §4.4.1).
    private func keepAliveConfiguration(for flow: FlowInfo) -> KeepAliveConfiguration? {
        let defaultInterval = flow.isReliable ? 90 : 30
        let seconds = settings.keepaliveInterval.flatMap { $0 > 0 ? $0 : nil } ?? defaultInterval
        switch settings.keepalive {
        case .off: return nil
        case .crlf: return KeepAliveConfiguration(interval: .seconds(seconds), udpProbe: .crlf)
        case .options: return KeepAliveConfiguration(interval: .seconds(seconds), udpProbe: .options)
        }
    }

    // MARK: - Voicemail subscription (RFC 3842, RFC 6665)

    /// Subscribes to message-summary once the account is registered, if it wants MWI.
    private func startMWIIfWanted(_ binding: RegistrationBinding) {
        guard settings.mwi, mwi == nil else { return }
        var parameters = MWIParameters(
            aor: settings.aor, contact: binding.contactSent, displayName: settings.displayName, credentials: credentials,
            userAgent: services.userAgent, initialRoute: binding.serviceRoute)
        parameters.extraHeaders = settings.extraHeaders.map { (name: $0.name, value: $0.value) }
        if let backoff = services.backoff { parameters.backoff = backoff }
        var created = MWISubscriptionMachine(parameters: parameters, random: SystemRandomNumberGenerator())
        let actions = created.start()
        mwi = created
        step("mwi", "subscribing to message-summary for \(settings.aor)")
        performMWI(actions, run: generation)
    }

    private func stopMWI() {
        guard var current = mwi else { return }
        let actions = current.stop()
        mwi = current
        performMWI(actions, run: generation)
    }

    /// A NOTIFY for our subscription's dialog: the status to answer with.
    func notifyReceived(_ request: SIPRequest) -> Int {
        guard var current = mwi else { return 481 }
        let (status, actions) = current.notifyReceived(request)
        mwi = current
        performMWI(actions, run: generation)
        return status
    }

    var mwiCallID: String? { mwi?.callID }

    private func performMWI(_ actions: [MWIAction], run: Int) {
        guard run == generation else { return }
        for action in actions {
            switch action {
            case .send(let request):
                sendMWI(request, run: run)
            case .startTimer(let timer, let delay):
                arm(.mwi(timer), after: delay, run: run)
            case .cancelTimer(let timer):
                timers.removeValue(forKey: .mwi(timer))?.timer.cancel()
            case .stateChanged(let state):
                step("mwi", "subscription \(state)")
            case .summary(let summary):
                voicemail(summary)
            }
        }
    }

    private func sendMWI(_ request: SIPRequest, run: Int) {
        guard let list = targets else { return }
        let transactions = services.transactions
        let options = RequestOptions(tls: tlsSettings, serverName: route.serverName, attemptTimeout: services.attemptTimeout)
        let claim = services.claimCallID
        let name = settings.name
        let callID = request.headers[.callID] ?? ""
        Task {
            await claim(callID, name)
            let outcome = await transactions.send(request, over: list, options: options)
            await self.mwiAnswered(outcome, run: run)
        }
    }

    private func mwiAnswered(_ outcome: ClientOutcome, run: Int) {
        guard run == generation, var current = mwi else { return }
        let origin: ResponseOrigin
        switch outcome.source {
        case .server: origin = .server
        case .timeout: origin = .localTimeout
        case .transportError(let error): origin = .localTransportError(error.description)
        case .noTarget: origin = .localTransportError("no target left to try")
        }
        step("mwi", "SUBSCRIBE answered: \(outcome.response.statusCode) \(outcome.response.reasonPhrase)")
        let actions = current.responseReceived(outcome.response, origin: origin)
        mwi = current
        performMWI(actions, run: run)
    }

    private func mwiTimerFired(_ timer: MWITimer, run: Int) {
        guard var current = mwi else { return }
        let actions = current.timerFired(timer)
        mwi = current
        performMWI(actions, run: run)
    }

    // MARK: - Timers

    private func arm(_ timer: AccountTimer, after delay: Duration, run: Int) {
        timers.removeValue(forKey: timer)?.timer.cancel()
        nextTimerID += 1
        let id = nextTimerID
        let scheduled = services.clock.schedule(after: delay) { [weak self] in
            await self?.timerExpired(timer, id: id, run: run)
        }
        timers[timer] = (id, scheduled)
    }

    private func timerExpired(_ key: AccountTimer, id: Int, run: Int) async {
        guard timers[key]?.id == id, run == generation else { return }
        timers[key] = nil
        let timer: RegistrationTimer
        switch key {
        case .registration(let which): timer = which
        case .mwi(let which):
            mwiTimerFired(which, run: run)
            return
        }
        guard var current = machine else { return }
        if case .failed = current.state, timer == .retry {
            // A retry after a failure: the servers may have moved, so locate them again.
            if let list = await locate() { targets = list }
            guard run == generation else { return }
        }
        let actions = current.timerFired(timer)
        machine = current
        perform(actions, run: run)
    }

    private func cancelAllTimers() {
        for entry in timers.values { entry.timer.cancel() }
        timers.removeAll()
    }

    // MARK: - Reporting

    private func update(_ status: AccountSnapshot.Status) {
        snapshot.status = status
        services.emit(.account(snapshot))
    }

    private func step(_ kind: String, _ detail: String) {
        services.emit(.registrationStep(
            account: settings.name, RegistrationStep(time: services.clock.now(), kind: kind, detail: detail)))
    }

    static func describe(_ tls: TLSDetails) -> String {
        var text = "\(tls.version), certificate \(tls.peerSubject) issued by \(tls.peerIssuer)"
        if !tls.peerNames.isEmpty { text += " for \(tls.peerNames.joined(separator: ", "))" }
        text += tls.verified ? ", verified" : ", NOT verified"
        if let warning = tls.warning { text += " (\(warning))" }
        return text
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    static func seconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds)
    }
}

/// The account actor's timers: the registration machine's and the MWI subscription's.
enum AccountTimer: Hashable {
    case registration(RegistrationTimer)
    case mwi(MWITimer)
}

extension Optional {
    /// `map` for an async throwing transform.
    func asyncMap<U, E: Error>(_ transform: (Wrapped) async throws(E) -> U) async throws(E) -> U? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

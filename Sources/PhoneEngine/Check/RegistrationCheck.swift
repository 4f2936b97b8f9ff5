import DialtoneConfig
import SIPTransport

/// `dialtone check` as a testable value: for each chosen account, resolve, connect, register,
/// report, then un-register. The engine does the work; this only chooses the accounts, waits for
/// each one's first verdict (registered, or failed — no retries), and collects the timeline.
public enum RegistrationCheck {
    public enum Selection: Error, Sendable, Equatable, CustomStringConvertible {
        case noSuchAccount(String, known: [String])
        case noAccounts

        public var description: String {
            switch self {
            case .noSuchAccount(let name, let known):
                "no account named \"\(name)\" (the configuration has \(known.isEmpty ? "none" : known.map { "\"\($0)\"" }.joined(separator: ", ")))"
            case .noAccounts:
                "the configuration has no enabled account to check"
            }
        }
    }

    /// The accounts to check: the named one (even if disabled), else every enabled one; each is
    /// forced to register, without the voicemail subscription.
    public static func select(_ configuration: DialtoneConfiguration, account name: String?) throws(Selection) -> DialtoneConfiguration {
        var chosen = configuration
        if let name {
            guard var account = configuration.accounts.first(where: { $0.name == name }) else {
                throw .noSuchAccount(name, known: configuration.accounts.map(\.name))
            }
            account.enabled = true
            chosen.accounts = [account]
        } else {
            chosen.accounts = configuration.accounts.filter(\.enabled)
        }
        guard !chosen.accounts.isEmpty else { throw .noAccounts }
        for index in chosen.accounts.indices {
            chosen.accounts[index].register = true
            chosen.accounts[index].mwi = false
        }
        return chosen
    }

    /// Runs the check; every account gets a verdict within `deadline` (else it failed: "no
    /// verdict within …").
    /// `processAge`, when given, is how long the process had been running when the check began:
    /// step times then count from the process start.
    public static func run(
        _ configuration: DialtoneConfiguration, options: EngineOptions = EngineOptions(), deadline: Duration = .seconds(40),
        processAge: Duration? = nil
    ) async -> [CheckReport] {
        let engine = PhoneEngine(configuration: configuration, options: options)
        let collector = CheckCollector(accounts: configuration.accounts, start: options.clock.now() - (processAge ?? .zero))
        let events = engine.events
        let consumer = Task {
            for await event in events { await collector.take(event) }
        }
        do throws(SIPTransportError) {
            _ = try await engine.start()
        } catch {
            consumer.cancel()
            return configuration.accounts.map { account in
                CheckReport(account: account.name, aor: account.aor.description, state: "failed",
                            diagnosis: "cannot start: \(error) — check `listen` in [general]", steps: [])
            }
        }
        let timer = options.clock.schedule(after: deadline) { await collector.giveUp() }
        await collector.waitForVerdicts()
        timer.cancel()
        await engine.shutdown()
        await consumer.value
        return await collector.reports(deadline: deadline)
    }
}

/// Gathers steps and verdicts per account from the engine's events.
actor CheckCollector {
    private var reports: [String: CheckReport] = [:]
    private let order: [String]
    private var decided: Set<String> = []
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var gaveUp = false
    private let start: Duration

    init(accounts: [AccountSettings], start: Duration) {
        order = accounts.map(\.name)
        self.start = start
        for account in accounts {
            reports[account.name] = CheckReport(account: account.name, aor: account.aor.description, state: "failed", steps: [])
        }
    }

    func take(_ event: EngineEvent) {
        switch event {
        case .registrationStep(let account, let step):
            let ms = Int((step.time - start).components.seconds * 1000 + (step.time - start).components.attoseconds / 1_000_000_000_000_000)
            reports[account]?.steps.append(.init(ms: max(0, ms), kind: step.kind, detail: step.detail))
        case .account(let snapshot):
            guard reports[snapshot.name] != nil, !decided.contains(snapshot.name) else { return }
            reports[snapshot.name]?.server = snapshot.server
            reports[snapshot.name]?.tls = snapshot.tls.map(AccountRegistrar.describe)
            switch snapshot.status {
            case .registered(let expires, _):
                reports[snapshot.name]?.state = "registered"
                reports[snapshot.name]?.expires = expires
                reports[snapshot.name]?.contactSent = snapshot.contactSent
                reports[snapshot.name]?.contactSeen = snapshot.contactSeen
                reports[snapshot.name]?.publicAddress = snapshot.publicAddress
                decide(snapshot.name)
            case .failed(let diagnosis, _):
                reports[snapshot.name]?.diagnosis = diagnosis
                decide(snapshot.name)
            case .disabled, .idle, .registering, .unregistering, .unregistered:
                break
            }
        case .trace, .notice, .call, .callEvent, .message:
            break
        }
    }

    private func decide(_ name: String) {
        decided.insert(name)
        if decided.count == order.count { release() }
    }

    func giveUp() {
        gaveUp = true
        release()
    }

    private func release() {
        let pending = waiters
        waiters.removeAll()
        for waiter in pending { waiter.resume() }
    }

    func waitForVerdicts() async {
        guard decided.count < order.count, !gaveUp else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func reports(deadline: Duration) -> [CheckReport] {
        order.compactMap { name in
            guard var report = reports[name] else { return nil }
            if !decided.contains(name) {
                report.state = "failed"
                report.diagnosis = "no verdict within \(deadline.components.seconds) s — the server neither accepted nor refused"
            }
            return report
        }
    }
}

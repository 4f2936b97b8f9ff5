import DialtoneConfig
import Foundation
import PhoneEngine
import SIPTransport
import Testing
import TestSupport

/// Builds configurations from TOML text through the real loader, and follows an engine's events.
enum EngineHarness {
    static func configuration(_ toml: String) throws -> DialtoneConfiguration {
        let directory = try TemporaryDirectory(prefix: "engine-config")
        let path = directory.file("config.toml")
        try toml.write(toFile: path, atomically: true, encoding: .utf8)
        let environment = ["HOME": directory.path, "XDG_DATA_HOME": directory.file("data")]
        return try ConfigurationLoader.load(path: path, version: "test", environment: environment).0
    }

    /// `[[accounts]]` text for a kamailio user.
    static func account(
        _ name: String, user: String, password: String, registrar: String, transport: String,
        extra: String = ""
    ) -> String {
        """
        [[accounts]]
        name = "\(name)"
        aor = "sip:\(user)@example.test"
        password = "\(password)"
        registrar = "\(registrar)"
        transport = "\(transport)"
        expires = 60
        mwi = false
        \(extra)

        """
    }
}

/// Follows an engine's events: snapshots per account and every step, with waits that end
/// when a condition holds (or after a generous deadline, so a broken engine fails the test
/// instead of hanging it).
actor EngineWatcher {
    private(set) var snapshots: [String: AccountSnapshot] = [:]
    private(set) var steps: [String: [RegistrationStep]] = [:]
    private(set) var traces: [TraceEntry] = []
    private var waiters: [(id: Int, condition: @Sendable (EngineWatcher.State) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID = 0

    struct State: Sendable {
        var snapshots: [String: AccountSnapshot]
        var steps: [String: [RegistrationStep]]
        var traces: [TraceEntry]
    }

    init(_ engine: PhoneEngine) {
        let events = engine.events
        Task { [weak self] in
            for await event in events { await self?.take(event) }
        }
    }

    private var state: State { State(snapshots: snapshots, steps: steps, traces: traces) }

    private func take(_ event: EngineEvent) {
        switch event {
        case .account(let snapshot): snapshots[snapshot.name] = snapshot
        case .registrationStep(let account, let step): steps[account, default: []].append(step)
        case .trace(let entry): traces.append(entry)
        case .notice: break
        }
        let current = state
        let ready = waiters.filter { $0.condition(current) }
        waiters.removeAll { waiter in ready.contains { $0.id == waiter.id } }
        for waiter in ready { waiter.continuation.resume(returning: true) }
    }

    /// Waits until `condition` holds; false if it did not within `limit` (real time).
    func wait(within limit: Duration = .seconds(30), until condition: @escaping @Sendable (State) -> Bool) async -> Bool {
        if condition(state) { return true }
        nextID += 1
        let id = nextID
        Task { [weak self] in
            try? await Task.sleep(for: limit)
            await self?.expire(id)
        }
        return await withCheckedContinuation { continuation in
            waiters.append((id, condition, continuation))
        }
    }

    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }

    func waitForRegistration(of account: String, within limit: Duration = .seconds(30)) async -> Bool {
        await wait(within: limit) { state in
            if case .registered? = state.snapshots[account]?.status { true } else { false }
        }
    }

    func timeline(_ account: String) -> String {
        (steps[account] ?? []).map { "\($0.kind): \($0.detail)" }.joined(separator: "\n")
    }
}

extension AccountSnapshot {
    var isRegistered: Bool {
        if case .registered = status { true } else { false }
    }

    var diagnosis: String? {
        if case .failed(let diagnosis, _) = status { diagnosis } else { nil }
    }
}

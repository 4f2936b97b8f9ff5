import DialtoneConfig
import Foundation
import Synchronization
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
/// instead of hanging it). State is behind a mutex so tests read it without `await`.
final class EngineWatcher: Sendable {
    struct State: Sendable {
        var snapshots: [String: AccountSnapshot] = [:]
        var steps: [String: [RegistrationStep]] = [:]
        var traces: [TraceEntry] = []
        var calls: [CallID: CallSnapshot] = [:]
        var callEvents: [CallNotification] = []
        var messages: [InstantMessageNotification] = []
        var notices: [String] = []
    }

    private struct Waiter {
        var id: Int
        var condition: @Sendable (State) -> Bool
        var continuation: CheckedContinuation<Bool, Never>
    }

    private let state = Mutex(State())
    private let waiters = Mutex<(next: Int, list: [Waiter])>((0, []))

    init(_ engine: PhoneEngine) {
        let events = engine.events
        Task { [self] in
            for await event in events { take(event) }
        }
    }

    var snapshots: [String: AccountSnapshot] { state.withLock { $0.snapshots } }
    var traces: [TraceEntry] { state.withLock { $0.traces } }
    var current: State { state.withLock { $0 } }

    private func take(_ event: EngineEvent) {
        let current = state.withLock { state -> State in
            switch event {
            case .account(let snapshot): state.snapshots[snapshot.name] = snapshot
            case .registrationStep(let account, let step): state.steps[account, default: []].append(step)
            case .trace(let entry): state.traces.append(entry)
            case .notice(let text): state.notices.append(text)
            case .call(let snapshot): state.calls[snapshot.id] = snapshot
            case .callEvent(let notification): state.callEvents.append(notification)
            case .message(let message): state.messages.append(message)
            }
            return state
        }
        let ready = waiters.withLock { waiters -> [Waiter] in
            let ready = waiters.list.filter { $0.condition(current) }
            waiters.list.removeAll { waiter in ready.contains { $0.id == waiter.id } }
            return ready
        }
        for waiter in ready { waiter.continuation.resume(returning: true) }
    }

    /// Waits until `condition` holds; false if it did not within `limit` (real time).
    func wait(within limit: Duration = .seconds(30), until condition: @escaping @Sendable (State) -> Bool) async -> Bool {
        await withCheckedContinuation { continuation in
            let current = state.withLock { $0 }
            if condition(current) {
                continuation.resume(returning: true)
                return
            }
            let id = waiters.withLock { waiters -> Int in
                waiters.next += 1
                waiters.list.append(Waiter(id: waiters.next, condition: condition, continuation: continuation))
                return waiters.next
            }
            Task { [self] in
                try? await Task.sleep(for: limit)
                expire(id)
            }
        }
    }

    private func expire(_ id: Int) {
        let expired = waiters.withLock { waiters -> Waiter? in
            guard let index = waiters.list.firstIndex(where: { $0.id == id }) else { return nil }
            return waiters.list.remove(at: index)
        }
        expired?.continuation.resume(returning: false)
    }

    func waitForRegistration(of account: String, within limit: Duration = .seconds(30)) async -> Bool {
        await wait(within: limit) { state in
            if case .registered? = state.snapshots[account]?.status { true } else { false }
        }
    }

    func timeline(_ account: String) -> String {
        state.withLock { $0.steps[account] ?? [] }.map { "\($0.kind): \($0.detail)" }.joined(separator: "\n")
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

import CallHistory
import DialtoneConfig
import Foundation
import MediaEngine
import PhoneEngine
import Testing
import TestSupport

/// A phone for call tests: an engine on its own loopback UDP port with one account that does
/// not register, its history in a temporary file, and a watcher on its events.
struct TestPhone {
    let engine: PhoneEngine
    let watcher: EngineWatcher
    let port: UInt16
    let user: String
    let history: CallHistoryStore
    let directory: TemporaryDirectory

    /// `sip:user@127.0.0.1:port`: where this phone is reached directly.
    var uri: String { "sip:\(user)@127.0.0.1:\(port)" }

    static func start(_ user: String, general: String = "", account: String = "",
                      alerts: (any AlertPlayer)? = nil, media: (any CallMediaFactory)? = nil) async throws -> TestPhone {
        let port = try LoopbackPort.free()
        let directory = try TemporaryDirectory(prefix: "call-\(user)")
        let toml = """
            [general]
            listen = ["udp:127.0.0.1:\(port)"]
            \(general)

            [[accounts]]
            name = "\(user)"
            aor = "sip:\(user)@\(user).test"
            register = false
            mwi = false
            \(account)

            """
        let history = try CallHistoryStore(databaseURL: URL(fileURLWithPath: directory.file("history.sqlite")))
        var options = EngineOptions(history: .store(history))
        options.alerts = alerts
        options.mediaFactory = media
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml), options: options)
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        return TestPhone(engine: engine, watcher: watcher, port: port, user: user, history: history, directory: directory)
    }

    func stop() async {
        await engine.shutdown()
    }

    /// Waits for a call event of this kind (by its JSON name) and returns it.
    func waitFor(_ name: String, call: CallID? = nil, count: Int = 1, within limit: Duration = .seconds(30)) async -> CallNotification? {
        let matching: @Sendable (EngineWatcher.State) -> [CallNotification] = { state in
            state.callEvents.filter { $0.kind.name == name && (call == nil || $0.call == call) }
        }
        _ = await watcher.wait(within: limit) { matching($0).count >= count }
        let found = matching(watcher.current)
        return found.count >= count ? found[count - 1] : nil
    }

    func events(of call: CallID) -> [String] {
        watcher.current.callEvents.filter { $0.call == call }.map(\.kind.name)
    }
}

extension CallNotification.Kind {
    /// The JSON event name, for matching in tests.
    var name: String {
        switch self {
        case .incoming: "incoming"
        case .ringing: "ringing"
        case .earlyMedia: "early_media"
        case .answered: "answered"
        case .held: "held"
        case .resumed: "resumed"
        case .remoteHold: "remote_hold"
        case .transferProgress: "transfer_progress"
        case .dtmf: "dtmf"
        case .ended: "ended"
        case .stats: "call_stats"
        case .muted: "muted"
        case .recording: "recording"
        case .noMedia: "no_media"
        case .mediaRestored: "media_restored"
        }
    }

    var endCode: Int? {
        if case .ended(let code, _, _) = self { code } else { nil }
    }
}

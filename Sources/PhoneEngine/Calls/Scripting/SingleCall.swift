import DialtoneConfig
import Foundation
import MediaEngine
import SIPServerLocation
import SIPSyntax

/// `dialtone call`: one call from the command line, for people and scripts. Registers the
/// account only when the call goes through its servers (a direct `sip:user@host` call needs
/// none), places the call, sends DTMF once answered, hangs up after a while or when the peer
/// does, and says how it went as an exit status.
public enum SingleCall {
    public struct Request: Sendable {
        public var target: String
        public var account: String?
        public var hangUpAfter: Duration?
        public var dtmf: String?
        public var audio: CallAudio

        public init(target: String, account: String? = nil, hangUpAfter: Duration? = nil, dtmf: String? = nil, audio: CallAudio = .null) {
            self.target = target
            self.account = account
            self.hangUpAfter = hangUpAfter
            self.dtmf = dtmf
            self.audio = audio
        }
    }

    /// How the call went: the exit status and the final SIP status, when there was one.
    public struct Outcome: Sendable, Hashable {
        public var exitStatus: Int32
        public var statusCode: Int?
        public var reason: String
    }

    /// The exit statuses of `dialtone call` (documented in the README): 0 answered; 1 no call
    /// could be placed (no such account, bad target, registration failed); 3 busy (486, 600);
    /// 4 declined (603, 607); 5 not found (404, 604); 6 no answer (408, 480, 487);
    /// 7 any other SIP failure (3xx not followed, 4xx–6xx); 8 the network failed (local 503).
    public static func exitStatus(forFailure code: Int?) -> Int32 {
        switch code {
        case 486?, 600?: 3
        case 603?, 607?: 4
        case 404?, 604?: 5
        case 408?, 480?, 487?: 6
        case 503?: 8
        case nil: 1
        default: 7
        }
    }

    /// Runs the call; `output` receives each event (already formatted by the caller's choice).
    /// When `stop` is requested (SIGINT/SIGTERM) the call is hung up.
    public static func run(
        _ request: Request, configuration: DialtoneConfiguration, options: EngineOptions,
        output: @escaping @Sendable (EngineEvent) -> Void, stop: StopRequest
    ) async -> Outcome {
        if PhoneEngine.isEchoTest(request.target) {
            // The local echo test needs no account: an engine without any.
            var local = configuration
            local.accounts = []
            return await runEngine(local, options: options, target: EchoTestCall.target, account: EchoTestCall.account,
                                   registering: false, request: request, output: output, stop: stop)
        }
        let configured = configuration.accounts.isEmpty ? [DirectCallsAccount.settings] : configuration.accounts
        guard let accountSettings = request.account.map({ name in configured.first { $0.name == name } })
                ?? configured.first(where: \.enabled) else {
            return Outcome(exitStatus: 1, statusCode: nil, reason: "no such account: \(request.account ?? "(none enabled)")")
        }
        guard let uri = CallTarget.uri(for: request.target, account: accountSettings) else {
            return Outcome(exitStatus: 1, statusCode: nil, reason: CallError.invalidTarget(request.target).description)
        }
        if DirectCallsAccount.cannotReach(uri, from: accountSettings) {
            return Outcome(exitStatus: 1, statusCode: nil, reason: CallError.needsAccount(request.target).description)
        }
        var chosen = accountSettings
        chosen.enabled = true
        chosen.mwi = false
        let needsRegistration = chosen.register && CallTarget.usesAccountServers(uri, account: chosen)
        chosen.register = needsRegistration
        var trimmed = configuration
        trimmed.accounts = [chosen]
        return await runEngine(trimmed, options: options, target: uri.description, account: chosen.name,
                               registering: needsRegistration, request: request, output: output, stop: stop)
    }

    private static func runEngine(
        _ configuration: DialtoneConfiguration, options: EngineOptions, target: String, account: String, registering: Bool,
        request: Request, output: @escaping @Sendable (EngineEvent) -> Void, stop: StopRequest
    ) async -> Outcome {
        var engineOptions = options
        engineOptions.audio = request.audio
        let engine = PhoneEngine(configuration: configuration, options: engineOptions)
        let watcher = CallEventWaiter(stop: stop)
        let events = engine.events
        let relay = Task {
            for await event in events {
                output(event)
                watcher.take(event)
            }
        }
        defer { relay.cancel() }
        do {
            _ = try await engine.start()
        } catch {
            return Outcome(exitStatus: 1, statusCode: nil, reason: "cannot listen: \(error)")
        }
        let outcome = await call(target, on: account, engine: engine, watcher: watcher,
                                 registering: registering, request: request)
        await engine.shutdown()
        return outcome
    }

    private static func call(
        _ target: String, on account: String, engine: PhoneEngine, watcher: CallEventWaiter, registering: Bool,
        request: Request
    ) async -> Outcome {
        if registering {
            let state = await watcher.registration(of: account)
            guard state == nil else { return Outcome(exitStatus: 1, statusCode: nil, reason: state ?? "") }
        }
        let id: CallID
        do throws(CallError) {
            id = try await engine.dial(target, account: account)
        } catch {
            return Outcome(exitStatus: 1, statusCode: nil, reason: error.description)
        }
        let answered = await watcher.answeredOrEnded(id, engine: engine)
        if answered {
            if let digits = request.dtmf, !digits.isEmpty { _ = await engine.sendDTMF(id, digits) }
            let deadline = request.hangUpAfter.map { ContinuousClock.now + $0 }
            // `--hangup-after`: a timer wakes the wait below when it is due.
            let timer = deadline.map { deadline in
                Task {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    watcher.poke()
                }
            }
            defer { timer?.cancel() }
            let hangUp = await watcher.until { () -> Bool? in
                if watcher.hasEnded(id) { return false }
                return watcher.stop.isRequested || deadline.map({ ContinuousClock.now >= $0 }) == true ? true : nil
            }
            if hangUp { _ = await engine.hangUp(id) }
            _ = await watcher.ended(id)
            return Outcome(exitStatus: 0, statusCode: 200, reason: "answered")
        }
        let end = await watcher.ended(id)
        return Outcome(exitStatus: exitStatus(forFailure: end.code), statusCode: end.code, reason: end.reason)
    }
}

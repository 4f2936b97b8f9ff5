import SIPDialog
import SIPProtocol
import SIPServerLocation
import SIPSyntax
import SIPTransport

extension Call {
    /// Performs the session's actions in order (STYLE.md: the machine decides, the actor does).
    func perform(_ actions: [CallAction]) async {
        for action in actions {
            switch action {
            case .send(let request):
                send(request)
            case .sendCancel(let cancel):
                let transactions = services.transactions
                outbox.yield { Task { _ = await transactions.cancel(cancel) } }
            case .sendACK(let ack):
                let services = services, options = setup.dialogOptions
                outbox.yield { await Self.sendOutsideTransaction(ack, services: services, options: options) }
            case .respond(let response, let identity):
                await respond(response, to: identity)
            case .startTimer(let timer, let delay):
                arm(timer, after: delay)
            case .cancelTimer(let timer):
                timers.removeValue(forKey: timer)?.timer.cancel()
            case .event(let event):
                await apply(event)
            }
        }
    }

    /// A request in a new client transaction; its responses come back through the inbox. A
    /// request without a To tag is outside the dialog (the INVITE and its re-sends after a
    /// challenge or redirect) and goes the account's way; the rest follow the dialog's route
    /// set and remote target (RFC 3261 §12.2.1.1).
    private func send(_ request: SIPRequest) {
        let sink = inbox
        let transactions = services.transactions
        let hasToTag = ((try? request.headers.to)??.tag).map { !$0.isEmpty } ?? false
        var options = setup.route?.options ?? setup.dialogOptions
        if hasToTag { options = setup.dialogOptions }
        let order = ResponseOrder { sink.yield($0) }
        options.provisional = { sink.yield(.response($0)) }
        options.lateFinal = { order.late($0) }
        let services = services
        let fixed = hasToTag || !setup.routeServes(request.uri) ? nil : setup.route?.targets
        let chosen = options
        outbox.yield {
            guard let targets = await Self.targets(for: request, fixed: fixed, services: services) else {
                sink.yield(.response(ResponseFactory.response(
                    to: request, statusCode: 503, reasonPhrase: "Service Unavailable (no route)", toTag: nil)))
                return
            }
            // The transaction runs on its own; the queue only waits for the next hop.
            Task {
                let outcome = await transactions.send(request, over: targets, options: Self.limited(chosen, over: targets))
                order.final(outcome.response)
            }
        }
    }

    /// Sends and waits for the final response (for requests that must stay in order).
    func sendAwaiting(_ request: SIPRequest) async -> SIPResponse {
        guard let targets = await Self.targets(for: request, fixed: nil, services: services) else {
            return ResponseFactory.response(to: request, statusCode: 503, reasonPhrase: "Service Unavailable (no route)", toTag: nil)
        }
        return await services.transactions.send(request, over: targets, options: Self.limited(setup.dialogOptions, over: targets)).response
    }

    /// The per-attempt limit exists to fail over from a dead server quickly (RFC 3263 §4.3).
    /// With a single target there is nowhere to fail over to, so the request gets the
    /// transaction's own timeout instead — Timer B/F at 64·T1 (RFC 3261 §17.1.1.2, §17.1.2.2)
    /// — rather than a 408 after a few seconds that a slow but alive peer could have beaten.
    static func limited(_ options: RequestOptions, over targets: TargetList) -> RequestOptions {
        var limited = options
        if targets.targets.count < 2 { limited.attemptTimeout = nil }
        return limited
    }

    /// The targets of a request: the given list, else RFC 3263 on its next hop.
    static func targets(for request: SIPRequest, fixed: TargetList?, services: EngineServices) async -> TargetList? {
        if let fixed { return fixed }
        guard let hop = CallTarget.nextHop(of: request),
              let resolution = try? await ServerLocator(client: services.dns).locate(hop) else { return nil }
        return resolution.targetList(failbackInterval: services.failbackInterval)
    }

    /// The ACK for a 2xx: its own branch, no transaction, sent once per 2xx received
    /// (RFC 3261 §13.2.2.4, §17.1.1.3).
    static func sendOutsideTransaction(_ request: SIPRequest, services: EngineServices, options: RequestOptions) async {
        guard var targets = await targets(for: request, fixed: nil, services: services),
              let target = targets.current(at: services.clock.now()) else { return }
        var random = SystemRandomNumberGenerator()
        let branch = TransactionKey.magicCookie + String(random.next() as UInt64, radix: 16)
        let connection = ConnectionTarget(target.endpoint, serverName: options.serverName, tls: options.tls)
        guard let prepared = try? await services.transport.prepare(request, branch: branch, to: connection) else { return }
        try? await services.transport.send(prepared.request, on: prepared.flow)
    }

    /// Through the server transaction of the request the session named. The INVITE's stays
    /// known until the call ends: its 2xx is retransmitted until the ACK (§13.3.1.4).
    private func respond(_ response: SIPResponse, to identity: RequestIdentity) async {
        guard let incoming = pending[identity] else { return }
        if identity.method != .invite && response.statusCode >= 200 { pending[identity] = nil }
        await services.transactions.respond(to: incoming, with: response)
    }

    private func arm(_ timer: CallTimer, after delay: Duration) {
        timers.removeValue(forKey: timer)?.timer.cancel()
        nextTimerID += 1
        let timerID = nextTimerID
        let sink = inbox
        let scheduled = services.clock.schedule(after: delay) { sink.yield(.timer(timer, id: timerID)) }
        timers[timer] = (timerID, scheduled)
    }
}

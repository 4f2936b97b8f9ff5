import SIPProtocol
import SIPServerLocation
import SIPSyntax

extension TransactionLayer {
    /// Sends `request` (without a Via: each attempt adds its own with a new branch) to the
    /// targets in order, failing over on a timeout, a transport error or a 503 (RFC 3263 §4.3),
    /// and returns the final response with the target that gave it. A timeout becomes a local
    /// 408 and a transport error a local 503 (RFC 3261 §8.1.3.1).
    public func send(_ request: SIPRequest, over targets: TargetList, options: RequestOptions = RequestOptions()) async -> ClientOutcome {
        var failover = RequestFailover(targets: targets)
        var step = failover.begin(at: clock.now())
        var records: [AttemptRecord] = []
        var last: (AttemptResult, ResolvedTarget, FlowInfo?)?
        while case .attempt(let target) = step {
            let (result, flow) = await attempt(request, to: target, options: options)
            records.append(AttemptRecord(target: target, flow: flow, result: Self.record(result)))
            last = (result, target, flow)
            step = failover.attemptEnded(Self.failoverResult(result), at: clock.now())
        }
        return outcome(for: request, last: last, records: records, targets: failover.targets)
    }

    /// One attempt: a client transaction to one target, until its final response, its timeout
    /// or a transport error.
    private func attempt(_ request: SIPRequest, to target: ResolvedTarget, options: RequestOptions) async -> (AttemptResult, FlowInfo?) {
        let branch = newBranch()
        let connection = ConnectionTarget(target.endpoint, serverName: options.serverName, tls: options.tls)
        let prepared: PreparedRequest
        do throws(SIPTransportError) {
            prepared = try await transport.prepare(request, branch: branch, to: connection)
        } catch {
            return (.transportError(error), nil)
        }
        let key = TransactionKey.client(branch: branch, method: request.method)
        let result = await run(prepared, key: key, options: options, target: target)
        return (result, prepared.flow)
    }

    /// Runs one client transaction for an already prepared request until its final response,
    /// its timeout or a transport error.
    func run(_ prepared: PreparedRequest, key: TransactionKey, options: RequestOptions, target: ResolvedTarget?) async -> AttemptResult {
        let reliability: TransportReliability = prepared.flow.isReliable ? .reliable : .unreliable
        return await withCheckedContinuation { (waiter: CheckedContinuation<AttemptResult, Never>) in
            do throws(TransactionError) {
                let (machine, actions) = try ClientMachine.start(prepared.request, key: key, reliability: reliability, timers: configuration.timers)
                clients[key] = ClientEntry(
                    machine: machine, flow: prepared.flow, sentAt: clock.now(), provisional: options.provisional,
                    lateFinal: options.lateFinal, waiter: waiter)
                if let limit = options.attemptTimeout {
                    clients[key]?.deadline = clock.schedule(after: limit) { [weak self] in await self?.attemptExpired(key) }
                }
                perform(actions, for: key)
            } catch {
                let endpoint = target?.endpoint ?? prepared.flow.remoteEndpoint
                waiter.resume(returning: .transportError(.connectionFailed(endpoint, reason: "\(error)")))
            }
        }
    }

    /// A response arrived: find its client transaction by top Via branch and CSeq method
    /// (RFC 3261 §17.1.3).
    func receive(_ response: SIPResponse, from origin: MessageOrigin) {
        guard let branch = (try? response.headers.via.first)?.branch,
              let method = (try? response.headers.cseq)?.method,
              clients[TransactionKey.client(branch: branch, method: method)] != nil
        else {
            eventSink.yield(.strayResponse(response, origin))
            return
        }
        runClient(TransactionKey.client(branch: branch, method: method)) {
            $0.apply({ $0.receive(response) }, { $0.receive(response) })
        }
    }

    /// The flow under pending client transactions died: they fail with a transport error
    /// (RFC 3261 §17.1.4), which fails over.
    func failTransactions(on flow: FlowInfo, _ failure: FlowFailure) {
        let affected = clients.filter { $0.value.flow.socket == flow.socket && $0.value.flow.remote == flow.remote }
        for key in affected.keys {
            clients[key]?.flowFailure = .connectionLost(flow, reason: failure.description)
            runClient(key) { $0.apply({ $0.transportFailed() }, { $0.transportFailed() }) }
        }
    }

    func runClient(_ key: TransactionKey, _ event: (inout ClientMachine) -> [ClientTransactionAction]) {
        guard var entry = clients[key] else { return }
        let actions = event(&entry.machine)
        clients[key] = entry
        perform(actions, for: key)
    }

    private func perform(_ actions: [ClientTransactionAction], for key: TransactionKey) {
        for action in actions {
            guard let entry = clients[key] else { return }
            switch action {
            case .sendRequest(let request):
                let transport = transport
                Task {
                    do throws(SIPTransportError) { try await transport.send(request, on: entry.flow) } catch {
                        self.sendFailed(key, error)
                    }
                }
            case .passToTransactionUser(let response) where response.isProvisional:
                // The target answered: it is alive, so the per-attempt limit (meant for dead
                // servers, RFC 3263 §4.3) no longer applies while the INVITE rings.
                clients[key]?.deadline?.cancel()
                clients[key]?.deadline = nil
                entry.provisional?(response)
            case .passToTransactionUser(let response) where entry.waiter == nil:
                // A retransmitted or forked 2xx after the first one (RFC 6026 §3): the TU
                // ACKs each (RFC 3261 §13.2.2.4).
                entry.lateFinal?(response)
            case .passToTransactionUser(let response):
                finish(key, .response(response, roundTrip: clock.now() - entry.sentAt))
            case .startTimer(let timer, let delay): startTimer(timer, after: delay, for: key)
            case .cancelTimer(let timer): cancelTimer(timer, for: key)
            case .timeout: finish(key, .timeout)
            case .transportError: finish(key, .transportError(entry.flowFailure ?? .flowClosed(entry.flow)))
            case .terminated: drop(key)
            }
        }
    }

    private func sendFailed(_ key: TransactionKey, _ error: SIPTransportError) {
        guard clients[key]?.waiter != nil else { return }
        finish(key, .transportError(error))
        runClient(key) { $0.apply({ $0.transportFailed() }, { $0.transportFailed() }) }
    }

    /// Resumes the attempt's waiter once; the machine may live on to absorb retransmissions.
    private func finish(_ key: TransactionKey, _ result: AttemptResult) {
        clients[key]?.deadline?.cancel()
        clients[key]?.waiter?.resume(returning: result)
        clients[key]?.waiter = nil
    }

    /// The per-attempt limit passed: give up on this target and abandon its transaction.
    private func attemptExpired(_ key: TransactionKey) {
        guard clients[key]?.waiter != nil else { return }
        finish(key, .timeout)
        drop(key)
    }

    private func drop(_ key: TransactionKey) {
        cancelTimers(of: key)
        if let entry = clients.removeValue(forKey: key) {
            entry.deadline?.cancel()
            entry.waiter?.resume(returning: .transportError(.flowClosed(entry.flow)))
        }
    }
}

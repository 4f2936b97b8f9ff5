import SIPSyntax

/// The keep-alive of one flow: the machine, the flow it watches and its one timer.
struct KeepAliveWatch {
    var machine: KeepAliveMachine
    var flow: FlowInfo
    var timer: ScheduledTimer?
    /// Increases with every timer, so a timer that fires after it was replaced is ignored.
    var generation = 0
    /// The branch of the OPTIONS ping in flight on UDP.
    var pingBranch: String?
}

extension SIPTransportLayer {
    /// Watches `flow` with keep-alive pings (RFC 5626 §4.4); a missing pong or a closed
    /// connection is reported once as `.flowFailed`, each pong as `.keepAlivePong`.
    public func startKeepAlive(on flow: FlowInfo, _ configuration: KeepAliveConfiguration) {
        let key = FlowKey(flow)
        stopKeepAlive(on: flow)
        let machine = KeepAliveMachine(
            configuration: configuration, expectsPong: flow.isReliable || configuration.udpProbe == .options)
        keepAlives[key] = KeepAliveWatch(machine: machine, flow: flow)
        let actions = machine.start(unit: Double.random(in: 0..<1, using: &random))
        perform(actions, for: key)
    }

    /// Stops watching `flow`.
    public func stopKeepAlive(on flow: FlowInfo) {
        guard let watch = keepAlives.removeValue(forKey: FlowKey(flow)) else { return }
        watch.timer?.cancel()
        if let branch = watch.pingBranch { keepAliveBranches[branch] = nil }
    }

    /// Applies `event` to the flow's machine and performs what it asks.
    func runKeepAlive(_ key: FlowKey, _ event: (inout KeepAliveMachine) -> [KeepAliveMachine.Action]) {
        guard var watch = keepAlives[key] else { return }
        let actions = event(&watch.machine)
        keepAlives[key] = watch
        perform(actions, for: key)
    }

    func keepAlivePongArrived(on key: FlowKey) {
        let unit = Double.random(in: 0..<1, using: &random)
        let now = clock.now()
        runKeepAlive(key) { $0.pongReceived(at: now, unit: unit) }
    }

    /// A response to one of our UDP OPTIONS pings counts as the pong; true when it was one.
    func keepAliveResponseArrived(_ response: SIPResponse) -> Bool {
        guard let branch = (try? response.headers.via.first)?.branch,
              let key = keepAliveBranches.removeValue(forKey: branch) else { return false }
        keepAlives[key]?.pingBranch = nil
        keepAlivePongArrived(on: key)
        return true
    }

    private func perform(_ actions: [KeepAliveMachine.Action], for key: FlowKey) {
        for action in actions {
            guard let watch = keepAlives[key] else { return }
            switch action {
            case .sendPing: sendPing(on: watch.flow, key: key)
            case .startTimer(let delay): arm(key, after: delay)
            case .cancelTimer: watch.timer?.cancel()
            case .reportPong(let roundTrip): eventSink.yield(.keepAlivePong(watch.flow, roundTrip: roundTrip))
            case .reportDead(let failure): bury(key, watch, failure)
            }
        }
    }

    private func arm(_ key: FlowKey, after delay: Duration) {
        guard var watch = keepAlives[key] else { return }
        watch.timer?.cancel()
        watch.generation += 1
        let generation = watch.generation
        watch.timer = clock.schedule(after: delay) { [weak self] in
            await self?.keepAliveTimerFired(key, generation: generation)
        }
        keepAlives[key] = watch
    }

    private func keepAliveTimerFired(_ key: FlowKey, generation: Int) {
        guard keepAlives[key]?.generation == generation else { return }
        let now = clock.now()
        let unit = Double.random(in: 0..<1, using: &random)
        runKeepAlive(key) { $0.timerFired(at: now, unit: unit) }
    }

    /// CRLFCRLF on a connection (RFC 5626 §4.4.1); on UDP an OPTIONS without retransmission, or
    /// a bare CRLFCRLF when no pong is awaited.
    private func sendPing(on flow: FlowInfo, key: FlowKey) {
        let bytes: [UInt8]
        switch flow.transport {
        case .tcp, .tls:
            bytes = KeepAliveBytes.ping
        case .udp where keepAlives[key]?.machine.expectsPong == false:
            bytes = KeepAliveBytes.ping
        case .udp:
            let ping = KeepAlivePing.request(on: flow, userAgent: configuration.userAgent, random: &random)
            keepAliveBranches[ping.branch] = key
            keepAlives[key]?.pingBranch = ping.branch
            bytes = ping.request.serialized()
        }
        Task { try? await self.write(bytes, on: flow) }
    }

    /// The flow is dead: report it, stop watching, and close a connection so the next request
    /// opens a fresh one.
    private func bury(_ key: FlowKey, _ watch: KeepAliveWatch, _ failure: FlowFailure) {
        stopKeepAlive(on: watch.flow)
        eventSink.yield(.flowFailed(watch.flow, failure))
        if case .noPong = failure, watch.flow.isReliable {
            forget(watch.flow.socket)?.channel.close(promise: nil)  // forgotten first: no second report
        }
    }
}

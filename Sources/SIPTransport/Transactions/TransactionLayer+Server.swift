import SIPProtocol
import SIPSyntax

extension TransactionLayer {
    /// A request arrived: a retransmission goes to its server transaction, an ACK to the INVITE
    /// transaction it acknowledges (RFC 3261 §17.2.3), anything else starts a transaction and
    /// goes to the TU. Branches without the magic cookie (RFC 2543) are handled statelessly.
    func receive(_ request: SIPRequest, from origin: MessageOrigin) {
        guard let via = try? request.headers.via.first, let branch = via.branch,
              let key = TransactionKey.server(branch: branch, sentBy: Self.sentBy(via), method: request.method)
        else {
            deliver(IncomingRequest(request: request, origin: origin, transaction: nil))
            return
        }
        if servers[key] != nil {
            runServer(key) { $0.apply({ $0.receive(request) }, { $0.receive(request) }) }
            return
        }
        guard request.method != .ack else {
            eventSink.yield(.ackReceived(request, origin))
            return
        }
        guard servers.count < configuration.maximumServerTransactions else {
            refuseWhileFull(request, from: origin)
            return
        }
        if refusedWhileFull > 0 {
            eventSink.yield(.overloaded(reason: "over: \(refusedWhileFull) requests were refused with 503", origin))
            refusedWhileFull = 0
        }
        let reliability: TransportReliability = origin.flow.isReliable ? .reliable : .unreliable
        do throws(TransactionError) {
            let (machine, actions) = try ServerMachine.start(request, key: key, reliability: reliability, timers: configuration.timers)
            servers[key] = ServerEntry(machine: machine, origin: origin)
            perform(actions, for: key)
        } catch {
            eventSink.yield(.messageDropped(reason: "cannot start a server transaction: \(error)", origin))
        }
    }

    /// Too many transactions held (a flood): 503 with Retry-After, sent statelessly so the
    /// refusal itself holds nothing (RFC 3261 §21.5.4, §8.2.7). Retransmissions of the request
    /// get the same answer. The first refusal of an overload is reported, not every one.
    private func refuseWhileFull(_ request: SIPRequest, from origin: MessageOrigin) {
        if refusedWhileFull == 0 {
            eventSink.yield(.overloaded(
                reason: "\(servers.count) requests in progress; new ones are refused with 503 until some end", origin))
        }
        refusedWhileFull += 1
        var response = ResponseFactory.response(
            to: request, statusCode: 503, reasonPhrase: "Service Unavailable",
            toTag: RandomToken.make(using: &random), server: configuration.userAgent)
        response.headers.append(.retryAfter, "\(Self.overloadRetryAfterSeconds)")
        let transport = transport
        Task { try? await transport.sendResponse(response, to: origin) }
    }

    /// How long a refused client is asked to wait: about half of Timer J, by when many of the
    /// held transactions have ended.
    static let overloadRetryAfterSeconds = 16

    /// The TU's response to a request it received: through its server transaction, or
    /// statelessly for requests that have none.
    public func respond(to incoming: IncomingRequest, with response: SIPResponse) async {
        if let key = incoming.transaction, servers[key] != nil {
            runServer(key) { $0.apply({ $0.respond(with: response) }, { $0.respond(with: response) }) }
            return
        }
        try? await transport.sendResponse(response, to: incoming.origin)
    }

    func runServer(_ key: TransactionKey, _ event: (inout ServerMachine) -> [ServerTransactionAction]) {
        guard let entry = servers[key] else { return }
        let actions = event(&entry.machine)
        perform(actions, for: key)
    }

    private func perform(_ actions: [ServerTransactionAction], for key: TransactionKey) {
        for action in actions {
            guard let entry = servers[key] else { return }
            switch action {
            case .sendResponse(let response):
                let transport = transport
                Task {
                    do throws(SIPTransportError) { try await transport.sendResponse(response, to: entry.origin) } catch {
                        self.runServer(key) { $0.apply({ $0.transportFailed() }, { $0.transportFailed() }) }
                    }
                }
            case .passToTransactionUser(let request) where request.method == .ack:
                eventSink.yield(.ackReceived(request, entry.origin))
            case .passToTransactionUser(let request):
                deliver(IncomingRequest(request: request, origin: entry.origin, transaction: key))
            case .startTimer(let timer, let delay): startTimer(timer, after: delay, for: key)
            case .cancelTimer(let timer): cancelTimer(timer, for: key)
            case .ackTimeout: eventSink.yield(.serverTransactionFailed(key, entry.origin, reason: "no ACK before Timer H"))
            case .transportError: eventSink.yield(.serverTransactionFailed(key, entry.origin, reason: "the response could not be sent"))
            case .terminated:
                cancelTimers(of: key)
                servers[key] = nil
            }
        }
    }

    /// To the TU, unless this layer was asked to answer OPTIONS itself (RFC 3261 §11.2).
    private func deliver(_ incoming: IncomingRequest) {
        guard configuration.answersOptions, incoming.request.method == .options else {
            eventSink.yield(.requestReceived(incoming))
            return
        }
        var response = ResponseFactory.response(
            to: incoming.request, statusCode: 200, reasonPhrase: "OK",
            toTag: RandomToken.make(using: &random), server: configuration.userAgent)
        response.headers.append(.allow, configuration.allowedMethods.map(\.rawValue).joined(separator: ", "))
        response.headers.append(.accept, "application/sdp")
        Task { await self.respond(to: incoming, with: response) }
    }

    /// The sent-by of a Via as the server key compares it: `host:port` (RFC 3261 §17.2.3).
    static func sentBy(_ via: SIPVia) -> String {
        via.port.map { "\(via.host):\($0)" } ?? via.host.description
    }
}

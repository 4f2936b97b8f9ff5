import CallHistory
import DialtoneConfig
import Foundation
import MediaEngine
import SDP
import SIPDialog
import SIPServerLocation
import SIPSyntax
import SIPTransport

/// One call: an actor that drives the sans-I/O `InviteSession` over the transaction layer
/// (RFC 3261 §13–15), owns the call's media session, runs the session's timers on the engine
/// clock, and reports snapshots and notifications. Network input arrives through one queue
/// (`deliver`), so the session sees it in order; user commands are methods.
actor Call {
    nonisolated let id: CallID
    nonisolated let account: String
    let setup: CallSetup
    let services: EngineServices
    let owner: CallOwner
    let history: CallHistoryStore?
    let inbox: AsyncStream<CallInput>.Continuation
    /// Outgoing messages in the order the session produced them: each job finishes putting its
    /// message on its way before the next starts, so an ACK is on the wire before the BYE that
    /// follows it (both resolve their next hop first, which would otherwise let them race).
    let outbox: AsyncStream<@Sendable () async -> Void>.Continuation
    var session: InviteSession?
    var media: (any CallMediaSession)?
    var snapshot: CallSnapshot
    /// Requests we still owe a response to, by the identity the session names them with.
    var pending: [RequestIdentity: IncomingRequest] = [:]
    var timers: [CallTimer: (id: Int, timer: ScheduledTimer)] = [:]
    var nextTimerID = 0
    var isFinished = false
    /// Set when this call was placed for a peer's REFER: its outcome is reported there.
    var referredBy: CallID?
    /// The user answered an incoming call while its media was still being prepared (there is
    /// no session to answer yet): the answer is carried out as soon as the session exists.
    var answerWhenReady = false

    init(id: CallID, direction: CallSnapshot.Direction, remoteURI: String, setup: CallSetup,
         services: EngineServices, owner: CallOwner, history: CallHistoryStore?) {
        self.id = id
        self.account = setup.account.name
        self.setup = setup
        self.services = services
        self.owner = owner
        self.history = history
        snapshot = CallSnapshot(id: id, account: setup.account.name, direction: direction, remoteURI: remoteURI, startedAt: Date())
        let (stream, sink) = AsyncStream.makeStream(of: CallInput.self)
        inbox = sink
        let (jobs, jobSink) = AsyncStream.makeStream(of: (@Sendable () async -> Void).self)
        outbox = jobSink
        Task { [self] in
            for await input in stream { await self.handle(input) }
        }
        Task {
            for await job in jobs { await job() }
        }
    }

    /// Queues network or timer input for the session.
    nonisolated func deliver(_ input: CallInput) {
        inbox.yield(input)
    }

    var sipCallID: String? { snapshot.sipCallID }
    var dialogID: DialogID? { session?.dialog?.id }
    var remoteTarget: URI? { session?.dialog?.remoteAddress.uri }

    func isReplaced(by replaces: ReplacesHeader) -> Bool {
        session?.isReplaced(by: replaces) ?? false
    }

    func markReferred(by call: CallID) {
        referredBy = call
    }

    // MARK: - Starting

    /// Prepares media, then sends the INVITE with our offer (RFC 3261 §13.2.1).
    func placeCall(to target: URI) async {
        guard let capabilities = await prepareMedia() else { return }
        var created = InviteSession(configuration: setup.sessionConfiguration(media: capabilities), random: SystemCallRandomSource())
        let actions = created.start(target: target)
        session = created
        if let invite = actions.sentRequests.first, let callID = invite.headers[SIPHeaderName.callID] {
            snapshot.sipCallID = callID
            await owner.claim(id, callID)
        }
        publish()
        await perform(actions)
    }

    /// Takes an INVITE for us: the session checks it and reports `.incoming`; we ring at once
    /// (180, RFC 3261 §13.3.1.1) and wait for answer or reject.
    func receiveInvite(_ incoming: IncomingRequest) async {
        snapshot.sipCallID = incoming.request.headers[.callID]
        pending[RequestIdentity(incoming.request)] = incoming
        guard let capabilities = await prepareMedia() else {
            let refusal = ResponseFactory.response(
                to: incoming.request, statusCode: 503, reasonPhrase: "Media Unavailable", toTag: nil, server: setup.userAgent)
            await services.transactions.respond(to: incoming, with: refusal)
            return
        }
        var created = InviteSession(configuration: setup.sessionConfiguration(media: capabilities), random: SystemCallRandomSource())
        var actions = created.receive(incoming.request)
        if actions.events.contains(where: { if case .incoming = $0 { true } else { false } }) {
            actions += created.ring()
        }
        session = created
        await perform(actions)
        if created.endReason != nil, !isFinished { await finish(created.endReason ?? .protocolError("refused")) }
        if answerWhenReady, !isFinished {
            answerWhenReady = false
            await answer()
        }
    }

    private func prepareMedia() async -> LocalMediaCapabilities? {
        do throws(CallMediaError) {
            let prepared = try await setup.mediaFactory.prepare(setup.mediaRequest)
            media = prepared
            let events = prepared.events
            Task { [weak self] in
                for await event in events { await self?.mediaEvent(event) }
            }
            return prepared.capabilities
        } catch {
            await finish(.mediaUnavailable(error.description))
            return nil
        }
    }

    // MARK: - Commands

    /// Answers the incoming call; false when there is nothing to answer (an outgoing call, or
    /// one already answered or ended). Pressed while the media is still being prepared, the
    /// answer waits for it; if preparing fails the call ends with that reason instead.
    @discardableResult
    func answer() async -> Bool {
        guard !isFinished else { return false }
        guard var current = session else {
            guard snapshot.direction == .incoming else { return false }
            answerWhenReady = true
            return true
        }
        guard current.isAwaitingAnswer else { return false }
        let actions = current.answer()
        session = current
        await perform(actions)
        return true
    }

    func reject(statusCode: Int, reasonPhrase: String) async {
        guard var current = session else { return }
        let actions = current.reject(statusCode: statusCode, reasonPhrase: reasonPhrase)
        session = current
        await perform(actions)
    }

    func hangUp() async {
        await hangUp(reason: .localHangUp)
    }

    func hangUp(reason: CallEndReason) async {
        guard var current = session else {
            if !isFinished { await finish(reason) }
            return
        }
        let actions = current.hangUp(reason: reason)
        session = current
        await perform(actions)
    }

    func hold() async { await run { $0.hold() } }
    func resume() async { await run { $0.resume() } }

    func transfer(to target: SIPURI) async { await run { $0.transfer(to: target) } }

    func transfer(to target: SIPURI, replacing consultation: DialogID) async {
        await run { $0.transfer(to: target, replacing: consultation) }
    }

    /// Reports how the call we placed for the peer's REFER went (RFC 3515 §2.4.5).
    func notifyTransferProgress(statusCode: Int, reasonPhrase: String) async {
        await run { $0.notifyTransferProgress(statusCode: statusCode, reasonPhrase: reasonPhrase) }
    }

    /// DTMF as the account prefers: RFC 4733 events when the media negotiated them, else (or
    /// with `dtmf = "info"`) one SIP INFO per digit, each waiting for the previous one's
    /// answer so the digits arrive in order.
    func sendDTMF(_ digits: String) async -> Bool {
        if setup.account.dtmf == .rfc4733, let media, await media.sendDTMF(digits) { return true }
        for digit in digits {
            guard var current = session else { return false }
            let actions = current.sendDTMF(digit)
            session = current
            guard let info = actions.sentRequests.first else { return false }
            let response = await sendAwaiting(info)
            deliver(.response(response))
            if !response.isSuccess { return false }
        }
        return true
    }

    private func run(_ command: (inout InviteSession) -> [CallAction]) async {
        guard var current = session else { return }
        let actions = command(&current)
        session = current
        await perform(actions)
    }

    // MARK: - Input

    private func handle(_ input: CallInput) async {
        guard var current = session, !isFinished else { return }
        let actions: [CallAction]
        switch input {
        case .request(let incoming):
            pending[RequestIdentity(incoming.request)] = incoming
            actions = current.receive(incoming.request)
        case .ack(let ack):
            actions = current.receive(ack)
        case .response(let response), .lateSuccess(let response):
            actions = current.receive(response)
        case .timer(let timer, let timerID):
            guard timers[timer]?.id == timerID else { return }
            timers[timer] = nil
            actions = current.timerFired(timer)
        }
        session = current
        await perform(actions)
    }

    private func mediaEvent(_ event: CallMediaEvent) {
        switch event {
        case .dtmfReceived(let digit, _):
            notify(.dtmf(digit))
        case .statistics(let statistics):
            notify(.stats(statistics))
        case .noMediaReceived(let seconds):
            snapshot.noMediaSeconds = seconds
            publish()
            notify(.noMedia(seconds: seconds))
            if setup.hangsUpWithoutMedia { Task { await self.hangUp(reason: .noMedia(seconds: seconds)) } }
        case .mediaRestored:
            snapshot.noMediaSeconds = nil
            publish()
            notify(.mediaRestored)
        case .failed(let reason):
            owner.emit(.notice("call \(id): media failed: \(reason)"))
            Task { await self.hangUp() }
        }
    }
}

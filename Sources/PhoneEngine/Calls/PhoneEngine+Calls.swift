import CallHistory
import DialtoneConfig
import Foundation
import MediaEngine
import SDP
import SIPDialog
import SIPServerLocation
import SIPSyntax
import SIPTransport

/// Call control: the commands the UI, the command line and the control socket share.
extension PhoneEngine {
    /// Places a call to `target` (a SIP URI, `user@host`, or a number completed with the
    /// account's domain) on `account` (nil: the first enabled account). Other active calls are
    /// put on hold first: one line talks at a time.
    public func dial(_ target: String, account name: String? = nil) async throws(CallError) -> CallID {
        if Self.isEchoTest(target) { return await startEchoTest() }
        guard let registrar = try callAccount(name) else { throw .noSuchAccount(name) }
        guard let uri = CallTarget.uri(for: target, account: registrar.settings) else { throw .invalidTarget(target) }
        if DirectCallsAccount.cannotReach(uri, from: registrar.settings) {
            throw .needsAccount(target)
        }
        return try await place(uri, on: registrar)
    }

    /// Answers an incoming call, holding the others. True when the call was answered, or will
    /// be as soon as its media is ready (it ends with the reason if that fails); false when
    /// there is no such call or nothing to answer.
    public func answer(_ id: CallID) async -> Bool {
        guard let call = callTable.calls[id] else { return false }
        await holdOthers(than: id)
        return await call.answer()
    }

    /// Refuses an incoming call (486 Busy Here by default, or 603 Decline, …).
    public func reject(_ id: CallID, statusCode: Int = 486, reasonPhrase: String = "Busy Here") async -> Bool {
        guard let call = callTable.calls[id] else { return false }
        await call.reject(statusCode: statusCode, reasonPhrase: reasonPhrase)
        return true
    }

    /// BYE, CANCEL or 603, whichever the call's phase needs.
    public func hangUp(_ id: CallID) async -> Bool {
        guard let line = line(id) else { return false }
        await line.hangUp()
        return true
    }

    public func hold(_ id: CallID) async -> Bool {
        guard let call = callTable.calls[id] else { return false }
        await call.hold()
        return true
    }

    /// Takes a call off hold, putting the other active calls on hold.
    public func resume(_ id: CallID) async -> Bool {
        guard let call = callTable.calls[id] else { return false }
        await holdOthers(than: id)
        await call.resume()
        return true
    }

    /// Blind transfer (RFC 3515): REFER the peer to `target`; our leg ends when it succeeds.
    public func transfer(_ id: CallID, to target: String) async -> Bool {
        guard let call = callTable.calls[id], let registrar = registrars[call.account],
              let uri = CallTarget.uri(for: target, account: registrar.settings)?.sipURI else { return false }
        await call.transfer(to: uri)
        return true
    }

    /// Attended transfer (RFC 5589 §7): REFER the peer of `id` to the peer of `consultation`,
    /// with Replaces naming the consultation dialog (RFC 3891).
    public func attendedTransfer(_ id: CallID, replacing consultation: CallID) async -> Bool {
        guard let call = callTable.calls[id], let other = callTable.calls[consultation],
              let dialog = await other.dialogID, let target = await other.remoteTarget?.sipURI else { return false }
        await call.transfer(to: target, replacing: dialog)
        return true
    }

    /// Sends DTMF digits (0-9, *, #, A-D) on a call.
    public func sendDTMF(_ id: CallID, _ digits: String) async -> Bool {
        guard let call = callTable.calls[id] else { return false }
        return await call.sendDTMF(digits)
    }

    /// Snapshots of the calls in progress, oldest first.
    public func calls() async -> [CallSnapshot] {
        var result: [CallSnapshot] = []
        for line in lines { result.append(await line.snapshot) }
        // A call that has just published its end may not have left the table yet.
        return result.filter { $0.state != .ended }.sorted { $0.startedAt < $1.startedAt }
    }

    /// Hangs up every call (at shutdown), waiting until each has ended or a short limit passed.
    func hangUpAll() async {
        for line in lines { await line.hangUp() }
        let deadline = ContinuousClock.now + .seconds(3)
        while !callTable.calls.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    // MARK: - Placing calls

    func callAccount(_ name: String?) throws(CallError) -> AccountRegistrar? {
        guard services != nil else { throw .notStarted }
        if let name { return registrars[name] }
        for account in accountOrder {
            if let registrar = registrars[account], registrar.settings.enabled { return registrar }
        }
        return nil
    }

    func place(_ uri: URI, on registrar: AccountRegistrar, referredBy: CallID? = nil) async throws(CallError) -> CallID {
        guard let services else { throw .notStarted }
        let route = try await initialRoute(to: uri, registrar: registrar)
        var list = route.targets
        guard let first = list.current(at: services.clock.now()) else { throw .noRoute("no target for \(uri)") }
        let contact = await registrar.contactURI(toward: first)
        var setup = await callSetup(registrar, contact: contact, route: route)
        if !CallTarget.usesAccountServers(uri, account: registrar.settings) { setup.directTarget = uri.sipURI }
        let id = callTable.newID()
        let call = Call(id: id, direction: .outgoing, remoteURI: uri.description, setup: setup,
                        services: services, owner: callOwner(), history: history)
        if let referredBy { await call.markReferred(by: referredBy) }
        callTable.add(call)
        await holdOthers(than: id)
        Task { await call.placeCall(to: uri) }
        return id
    }

    /// Where the INVITE goes: the account's servers (shared failover state), or the URI's own
    /// host for a direct call (RFC 3263 on it).
    private func initialRoute(to uri: URI, registrar: AccountRegistrar) async throws(CallError) -> (targets: TargetList, options: RequestOptions) {
        guard let services else { throw .notStarted }
        if CallTarget.usesAccountServers(uri, account: registrar.settings) {
            guard let targets = await registrar.requestTargets() else { throw .noRoute("the account's servers could not be located") }
            return (targets, await registrar.requestOptions)
        }
        guard let sip = uri.sipURI else { throw .invalidTarget(uri.description) }
        let hop = CallTarget.targetURI(sip)
        let resolution: Resolution
        do throws(ServerLocationError) {
            resolution = try await ServerLocator(client: services.dns).locate(hop)
        } catch {
            throw .noRoute("\(hop): \(error)")
        }
        var options = await registrar.requestOptions
        options.serverName = hop.numericHost == nil ? hop.domain : nil
        return (resolution.targetList(failbackInterval: services.failbackInterval), options)
    }

    func callSetup(_ registrar: AccountRegistrar, contact: SIPURI,
                   route: (targets: TargetList, options: RequestOptions)?) async -> CallSetup {
        let settings = registrar.settings
        let credentials = await registrar.callCredentials().map { CallCredentials(username: $0.username, password: $0.password) }
        var dialogOptions = await registrar.requestOptions
        dialogOptions.serverName = nil
        let mediaHost: String
        switch contact.host {
        case .hostname(let name): mediaHost = name
        case .ipv4(let address): mediaHost = address
        case .ipv6(let address): mediaHost = address
        }
        let general = configuration.general
        var mediaRequest = CallMediaRequest(
            localAddress: mediaHost, codecs: settings.codecs.map(\.rawValue), srtp: Self.srtpPolicy(settings.srtp),
            audio: callAudio, portRange: general.rtpPortRange, noMediaTimeout: general.noRTPTimeout)
        mediaRequest.offersDTLS = settings.srtpKeying == .dtls
        mediaRequest.opus = Self.opusConfiguration(settings.opus)
        var setup = CallSetup(
            account: settings, localAddress: SIPAddress(displayName: settings.displayName, uri: .sip(settings.aor)),
            contact: contact, credentials: credentials, route: route, dialogOptions: dialogOptions,
            mediaFactory: options.mediaFactory ?? SignalingOnlyMediaFactory(), mediaRequest: mediaRequest,
            userAgent: general.userAgent)
        setup.hangsUpWithoutMedia = general.hangupOnNoRTP
        return setup
    }

    static func opusConfiguration(_ settings: OpusSettings) -> OpusCodec.Configuration {
        OpusCodec.Configuration(
            inbandFEC: settings.inbandFEC, dtx: settings.dtx, bitrate: settings.bitrate, complexity: settings.complexity)
    }

    static func srtpPolicy(_ mode: SRTPMode) -> SRTPPolicy {
        switch mode {
        case .off: .off
        case .optional: .optional
        case .mandatory: .mandatory
        }
    }

    /// Puts every answered, unheld call other than `id` on hold (RFC 3264 §8.4).
    func holdOthers(than id: CallID) async {
        for (other, call) in callTable.calls where other != id {
            if await call.snapshot.state == .active { await call.hold() }
        }
    }

    // MARK: - What calls tell the engine

    func callOwner() -> CallOwner {
        let sink = eventSink
        let ringer = ringer
        return CallOwner(
            emit: { event in
                sink.yield(event)
                ringer?.observe(event)
            },
            ended: { [weak self] id, sipCallID in await self?.callEnded(id, sipCallID: sipCallID) },
            claim: { [weak self] id, sipCallID in await self?.claimCall(id, sipCallID: sipCallID) },
            transferRequested: { [weak self] id, target, replaces in
                await self?.transferRequested(by: id, to: target, replaces: replaces)
            },
            transferOutcome: { [weak self] referrer, code, reason in
                await self?.callTable.calls[referrer]?.notifyTransferProgress(statusCode: code, reasonPhrase: reason)
            })
    }

    private func callEnded(_ id: CallID, sipCallID: String?) {
        callTable.remove(id, sipCallID: sipCallID)
        echoCalls[id] = nil
    }

    private func claimCall(_ id: CallID, sipCallID: String) {
        callTable.bySIPCallID[sipCallID] = id
        if let call = callTable.calls[id] { claim(sipCallID, for: call.account) }
    }

    /// A REFER asks us to call `target` (RFC 3515 §2.4.2), or an INVITE with Replaces takes over
    /// one of our calls (RFC 3891 §3): for the latter the new call is answered and the old one
    /// released.
    private func transferRequested(by id: CallID, to target: URI, replaces: ReplacesHeader?) async {
        guard let requester = callTable.calls[id] else { return }
        if await requester.snapshot.direction == .incoming, await requester.snapshot.state != .active,
           await requester.snapshot.answeredAt == nil, let replaces {
            for (other, call) in callTable.calls where other != id {
                guard await call.isReplaced(by: replaces) else { continue }
                await requester.answer()
                await call.hangUp()
                return
            }
            await requester.reject(statusCode: 481, reasonPhrase: "Call/Transaction Does Not Exist")
            return
        }
        guard let registrar = registrars[requester.account], var sip = target.sipURI else { return }
        if let replaces, let parsed = try? URI(parsing: String(ReferTarget.referTo(sip, replacing: replaces).dropFirst().dropLast())) {
            sip = parsed.sipURI ?? sip
        }
        do throws(CallError) {
            _ = try await place(.sip(sip), on: registrar, referredBy: id)
        } catch {
            await requester.notifyTransferProgress(statusCode: 503, reasonPhrase: "Service Unavailable")
        }
    }
}

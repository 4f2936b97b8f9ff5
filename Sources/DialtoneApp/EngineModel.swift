import Foundation
import MediaEngine
import PhoneEngine
import TerminalUI

/// What the UI knows of the engine, kept from its events: the accounts, the registration
/// timeline, the SIP messages (for the debug pane and trace export). A value that takes events
/// and produces `PhoneSnapshot` parts, so the mapping is plain code with no I/O.
///
/// Engine times are durations on the engine's clock; `engineEpoch` is the wall-clock date of
/// the engine's zero, so every row can show a time of day.
public struct EngineModel: Sendable {
    /// Lists are bounded so a flood of messages cannot grow memory without limit; the oldest go
    /// (a list holds up to a quarter more than its limit between trims, see `append`).
    public static let messageLimit = 5000
    public static let timelineLimit = 2000

    public let engineEpoch: Date
    public private(set) var accountOrder: [String] = []
    public private(set) var accounts: [String: AccountSnapshot] = [:]
    public private(set) var timeline: [TerminalUI.RegistrationStep] = []
    public private(set) var messages: [SIPMessageRow] = []
    public private(set) var traces: [TraceRecord] = []
    /// Calls not yet ended, in the order they appeared.
    public private(set) var calls: [CallSnapshot] = []
    /// The latest RTCP-based quality of each call (from `call_stats`, about every 5 s).
    public private(set) var quality: [EngineCallID: CallRow.Quality] = [:]
    /// Since when each call's peer has sent no audio (engine `no_media`), on the wall clock.
    public private(set) var noAudioSince: [EngineCallID: Date] = [:]
    /// Our transfers (REFER) of calls not yet ended, and how each went.
    public private(set) var transfers: [EngineCallID: CallRow.Transfer] = [:]
    /// SIP MESSAGE conversations, received and sent.
    public private(set) var conversations = ConversationLog()

    public init(engineEpoch: Date) {
        self.engineEpoch = engineEpoch
    }

    /// Applies one event that arrived at `now` (wall clock: incoming messages carry no time of
    /// their own); returns a notice to show when the event is one.
    public mutating func apply(_ event: EngineEvent, at now: Date) -> String? {
        switch event {
        case .account(let snapshot):
            if accounts[snapshot.name] == nil { accountOrder.append(snapshot.name) }
            accounts[snapshot.name] = snapshot
            return nil
        case .registrationStep(let account, let step):
            Self.append(&timeline, Self.timelineRow(step, account: account, epoch: engineEpoch), limit: Self.timelineLimit)
            return nil
        case .trace(let entry):
            Self.append(&messages, Self.messageRow(entry, epoch: engineEpoch), limit: Self.messageLimit)
            Self.append(&traces, Self.traceRecord(entry, epoch: engineEpoch), limit: Self.messageLimit)
            return nil
        case .notice(let text):
            return text
        case .call(let snapshot):
            if let index = calls.firstIndex(where: { $0.id == snapshot.id }) {
                if snapshot.isEnded {
                    calls.remove(at: index)
                    // Our leg ends with BYE after a successful transfer: say that, not "ended".
                    let transferred = transfers[snapshot.id] == .succeeded
                    forget(snapshot.id)
                    if transferred { return "call with \(snapshot.remoteDisplayName ?? snapshot.remoteURI) transferred" }
                } else {
                    clearFailedTransfer(from: calls[index], to: snapshot)
                    calls[index] = snapshot
                    noteMedia(snapshot, at: now)
                }
            } else if !snapshot.isEnded {
                calls.append(snapshot)
                noteMedia(snapshot, at: now)
            }
            return snapshot.isEnded ? Self.endNotice(snapshot) : nil
        case .callEvent(let notification):
            guard let call = calls.first(where: { $0.id == notification.call }) else { return nil }
            return apply(notification.kind, to: call)

        case .message(let message):
            conversations.received(
                from: message.from, displayName: message.displayName, account: message.account, text: message.text, at: now)
            return "message from \(message.from): \(message.text)"
        }
    }

    /// The notices and per-call state that call notifications carry beyond the snapshot.
    private mutating func apply(_ kind: CallNotification.Kind, to call: CallSnapshot) -> String? {
        let who = call.remoteDisplayName ?? call.remoteURI
        switch kind {
        case .stats(let statistics):
            quality[call.id] = Self.quality(statistics)
        case .transferProgress(let code, let reason):
            // RFC 3515 §2.4.5: the sipfrag's status is the referee's call to the target.
            if code < 200 {
                transfers[call.id] = .inProgress(statusCode: code)
                return "transfer of \(who): \(code) \(reason)"
            }
            if code < 300 {
                transfers[call.id] = .succeeded
                return "\(who) transferred"
            }
            transfers[call.id] = .failed(statusCode: code, reasonPhrase: reason)
            return "transfer of \(who) failed: \(code) \(reason)"
        case .noMedia(let seconds):
            return "no audio from \(who) for \(seconds) s (one-way audio: a NAT or firewall between you?)"
        case .mediaRestored:
            return "audio from \(who) again"
        case .incoming, .ringing, .earlyMedia, .answered, .held, .resumed, .remoteHold, .dtmf, .ended, .muted, .recording:
            break
        }
        return nil
    }

    /// We sent a REFER for `id` (a blind or attended transfer): shown as in progress until the
    /// peer's NOTIFYs say how it went. Set on the UI thread before the command goes to the
    /// engine, so no progress event can come first.
    public mutating func transferStarted(_ id: EngineCallID) {
        guard calls.contains(where: { $0.id == id }) else { return }
        transfers[id] = .inProgress(statusCode: nil)
    }

    /// The engine refused to send the REFER (no such call, a target it cannot call).
    public mutating func transferNotStarted(_ id: EngineCallID) {
        transfers[id] = nil
    }

    /// The conversation was shown on screen: its messages are read.
    /// Returns whether anything changed, so the caller redraws only then.
    public mutating func markConversationRead(remoteURI: String, account: String) -> Bool {
        conversations.markRead(remoteURI: remoteURI, account: account)
    }

    /// The wall-clock start of the peer's silence, kept while it lasts so the row counts up.
    private mutating func noteMedia(_ snapshot: CallSnapshot, at now: Date) {
        guard let seconds = snapshot.noMediaSeconds else {
            noAudioSince[snapshot.id] = nil
            return
        }
        if noAudioSince[snapshot.id] == nil { noAudioSince[snapshot.id] = now.addingTimeInterval(-Double(seconds)) }
    }

    /// A failed transfer stays on the row until the call changes (resumed, held, …): by then
    /// the user has seen it and acted, and the row must show the call's state again.
    private mutating func clearFailedTransfer(from old: CallSnapshot, to new: CallSnapshot) {
        guard case .failed = transfers[new.id], old.state != new.state || old.isRemoteHold != new.isRemoteHold else { return }
        transfers[new.id] = nil
    }

    private mutating func forget(_ id: EngineCallID) {
        quality[id] = nil
        noAudioSince[id] = nil
        transfers[id] = nil
    }

    /// A message we sent, so the conversation shows both sides.
    public mutating func sentMessage(to uri: String, account: String?, text: String, at now: Date) {
        conversations.sent(to: uri, account: account, defaultAccount: accountOrder.first ?? "", text: text, at: now)
    }

    /// Everything the screen shows, with contact names put on calls and conversations.
    /// `engineNow` is the engine's clock, for registration refresh countdowns.
    public func snapshot(engineNow: Duration, contacts: [ContactRow], history: [HistoryEntry]) -> PhoneSnapshot {
        let names = ContactNames(contacts)
        return PhoneSnapshot(
            accounts: accountRows(engineNow: engineNow), calls: callRows(names: names), contacts: contacts, history: history,
            conversations: conversations.conversations(names: names), registrationTimeline: timeline, sipMessages: messages)
    }

    /// The calls area's rows; a contact's name wins over the display name the peer sent.
    public func callRows(names: ContactNames = ContactNames([])) -> [CallRow] {
        calls.map { call in
            var row = Self.callRow(call)
            if let name = names.name(for: call.remoteURI) { row.remoteName = name }
            row.quality = quality[call.id]
            row.noAudioSince = noAudioSince[call.id]
            row.transfer = transfers[call.id]
            return row
        }
    }

    public static func quality(_ statistics: CallMediaStatistics) -> CallRow.Quality {
        CallRow.Quality(
            lossPercent: statistics.lossFraction * 100, jitterMilliseconds: statistics.jitterMilliseconds,
            meanOpinionScore: statistics.mos)
    }

    /// `PCMU/8000` → `PCMU`: the rate is implied by the codec and the column is narrow.
    public static func codecName(_ codec: String?) -> String? {
        codec.map { String($0.split(separator: "/").first ?? Substring($0)) }
    }

    public static func callRow(_ call: CallSnapshot) -> CallRow {
        let state: CallRow.State
        switch call.state {
        case .dialing: state = .dialling
        case .ringing, .incoming: state = .ringing
        case .earlyMedia: state = .earlyMedia
        case .active: state = call.isRemoteHold ? .heldByRemote : .talking
        case .held: state = .onHold
        case .ended: state = .ended
        }
        // The engine names it `none`, `srtp-sdes` or `dtls-srtp` (CallEncryption.kind).
        let kind = call.encryption.lowercased()
        let encryption: CallRow.Encryption = kind.hasPrefix("dtls") ? .dtls : kind.hasPrefix("srtp") ? .srtp : .none
        return CallRow(
            id: TerminalUI.CallID(call.id.rawValue), remoteName: call.remoteDisplayName, remoteURI: call.remoteURI,
            account: call.account, direction: call.direction == .incoming ? .incoming : .outgoing, state: state,
            connectedAt: call.answeredAt, codec: codecName(call.codec), encryption: encryption,
            isMuted: call.isMuted, isRecording: call.recordingPath != nil)
    }

    /// One line when a call ends: who, and why when it did not end normally.
    public static func endNotice(_ call: CallSnapshot) -> String {
        let who = call.remoteDisplayName ?? call.remoteURI
        guard let code = call.endCode, code >= 300 else { return "call with \(who) ended" }
        return "call with \(who) ended: \(code) \(call.endReason ?? "")"
    }

    /// The status bar's rows, with refresh countdowns worked out against `engineNow`.
    public func accountRows(engineNow: Duration) -> [AccountRow] {
        accountOrder.compactMap { accounts[$0] }.map { Self.accountRow($0, engineNow: engineNow) }
    }

    /// Keeps between `limit` and 1.25 × `limit` elements. Trimming one element per append
    /// would move the whole array for every SIP message (thousands a second in a flood);
    /// trimming a quarter at a time makes each append O(1) amortised. Static on purpose: an
    /// instance method called with `&messages` makes Swift copy `self` for the call, so the
    /// array is no longer uniquely referenced and every append copied all 5000 rows.
    private static func append<T>(_ list: inout [T], _ element: T, limit: Int) {
        list.append(element)
        if list.count > limit + limit / 4 { list.removeFirst(list.count - limit) }
    }

    // MARK: - Mappings

    public static func accountRow(_ snapshot: AccountSnapshot, engineNow: Duration) -> AccountRow {
        let state: AccountRow.RegistrationState
        switch snapshot.status {
        case .registering: state = .registering
        case .registered(_, let refreshAt): state = .registered(refreshInSeconds: max(0, seconds(refreshAt - engineNow)))
        case .failed(let diagnosis, _): state = .failed(reason: firstLine(diagnosis))
        // Un-registering is shown as off at once: the user asked for it and nothing else can happen.
        case .disabled, .idle, .unregistering, .unregistered: state = .disabled
        }
        let voice = snapshot.voicemail?.voice
        return AccountRow(name: snapshot.name, registration: state, voicemailNew: voice?.new ?? 0, voicemailOld: voice?.old ?? 0)
    }

    /// `kind: detail`; responses and the diagnosis coloured by how they went.
    public static func timelineRow(_ step: EngineRegistrationStep, account: String, epoch: Date) -> TerminalUI.RegistrationStep {
        let outcome = step.kind == "diagnosis" ? .failure : (step.kind == "response" ? responseOutcome(step.detail) : .info)
        return TerminalUI.RegistrationStep(account: account, time: date(step.time, epoch), text: "\(step.kind): \(step.detail)", outcome: outcome)
    }

    /// 2xx succeeded; a challenge (401/407) or a provisional response is only a step; other
    /// final responses failed.
    public static func responseOutcome(_ statusLine: String) -> TerminalUI.RegistrationStep.Outcome {
        guard let code = statusCode(statusLine) else { return .info }
        if (200..<300).contains(code) { return .success }
        if code < 200 || code == 401 || code == 407 { return .info }
        return .failure
    }

    public static func messageRow(_ entry: TraceEntry, epoch: Date) -> SIPMessageRow {
        let summary: SIPMessageRow.Summary
        if let code = statusCode(entry.firstLine) {
            let reason = entry.firstLine.split(separator: " ", maxSplits: 2).dropFirst(2).first.map(String.init) ?? ""
            summary = .response(code: code, reason: reason)
        } else {
            summary = .request(method: entry.firstLine.split(separator: " ").first.map(String.init) ?? "?")
        }
        return SIPMessageRow(
            time: date(entry.time, epoch), direction: entry.direction == .sent ? .sent : .received, summary: summary,
            callID: entry.callID ?? "", account: entry.account ?? "", rawText: entry.text)
    }

    /// The redacted text, never `raw`: an exported trace must be as safe to share as the screen.
    public static func traceRecord(_ entry: TraceEntry, epoch: Date) -> TraceRecord {
        TraceRecord(
            time: date(entry.time, epoch), direction: entry.direction == .sent ? .sent : .received, transport: entry.transport,
            local: entry.local, remote: entry.remote, text: entry.text)
    }

    /// The status code of a status line (`SIP/2.0 401 Unauthorized`), nil for a request line.
    public static func statusCode(_ line: String) -> Int? {
        guard line.hasPrefix("SIP/2.0 ") else { return nil }
        return Int(line.dropFirst(8).prefix(3))
    }

    static func date(_ time: Duration, _ epoch: Date) -> Date {
        epoch.addingTimeInterval(Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18)
    }

    static func seconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds)
    }

    private static func firstLine(_ text: String) -> String {
        text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
    }
}

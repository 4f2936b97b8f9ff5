import Foundation
import Themes

/// The calls area: one aligned row per call, numbered as commands refer to them (`answer 2`).
enum CallsPane {
    /// The flags column is only as wide as "MUTED REC" while some call is muted or recorded;
    /// at 80 columns the quality column then makes way (columns drop from the right).
    static func columns(flagsWidth: Int) -> [Columns.Spec] {
        [
            .fixed(2, .right), .flexible(minimum: 12), .fixed(8), .fixed(14), .fixed(7, .right),
            .fixed(5), .fixed(4), .fixed(flagsWidth), .fixed(14),
        ]
    }
    static let headers = ["#", "Remote", "Account", "State", "Time", "Codec", "Enc", "", " Loss  Jit MOS"]

    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        guard !rect.isEmpty else { return }
        let focused = state.focus == .calls
        buffer.drawBox(rect, title: "Calls", titleRole: focused ? .listSelected : nil)
        let inner = rect.inset(by: 1)
        let calls = state.phone.calls
        let flagged = calls.contains { $0.isMuted || $0.isRecording }
        let table = Columns(columns(flagsWidth: flagged ? 9 : 2), totalWidth: inner.width - 1)
        table.draw(headers, into: &buffer, x: inner.x + 1, y: inner.y)
        let current = state.currentCall?.id
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        ListDrawing.draw(
            count: calls.count, selection: calls.firstIndex { $0.id == current }, focused: focused, in: list,
            into: &buffer
        ) { index, row, buffer in
            let call = calls[index]
            table.draw(
                values(call, number: index + 1, now: state.now), into: &buffer, x: row.x, y: row.y,
                roles: [3: stateRole(call), 6: call.encryption == .none ? .callUnencrypted : .callEncrypted, 7: .callRinging])
        }
    }

    static func values(_ call: CallRow, number: Int, now: Date) -> [String] {
        let duration = call.connectedAt.map { TimeText.duration(seconds: Int(now.timeIntervalSince($0))) } ?? ""
        let flags = [call.isMuted ? "MUTED" : nil, call.isRecording ? "REC" : nil].compactMap { $0 }.joined(separator: " ")
        return [
            "\(number)", call.displayName, call.account, stateText(call, now: now), duration, call.codec ?? "",
            encryptionText(call.encryption), flags, call.quality.map(qualityText) ?? "",
        ]
    }

    /// What the State column says. A transfer in flight or just decided, then missing audio,
    /// win over the call state: they are what the user must act on (the call is still
    /// "talking" underneath, and says so again once they clear).
    static func stateText(_ call: CallRow, now: Date) -> String {
        if let transfer = call.transfer { return transferText(transfer) }
        if let since = call.noAudioSince {
            let seconds = max(0, Int(now.timeIntervalSince(since)))
            return "no audio " + (seconds < 60 ? "\(seconds)s" : TimeText.duration(seconds: seconds))
        }
        return stateText(call)
    }

    /// Fits the 14-column State column: the status line's words go to the notice line.
    static func transferText(_ transfer: CallRow.Transfer) -> String {
        switch transfer {
        case .inProgress: return "transferring…"
        case .succeeded: return "transferred"
        case .failed(let code, _): return "transfer ✗ \(code)"
        }
    }

    static func stateRole(_ call: CallRow) -> Role {
        switch call.transfer {
        case .inProgress, .succeeded: return .callDialling
        case .failed: return .callNoMedia
        case nil: return call.noAudioSince == nil ? role(for: call.state) : .callNoMedia
        }
    }

    static func stateText(_ call: CallRow) -> String {
        switch call.state {
        case .dialling: return "dialling"
        case .ringing: return call.direction == .incoming ? "ringing (in)" : "ringing"
        case .earlyMedia: return "early media"
        case .talking: return "talking"
        case .onHold: return "on hold"
        case .heldByRemote: return "held by remote"
        case .ended: return "ended"
        }
    }

    static func role(for state: CallRow.State) -> Role {
        switch state {
        case .dialling: return .callDialling
        case .ringing: return .callRinging
        case .earlyMedia: return .callEarlyMedia
        case .talking: return .callTalking
        case .onHold: return .callOnHold
        case .heldByRemote: return .callHeldByRemote
        case .ended: return .callOnHold
        }
    }

    static func encryptionText(_ encryption: CallRow.Encryption) -> String {
        switch encryption {
        case .none: return "RTP"
        case .srtp: return "SRTP"
        case .dtls: return "DTLS"
        }
    }

    /// `0.5% 12ms 4.3`, each number padded so the three line up between calls.
    static func qualityText(_ quality: CallRow.Quality) -> String {
        let loss = TextLayout.padded(String(format: "%.1f%%", quality.lossPercent), to: 5, alignment: .right)
        let jitter = TextLayout.padded(String(format: "%.0fms", quality.jitterMilliseconds), to: 5, alignment: .right)
        return loss + jitter + String(format: " %.1f", quality.meanOpinionScore)
    }
}

import Foundation

/// The `--json` form of engine events: one object per line, `event` naming it, `time` (ISO 8601,
/// UTC, milliseconds), `account`, and `call` for call events. Field names are stable (the
/// README lists them); scripts are written against them. Account snapshots become
/// `registering` / `registered` / `registration_failed` / `unregistered` / `mwi` only when that
/// part changed, so the encoder keeps the last state per account.
public struct EngineEventJSON: Sendable {
    private var lastStatus: [String: String] = [:]
    private var lastVoicemail: [String: String] = [:]

    public init() {}

    /// The line for `event`, or nil when it has no JSON form (traces, steps, unchanged accounts).
    public mutating func line(for event: EngineEvent, at date: Date = Date()) -> String? {
        guard let fields = fields(for: event) else { return nil }
        return JSONLine.render([("event", .string(fields.name)), ("time", .string(Self.timestamp(date)))] + fields.values)
    }

    private mutating func fields(for event: EngineEvent) -> (name: String, values: [(String, JSONLine.Value)])? {
        switch event {
        case .account(let snapshot): return account(snapshot)
        case .registrationStep, .trace, .call: return nil
        case .notice(let text): return ("notice", [("text", .string(text))])
        case .message(let message):
            return ("message", [("account", .string(message.account)), ("from", .string(message.from)),
                                ("display_name", .optionalString(message.displayName)), ("text", .string(message.text))])
        case .callEvent(let notification): return Self.call(notification)
        }
    }

    private mutating func account(_ snapshot: AccountSnapshot) -> (name: String, values: [(String, JSONLine.Value)])? {
        let base: [(String, JSONLine.Value)] = [("account", .string(snapshot.name))]
        if let voicemail = snapshot.voicemail {
            let text = "\(voicemail)"
            if lastVoicemail[snapshot.name] != text {
                lastVoicemail[snapshot.name] = text
                return ("mwi", base + [("summary", .string(text))])
            }
        }
        let name: String
        var values = base
        switch snapshot.status {
        case .disabled, .idle, .unregistering: return nil
        case .registering: name = "registering"
        case .registered(let expires, _):
            name = "registered"
            values += [("expires", .int(expires)), ("server", .optionalString(snapshot.server))]
        case .failed(let diagnosis, _):
            name = "registration_failed"
            values.append(("reason", .string(diagnosis)))
        case .unregistered:
            // Only after a registration: an account that never registered has nothing to undo.
            guard ["registered", "registering", "registration_failed"].contains(lastStatus[snapshot.name]) else { return nil }
            name = "unregistered"
        }
        guard lastStatus[snapshot.name] != name || name == "registration_failed" else { return nil }
        lastStatus[snapshot.name] = name
        return (name, values)
    }

    private static func call(_ notification: CallNotification) -> (name: String, values: [(String, JSONLine.Value)]) {
        let base: [(String, JSONLine.Value)] = [("account", .string(notification.account)), ("call", .string(notification.call.rawValue))]
        switch notification.kind {
        case .incoming(let from, let displayName):
            return ("incoming", base + [("from", .string(from)), ("display_name", .optionalString(displayName))])
        case .ringing: return ("ringing", base)
        case .earlyMedia: return ("early_media", base)
        case .answered(let codec, let encryption):
            return ("answered", base + [("codec", .optionalString(codec)), ("encryption", .string(encryption))])
        case .held: return ("held", base)
        case .resumed: return ("resumed", base)
        case .remoteHold(let held): return ("remote_hold", base + [("held", .bool(held))])
        case .transferProgress(let code, let reason):
            return ("transfer_progress", base + [("code", .int(code)), ("reason", .string(reason))])
        case .dtmf(let digit): return ("dtmf", base + [("digit", .string(String(digit)))])
        case .ended(let code, let reason, let duration):
            return ("ended", base + [("code", code.map { .int($0) } ?? .null), ("reason", .string(reason)),
                                     ("duration", duration.map { .double($0) } ?? .null)])
        case .muted(let muted): return ("muted", base + [("muted", .bool(muted))])
        case .noMedia(let seconds): return ("no_media", base + [("seconds", .int(seconds))])
        case .mediaRestored: return ("media_restored", base)
        case .recording(let path): return ("recording", base + [("recording", .bool(path != nil)), ("path", .optionalString(path))])
        case .stats(let stats):
            return ("call_stats", base + [
                ("codec", .string(stats.codec)), ("encryption", .string(stats.encryption)),
                ("packets_sent", .int(stats.packetsSent)), ("packets_received", .int(stats.packetsReceived)),
                ("packets_lost", .int(stats.packetsLost)), ("loss", .double(stats.lossFraction)),
                ("jitter_ms", .double(stats.jitterMilliseconds)),
                ("rtt_ms", stats.roundTripMilliseconds.map { .double($0) } ?? .null), ("mos", .double(stats.mos)),
            ])
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// A JSON object written in field order (stable for people reading logs), with RFC 8259 §7
/// string escaping.
public enum JSONLine {
    public enum Value: Sendable {
        case string(String)
        case optionalString(String?)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null
    }

    public static func render(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { "\(quote($0.0)):\(text($0.1))" }.joined(separator: ",") + "}"
    }

    public static func text(_ value: Value) -> String {
        switch value {
        case .string(let string): quote(string)
        case .optionalString(let string): string.map(quote) ?? "null"
        case .int(let number): String(number)
        case .double(let number): number.isFinite ? String(format: "%.3f", number) : "null"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    public static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

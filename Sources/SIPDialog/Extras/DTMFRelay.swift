/// The `application/dtmf-relay` body of SIP INFO (a de-facto format from Cisco, used by
/// Asterisk, FreeSWITCH and most phones): `Signal=5\r\nDuration=160\r\n`.
public struct DTMFRelay: Hashable, Sendable {
    public static let contentType = "application/dtmf-relay"

    /// 0–9, *, #, A–D (the sixteen DTMF events of RFC 4733 §3.2), or `!` for flash.
    public var signal: Character
    /// Milliseconds.
    public var duration: Int

    public init?(signal: Character, duration: Int = 160) {
        let upper = Character(signal.uppercased())
        guard Self.signals.contains(upper), (0...60_000).contains(duration) else { return nil }
        self.signal = upper
        self.duration = duration
    }

    static let signals: Set<Character> = Set("0123456789*#ABCD!")

    public var body: [UInt8] { Array("Signal=\(signal)\r\nDuration=\(duration)\r\n".utf8) }

    /// Reads `key=value` lines (CRLF or LF, any case, spaces around `=` tolerated); Signal is
    /// required, Duration defaults to 250 ms when absent. The RFC 4733 event numbers 10/11 for
    /// `*`/`#` are accepted as some gateways send them.
    public static func parse(_ body: [UInt8]) throws(DTMFRelayError) -> DTMFRelay {
        guard body.count <= 1024, let text = String(validating: body, as: UTF8.self) else { throw .malformed("not short UTF-8 text") }
        var signal: Character?, duration = 250
        for line in text.split(whereSeparator: \.isNewline) {
            let pair = line.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "signal":
                switch pair[1] {
                case "10": signal = "*"
                case "11": signal = "#"
                default:
                    guard pair[1].count == 1, let character = pair[1].first else { throw .malformed("Signal '\(pair[1])'") }
                    signal = character
                }
            case "duration":
                guard let value = Int(pair[1]), (0...60_000).contains(value) else { throw .malformed("Duration '\(pair[1])'") }
                duration = value
            default: continue
            }
        }
        guard let signal else { throw .malformed("no Signal line") }
        guard let relay = DTMFRelay(signal: signal, duration: duration) else { throw .malformed("Signal '\(signal)'") }
        return relay
    }
}

public enum DTMFRelayError: Error, Hashable, Sendable {
    case malformed(String)
}

import Foundation

/// The JSON form of a call, printed one object per line by `dialtone history --json`.
///
/// Field names are snake_case and stable: scripts parse them, so a rename is a breaking change.
/// Every field is always present (null when absent) so consumers need no "missing key" case.
/// Times are ISO 8601 in UTC with milliseconds; `duration_seconds` and `result` are derived and
/// ignored when decoding, so a decoded record cannot disagree with its own times and status.
extension CallRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case id, direction, account
        case remoteURI = "remote_uri", remoteDisplayName = "remote_display_name", localURI = "local_uri"
        case callID = "call_id", start, answer, end, durationSeconds = "duration_seconds", result
        case statusCode = "status_code", reasonPhrase = "reason_phrase", codec, encryption
        case srtpSuite = "srtp_suite"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(direction, forKey: .direction)
        try container.encode(account, forKey: .account)
        try container.encode(remote.uri, forKey: .remoteURI)
        try container.encode(remote.displayName, forKey: .remoteDisplayName)
        try container.encode(localURI, forKey: .localURI)
        try container.encode(callID, forKey: .callID)
        try container.encode(ISOTime.format(times.start), forKey: .start)
        try container.encode(times.answer.map(ISOTime.format), forKey: .answer)
        try container.encode(ISOTime.format(times.end), forKey: .end)
        try container.encode(duration, forKey: .durationSeconds)
        try container.encode(result, forKey: .result)
        try container.encode(finalStatus?.code, forKey: .statusCode)
        try container.encode(finalStatus?.reasonPhrase, forKey: .reasonPhrase)
        try container.encode(codec, forKey: .codec)
        try container.encode(encryption.kind, forKey: .encryption)
        try container.encode(encryption.suite, forKey: .srtpSuite)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .encryption)
        let suite = try container.decodeIfPresent(String.self, forKey: .srtpSuite)
        guard let encryption = CallEncryption(kind: kind, suite: suite) else {
            throw DecodingError.dataCorruptedError(forKey: .encryption, in: container, debugDescription: "unknown encryption \(kind)")
        }
        let code = try container.decodeIfPresent(Int.self, forKey: .statusCode)
        let reason = try container.decodeIfPresent(String.self, forKey: .reasonPhrase)
        self.init(
            id: try container.decodeIfPresent(Int64.self, forKey: .id),
            direction: try container.decode(HistoryDirection.self, forKey: .direction),
            account: try container.decode(String.self, forKey: .account),
            remote: RemoteParty(
                uri: try container.decode(String.self, forKey: .remoteURI),
                displayName: try container.decodeIfPresent(String.self, forKey: .remoteDisplayName)),
            localURI: try container.decode(String.self, forKey: .localURI),
            callID: try container.decode(String.self, forKey: .callID),
            times: CallTimes(
                start: try ISOTime.decode(.start, in: container),
                answer: try ISOTime.decodeIfPresent(.answer, in: container),
                end: try ISOTime.decode(.end, in: container)),
            finalStatus: code.map { SIPStatus(code: $0, reasonPhrase: reason ?? "") },
            codec: try container.decodeIfPresent(String.self, forKey: .codec),
            encryption: encryption)
    }
}

/// ISO 8601 timestamps in UTC with milliseconds, the one time format of the JSON output.
enum ISOTime {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// Formats from the integer milliseconds rather than with `style`, which truncates: a
    /// `Date` for .001 s is stored as 0.000999… and would print as .000.
    static func format(_ date: Date) -> String {
        let milliseconds = Milliseconds.from(date)
        let fraction = (milliseconds % 1000 + 1000) % 1000
        let whole = Date(timeIntervalSince1970: Double((milliseconds - fraction) / 1000))
        let text = whole.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        return text.dropLast() + "." + String(String(fraction + 1000).dropFirst()) + "Z"
    }

    static func decode<Key: CodingKey>(_ key: Key, in container: KeyedDecodingContainer<Key>) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = try? style.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an ISO 8601 time: \(text)")
        }
        return date
    }

    static func decodeIfPresent<Key: CodingKey>(_ key: Key, in container: KeyedDecodingContainer<Key>) throws -> Date? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        return try decode(key, in: container)
    }
}

/// One JSON object per line for calls, as `dialtone history --json` prints them.
public enum HistoryJSON {
    /// The record as one line of JSON (no trailing newline), keys sorted so output is stable.
    public static func line(_ record: CallRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    /// The record in one line of JSON written by `line(_:)`.
    public static func decodeCall(_ line: String) throws -> CallRecord {
        try JSONDecoder().decode(CallRecord.self, from: Data(line.utf8))
    }
}

import SIPTransport

/// One SIP message in the debug pane's list and in exported traces (sngrep-like): when, which
/// way, over which flow, its first line and Call-ID, and its full text with credentials
/// redacted.
public struct TraceEntry: Sendable, Hashable {
    public var direction: WireRecord.Direction
    /// Seconds since the engine started (transport clock).
    public var time: Duration
    public var transport: String
    public var local: String
    public var remote: String
    /// `REGISTER sip:example.test SIP/2.0` or `SIP/2.0 401 Unauthorized`.
    public var firstLine: String
    public var callID: String?
    /// The account the message belongs to, when the engine could tell.
    public var account: String?
    /// The message text with `TraceRedaction` applied.
    public var text: String
    /// The raw bytes as sent or received (credentials included); only exported on request.
    public var raw: [UInt8]

    public init(_ record: WireRecord, account: String?) {
        direction = record.direction
        time = record.time
        transport = record.flow.transport.rawValue.uppercased()
        local = record.flow.local.description
        remote = record.flow.remote.description
        let rawText = String(decoding: record.bytes, as: UTF8.self)
        let lines = rawText.split(separator: "\r\n", maxSplits: 1, omittingEmptySubsequences: false)
        firstLine = lines.first.map(String.init) ?? ""
        callID = Self.header("call-id", short: "i", in: rawText)
        self.account = account
        text = TraceRedaction.redact(rawText)
        raw = record.bytes
    }

    /// The value of a header in the header section, by full or compact name.
    static func header(_ name: String, short: String, in text: String) -> String? {
        for line in text.split(separator: "\r\n").dropFirst() {
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingSpaces.lowercased()
            if field == name || field == short {
                return String(line[line.index(after: colon)...].trimmingSpaces)
            }
        }
        return nil
    }
}

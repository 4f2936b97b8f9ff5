import Foundation

/// One SIP message as an exported trace needs it: when, which way, over which transport and
/// between which addresses, and its text. The engine adapter builds these from the engine's
/// trace entries with credentials already redacted, so an exported file is as safe to share
/// as the screen.
public struct TraceRecord: Sendable, Hashable {
    public var time: Date
    public var direction: SIPMessageRow.Direction
    /// `UDP`, `TCP` or `TLS` (TLS is written as TCP in a pcap: the text is already decrypted).
    public var transport: String
    /// Our address, `127.0.0.1:5060` or `[::1]:5060`.
    public var local: String
    /// The peer's address, in the same form.
    public var remote: String
    /// The message as sent or received (redacted).
    public var text: String

    public init(time: Date, direction: SIPMessageRow.Direction, transport: String, local: String, remote: String, text: String) {
        self.time = time
        self.direction = direction
        self.transport = transport
        self.local = local
        self.remote = remote
        self.text = text
    }

    /// Where the message came from and went to, in wire order.
    var source: String { direction == .sent ? local : remote }
    var destination: String { direction == .sent ? remote : local }
}

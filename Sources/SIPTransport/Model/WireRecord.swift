import SIPSyntax

/// One SIP message as it crossed the wire, for traces (the debug pane, `dialtone check`, pcap
/// export). Keep-alive CRLFs are not recorded. Received messages are recorded as parsed and
/// re-serialized (header order and values kept), sent ones byte for byte. Credentials are still
/// in here: whoever shows or stores a record must redact it (`TraceRedaction`).
public struct WireRecord: Sendable {
    public enum Direction: String, Sendable, Hashable {
        case sent, received
    }

    public var direction: Direction
    public var flow: FlowInfo
    /// The transport clock's reading when the message was written or delivered.
    public var time: Duration
    public var bytes: [UInt8]

    public init(direction: Direction, flow: FlowInfo, time: Duration, bytes: [UInt8]) {
        self.direction = direction
        self.flow = flow
        self.time = time
        self.bytes = bytes
    }
}

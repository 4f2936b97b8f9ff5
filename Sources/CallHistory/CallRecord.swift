import Foundation

/// One finished call, written once at call end and read by the history screens and `dialtone history`.
///
/// A plain value: the engine builds it from the dialog it just tore down and hands it to
/// `CallHistoryStore.append(_:)`. The result and duration are derived (see `CallResult.derive`),
/// so they can never contradict the times and status that are stored.
///
/// The initializer takes more than five parameters, against the house rule: each is one column
/// of a flat record, labelled, and the related ones are already grouped (`RemoteParty`,
/// `CallTimes`, `SIPStatus`), so a `Configuration` struct would only rename the same list.
public struct CallRecord: Sendable, Hashable {
    /// The database row id; nil until the record has been appended.
    public var id: Int64?
    public let direction: HistoryDirection
    /// The name of the account (as in the configuration) the call used.
    public let account: String
    public let remote: RemoteParty
    /// Our own address of record for this call (the From of an outgoing call, the To of an incoming one).
    public let localURI: String
    /// The Call-ID header, to find the call again in a SIP trace.
    public let callID: String
    public let times: CallTimes
    /// The final response of the INVITE; nil when none was sent or received.
    public let finalStatus: SIPStatus?
    /// The audio codec the call ran with (e.g. `opus/48000/2`), nil if media never started.
    public let codec: String?
    public let encryption: CallEncryption

    public init(
        id: Int64? = nil, direction: HistoryDirection, account: String, remote: RemoteParty,
        localURI: String, callID: String, times: CallTimes, finalStatus: SIPStatus?,
        codec: String? = nil, encryption: CallEncryption = .none
    ) {
        self.id = id
        self.direction = direction
        self.account = account
        self.remote = remote
        self.localURI = localURI
        self.callID = callID
        self.times = times
        self.finalStatus = finalStatus
        self.codec = codec
        self.encryption = encryption
    }

    /// How the call ended, derived from direction, answer time and final status.
    public var result: CallResult {
        CallResult.derive(direction: direction, statusCode: finalStatus?.code, answered: times.answer != nil)
    }

    /// Talk time in seconds, nil if the call was never answered.
    public var duration: TimeInterval? { times.duration }
}

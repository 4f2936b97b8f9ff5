import Foundation

/// One SIP MESSAGE (RFC 3428), sent or received, as the conversation view shows it.
///
/// Outgoing messages are appended when sent, before the response arrives, so the delivery status
/// starts nil and is filled in with `CallHistoryStore.setDeliveryStatus(_:forMessage:)`.
public struct MessageRecord: Sendable, Hashable {
    /// The database row id; nil until the record has been appended.
    public var id: Int64?
    public let direction: HistoryDirection
    /// The name of the account the message went through.
    public let account: String
    public let remote: RemoteParty
    /// When it was sent or received, rounded to milliseconds like every stored time.
    public let time: Date
    /// The Content-Type of the body, e.g. `text/plain;charset=UTF-8`.
    public let contentType: String
    /// The body as text.
    public let text: String
    /// The final response code: the one we got for an outgoing message (202, 404…) or the one we
    /// sent for an incoming one. Nil while an outgoing message waits for its response.
    public var deliveryStatusCode: Int?

    public init(
        id: Int64? = nil, direction: HistoryDirection, account: String, remote: RemoteParty,
        time: Date, contentType: String, text: String, deliveryStatusCode: Int? = nil
    ) {
        self.id = id
        self.direction = direction
        self.account = account
        self.remote = remote
        self.time = Milliseconds.rounded(time)
        self.contentType = contentType
        self.text = text
        self.deliveryStatusCode = deliveryStatusCode
    }
}

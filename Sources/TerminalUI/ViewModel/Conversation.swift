import Foundation

/// A SIP MESSAGE (RFC 3428) conversation with one remote party.
public struct Conversation: Sendable, Hashable {
    public struct Message: Sendable, Hashable {
        public enum Direction: Sendable, Hashable { case received, sent }
        public var direction: Direction
        public var time: Date
        public var text: String

        public init(direction: Direction, time: Date, text: String) {
            self.direction = direction
            self.time = time
            self.text = text
        }
    }

    public var remoteName: String?
    public var remoteURI: String
    public var account: String
    /// Oldest first.
    public var messages: [Message]
    public var unreadCount: Int

    public init(remoteName: String? = nil, remoteURI: String, account: String, messages: [Message], unreadCount: Int = 0) {
        self.remoteName = remoteName
        self.remoteURI = remoteURI
        self.account = account
        self.messages = messages
        self.unreadCount = unreadCount
    }

    public var displayName: String { remoteName ?? remoteURI }
}

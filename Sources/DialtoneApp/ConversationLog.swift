import Foundation
import TerminalUI

/// The SIP MESSAGE conversations (RFC 3428) of this session, one per account and remote party,
/// for the messages pane. Messages come from the network, so both the number of conversations
/// and the messages kept per conversation are bounded: a flood cannot grow memory without limit.
public struct ConversationLog: Sendable {
    public static let conversationLimit = 200
    public static let messagesPerConversation = 500

    private struct Entry: Sendable {
        /// The remote party compared as `ContactNames` compares it, so `sip:Bob@x` and `sip:bob@x` are one.
        var key: String
        var account: String
        var remoteURI: String
        var displayName: String?
        var messages: [Conversation.Message]
        var unread: Int
    }

    /// Most recent activity last; shown most recent first.
    private var entries: [Entry] = []

    public init() {}

    /// A message that arrived. Unread until we answer in the same conversation.
    public mutating func received(from remoteURI: String, displayName: String?, account: String, text: String, at time: Date) {
        add(Conversation.Message(direction: .received, time: time, text: text), remoteURI: remoteURI, account: account) { entry in
            entry.unread += 1
            if let displayName, !displayName.isEmpty { entry.displayName = displayName }
        }
    }

    /// A message we sent (delivered or not: the notice says which). Replying reads the rest.
    /// With no account named, it joins the conversation already open with that party, else
    /// `defaultAccount`'s.
    public mutating func sent(to remoteURI: String, account: String?, defaultAccount: String, text: String, at time: Date) {
        let key = Self.key(remoteURI)
        let account = account ?? entries.last { $0.key == key }?.account ?? defaultAccount
        add(Conversation.Message(direction: .sent, time: time, text: text), remoteURI: remoteURI, account: account) { entry in
            entry.unread = 0
        }
    }

    /// The conversation was opened (shown on screen): nothing in it is unread any more.
    /// Returns whether a count changed. The order stays: reading is not new activity.
    public mutating func markRead(remoteURI: String, account: String) -> Bool {
        let key = Self.key(remoteURI)
        guard let index = entries.firstIndex(where: { $0.account == account && $0.key == key }),
              entries[index].unread > 0 else { return false }
        entries[index].unread = 0
        return true
    }

    /// Newest activity first; a contact's name wins over the name the sender gave itself.
    public func conversations(names: ContactNames) -> [Conversation] {
        entries.reversed().map { entry in
            Conversation(
                remoteName: names.name(for: entry.remoteURI) ?? entry.displayName, remoteURI: entry.remoteURI,
                account: entry.account, messages: entry.messages, unreadCount: entry.unread)
        }
    }

    private mutating func add(
        _ message: Conversation.Message, remoteURI: String, account: String, update: (inout Entry) -> Void
    ) {
        let key = Self.key(remoteURI)
        var entry: Entry
        if let index = entries.firstIndex(where: { $0.account == account && $0.key == key }) {
            entry = entries.remove(at: index)
        } else {
            entry = Entry(key: key, account: account, remoteURI: remoteURI, displayName: nil, messages: [], unread: 0)
        }
        entry.messages.append(message)
        if entry.messages.count > Self.messagesPerConversation {
            entry.messages.removeFirst(entry.messages.count - Self.messagesPerConversation)
        }
        update(&entry)
        entries.append(entry)
        if entries.count > Self.conversationLimit { entries.removeFirst(entries.count - Self.conversationLimit) }
    }

    private static func key(_ remoteURI: String) -> String {
        ContactNames.keys(remoteURI).first ?? remoteURI
    }
}

import CallHistory
import Foundation
import Testing

/// SIP MESSAGE storage and the conversation views.
struct MessageTests {
    func message(
        _ text: String, remote: String = "sip:alice@example.com", at minute: Double,
        direction: HistoryDirection = .incoming, status: Int? = 200
    ) -> MessageRecord {
        MessageRecord(
            direction: direction, account: "work", remote: RemoteParty(uri: remote, displayName: "Alice"),
            time: epoch.addingTimeInterval(minute * 60), contentType: "text/plain;charset=UTF-8",
            text: text, deliveryStatusCode: status)
    }

    @Test func roundTripsEveryField() throws {
        try withStore { store throws in
            let original = message("Grüße 👋\nline two; 100% \"quoted\"", at: 1, direction: .outgoing, status: nil)
            let id = try store.append(original)
            var expected = original
            expected.id = id
            #expect(try store.message(id: id) == expected)
        }
    }

    @Test func conversationIsOldestFirstAndMatchesNormalisedRemote() throws {
        try withStore { store throws in
            try store.append(message("one", at: 1))
            try store.append(message("other", remote: "sip:bob@example.com", at: 2))
            try store.append(message("two", remote: "<sip:alice@EXAMPLE.COM;transport=tls>", at: 3, direction: .outgoing))
            try store.append(message("three", at: 4))
            #expect(try store.conversation(with: "sip:alice@example.com").map(\.text) == ["one", "two", "three"])
            #expect(try store.conversation(with: "sip:alice@example.com", limit: 2).map(\.text) == ["two", "three"])
            #expect(try store.conversation(with: "sip:nobody@example.com").isEmpty)
        }
    }

    @Test func latestPerConversationNewestFirst() throws {
        try withStore { store throws in
            try store.append(message("a1", at: 1))
            try store.append(message("b1", remote: "sip:bob@example.com", at: 2))
            try store.append(message("a2", remote: "sip:alice@Example.com", at: 3))
            try store.append(message("c1", remote: "tel:+1-555-0100", at: 4))
            try store.append(message("c2", remote: "tel:+15550100", at: 4))
            #expect(try store.latestMessagePerConversation().map(\.text) == ["c2", "a2", "b1"])
            #expect(try store.latestMessagePerConversation(limit: 1).map(\.text) == ["c2"])
        }
    }

    @Test func deliveryStatusArrivesLater() throws {
        try withStore { store throws in
            let id = try store.append(message("hi", at: 1, direction: .outgoing, status: nil))
            #expect(try store.message(id: id)?.deliveryStatusCode == nil)
            #expect(try store.setDeliveryStatus(202, forMessage: id))
            #expect(try store.message(id: id)?.deliveryStatusCode == 202)
            #expect(try !store.setDeliveryStatus(200, forMessage: id + 1))
        }
    }

    @Test func deleteOneAndWholeConversation() throws {
        try withStore { store throws in
            let first = try store.append(message("one", at: 1))
            try store.append(message("two", at: 2))
            try store.append(message("bob", remote: "sip:bob@example.com", at: 3))
            #expect(try store.deleteMessage(id: first))
            #expect(try !store.deleteMessage(id: first))
            #expect(try store.deleteConversation(with: "<sip:alice@example.com>") == 1)
            #expect(try store.latestMessagePerConversation().map(\.text) == ["bob"])
        }
    }
}

import CallHistory
import Foundation
import Testing

/// Retention is applied only when asked, measured from the "now" passed in.
struct RetentionTests {
    let day: TimeInterval = 86_400

    /// Ten calls and ten messages, one per day from `epoch`; the newest has id 10.
    func withTenDays(_ body: (CallHistoryStore) throws -> Void) throws {
        try withStore { store throws in
            for index in 0..<10 {
                try store.append(sampleCall(startOffset: Double(index) * day))
                try store.append(MessageRecord(
                    direction: .incoming, account: "work", remote: RemoteParty(uri: "sip:m\(index % 3)@example.com"),
                    time: epoch.addingTimeInterval(Double(index) * day), contentType: "text/plain", text: "day \(index)"))
            }
            try body(store)
        }
    }

    @Test func unlimitedKeepsEverything() throws {
        try withTenDays { store throws in
            let outcome = try store.applyRetention(.unlimited, now: epoch.addingTimeInterval(1000 * day))
            #expect(outcome == RetentionOutcome(deletedCalls: 0, deletedMessages: 0))
            #expect(try store.countCalls() == 10)
        }
    }

    @Test func keepNewestCount() throws {
        try withTenDays { store throws in
            let outcome = try store.applyRetention(RetentionPolicy(keepNewest: 3), now: epoch)
            #expect(outcome == RetentionOutcome(deletedCalls: 7, deletedMessages: 7))
            #expect(try store.calls().compactMap(\.id) == [10, 9, 8])
            #expect(try store.latestMessagePerConversation().map(\.text).sorted() == ["day 7", "day 8", "day 9"])
        }
    }

    /// Age counts from the injected "now": with now = day 9 and a 2-day limit, days 7–9 stay.
    @Test func maxAgeFromInjectedNow() throws {
        try withTenDays { store throws in
            let now = epoch.addingTimeInterval(9 * day)
            let outcome = try store.applyRetention(RetentionPolicy(maxAge: 2 * day), now: now)
            #expect(outcome == RetentionOutcome(deletedCalls: 7, deletedMessages: 7))
            #expect(try store.calls().compactMap(\.id) == [10, 9, 8])
        }
    }

    @Test func bothLimitsTheStricterWins() throws {
        try withTenDays { store throws in
            let now = epoch.addingTimeInterval(9 * day)
            try store.applyRetention(RetentionPolicy(keepNewest: 5, maxAge: 1 * day), now: now)
            #expect(try store.countCalls() == 2)
            try store.applyRetention(RetentionPolicy(keepNewest: 1, maxAge: 30 * day), now: now)
            #expect(try store.calls().compactMap(\.id) == [10])
        }
    }

    @Test func zeroKeepsNothing() throws {
        try withTenDays { store throws in
            try store.applyRetention(RetentionPolicy(keepNewest: 0), now: epoch)
            #expect(try store.countCalls() == 0)
            #expect(try store.latestMessagePerConversation().isEmpty)
        }
    }
}

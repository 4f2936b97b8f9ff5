import CallHistory
import Foundation
import Testing

/// The UI's queries, each alone and combined, against one small history.
struct HistoryQueryTests {
    /// Eight calls one minute apart (index = minutes after `epoch`), ids 1…8 in that order.
    static let history: [CallRecord] = [
        sampleCall(remote: "sip:alice@example.com", name: "Alice", startOffset: 0),
        missedCall(remote: "sip:bob@example.com", name: "Bob", startOffset: 60),
        sampleCall(direction: .incoming, account: "home", remote: "<sip:alice@EXAMPLE.com;transport=tcp>", name: "Alice", startOffset: 120),
        sampleCall(account: "home", remote: "sip:carol@example.org", name: "José Ñúñez", startOffset: 180, answered: false,
                   status: SIPStatus(code: 404, reasonPhrase: "Not Found")),
        missedCall(remote: "sip:alice@example.com", name: "Alice", startOffset: 240),
        sampleCall(remote: "sip:sale@example.org", name: "Discount 50% off", startOffset: 300),
        sampleCall(remote: "sip:s_x@example.org", name: "Under_score", startOffset: 360, answered: false,
                   status: SIPStatus(code: 486, reasonPhrase: "Busy Here")),
        sampleCall(remote: "sip:dave@example.org", name: "Dave", startOffset: 420, answered: false, status: nil),
    ]

    /// Runs `body` with the history stored, ids 1…8.
    func withHistory(_ body: (CallHistoryStore) throws -> Void) throws {
        try withStore { store throws in
            for record in Self.history { try store.append(record) }
            try body(store)
        }
    }

    func ids(_ store: CallHistoryStore, _ query: HistoryQuery, limit: Int? = nil) throws -> [Int64] {
        try store.calls(matching: query, limit: limit).compactMap(\.id)
    }

    @Test func latestComeNewestFirst() throws {
        try withHistory { store throws in
            #expect(try store.latestCalls(3).compactMap(\.id) == [8, 7, 6])
            #expect(try ids(store, .all) == [8, 7, 6, 5, 4, 3, 2, 1])
            #expect(try ids(store, .all, limit: 0) == [])
        }
    }

    /// Calls starting in the same millisecond stay in a stable order (newest id first).
    @Test func sameStartTimeOrdersByID() throws {
        try withStore { store throws in
            for _ in 0..<3 { try store.append(sampleCall(startOffset: 5)) }
            #expect(try ids(store, .all) == [3, 2, 1])
        }
    }

    @Test func byRemoteMatchesNormalisedURIs() throws {
        try withHistory { store throws in
            #expect(try ids(store, HistoryQuery(remote: "sip:alice@example.com")) == [5, 3, 1])
            #expect(try ids(store, HistoryQuery(remote: "\"A\" <sip:alice@Example.COM;lr>")) == [5, 3, 1])
            #expect(try ids(store, HistoryQuery(remote: "sip:Alice@example.com")) == [])
        }
    }

    @Test func textSearchIgnoresCaseAndDiacritics() throws {
        try withHistory { store throws in
            #expect(try ids(store, HistoryQuery(text: "ALICE")) == [5, 3, 1])
            #expect(try ids(store, HistoryQuery(text: "jose nunez")) == [4])
            #expect(try ids(store, HistoryQuery(text: "not found")) == [4], "searches the reason phrase")
            #expect(try ids(store, HistoryQuery(text: "example.org")) == [8, 7, 6, 4], "searches the URI")
        }
    }

    /// `%` and `_` are literal: "50%" must not match "500", "_" must not match any character.
    @Test func textSearchEscapesWildcards() throws {
        try withHistory { store throws in
            #expect(try ids(store, HistoryQuery(text: "50%")) == [6])
            #expect(try ids(store, HistoryQuery(text: "%")) == [6])
            #expect(try ids(store, HistoryQuery(text: "s_x")) == [7])
            #expect(try ids(store, HistoryQuery(text: "r_s")) == [7], "Under_score contains r_s")
            #expect(try ids(store, HistoryQuery(text: "a_e")) == [], "no literal a_e anywhere")
            #expect(try ids(store, HistoryQuery(text: "\\")) == [])
        }
    }

    @Test func missedAndOtherResults() throws {
        try withHistory { store throws in
            #expect(try ids(store, .missed) == [5, 2])
            #expect(try store.countCalls(matching: .missed) == 2)
            #expect(try ids(store, HistoryQuery(results: [.busy, .cancelled])) == [8, 7])
            #expect(try ids(store, HistoryQuery(results: [])) == [])
        }
    }

    @Test func byDirectionAndAccount() throws {
        try withHistory { store throws in
            #expect(try ids(store, HistoryQuery(direction: .incoming)) == [5, 3, 2])
            #expect(try ids(store, HistoryQuery(account: "home")) == [4, 3])
            #expect(try ids(store, HistoryQuery(account: "Home")) == [], "account names are exact")
        }
    }

    /// `since` is inclusive and `before` exclusive, so adjacent ranges neither overlap nor gap.
    @Test func byDateRange() throws {
        try withHistory { store throws in
            let minute = { (m: Double) in epoch.addingTimeInterval(m * 60) }
            #expect(try ids(store, HistoryQuery(since: minute(2), before: minute(4))) == [4, 3])
            #expect(try ids(store, HistoryQuery(since: minute(4), before: minute(6))) == [6, 5])
            #expect(try ids(store, HistoryQuery(since: minute(7))) == [8])
            #expect(try ids(store, HistoryQuery(before: minute(0))) == [])
        }
    }

    @Test func combinedFiltersAllApply() throws {
        try withHistory { store throws in
            let query = HistoryQuery(remote: "sip:alice@example.com", direction: .incoming, results: [.answered])
            #expect(try ids(store, query) == [3])
            let search = HistoryQuery(text: "example.org", account: "work", since: epoch.addingTimeInterval(360))
            #expect(try ids(store, search, limit: 1) == [8])
            #expect(try store.countCalls(matching: search) == 2)
        }
    }

    @Test func deleteOne() throws {
        try withHistory { store throws in
            #expect(try store.deleteCall(id: 3))
            #expect(try !store.deleteCall(id: 3), "already gone")
            #expect(try ids(store, HistoryQuery(remote: "sip:alice@example.com")) == [5, 1])
        }
    }

    @Test func deleteMatchingRemovesExactlyTheFilteredCalls() throws {
        try withHistory { store throws in
            #expect(try store.deleteCalls(matching: HistoryQuery(remote: "sip:alice@example.com", results: [.missed])) == 1)
            #expect(try ids(store, .all) == [8, 7, 6, 4, 3, 2, 1])
            #expect(try store.deleteCalls(matching: .all) == 7)
            #expect(try store.countCalls() == 0)
        }
    }
}

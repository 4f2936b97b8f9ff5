import DialtoneApp
import Foundation
import TerminalUI

/// Collects what the dispatcher posts to the inbox and waits for a condition on it, with a
/// generous deadline so a broken dispatcher fails the test instead of hanging it.
final class InboxWatcher: @unchecked Sendable {
    let inbox = AppInbox()
    private(set) var events: [AppEvent] = []

    var notices: [String] {
        events.compactMap { if case .notice(let text) = $0 { text } else { nil } }
    }

    /// Drains the inbox until `condition` holds on everything seen so far; false after `limit`.
    func wait(within limit: Duration = .seconds(30), until condition: ([AppEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            events += inbox.drain()
            if condition(events) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    func waitForNotice(containing text: String) async -> String? {
        guard await wait(until: { _ in notices.contains { $0.contains(text) } }) else { return nil }
        return notices.first { $0.contains(text) }
    }

    var contactPosts: [[ContactRow]] {
        events.compactMap { if case .contacts(let rows) = $0 { rows } else { nil } }
    }

    var historyPosts: [[HistoryEntry]] {
        events.compactMap { if case .history(let rows) = $0 { rows } else { nil } }
    }
}

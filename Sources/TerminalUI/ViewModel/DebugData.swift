import Foundation

/// One step of an account's registration attempt, for the debug pane's timeline: DNS answers,
/// the chosen target, transport and TLS details, each request and response, the diagnosis.
public struct RegistrationStep: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case info, success, failure
    }

    public var account: String
    public var time: Date
    public var text: String
    public var outcome: Outcome

    public init(account: String, time: Date, text: String, outcome: Outcome = .info) {
        self.account = account
        self.time = time
        self.text = text
        self.outcome = outcome
    }
}

/// One SIP message in the sngrep-like list. The raw text arrives already redacted by the
/// engine (no credentials ever reach the screen or an exported trace).
public struct SIPMessageRow: Sendable, Hashable {
    public enum Direction: Sendable, Hashable {
        case sent, received
    }

    /// A request method or a response status, so it can be styled without parsing.
    public enum Summary: Sendable, Hashable {
        case request(method: String)
        case response(code: Int, reason: String)
    }

    public var time: Date
    public var direction: Direction
    public var summary: Summary
    public var callID: String
    public var account: String
    public var rawText: String

    public init(time: Date, direction: Direction, summary: Summary, callID: String, account: String, rawText: String) {
        self.time = time
        self.direction = direction
        self.summary = summary
        self.callID = callID
        self.account = account
        self.rawText = rawText
    }

    /// `INVITE` or `401 Unauthorized`.
    public var summaryText: String {
        switch summary {
        case .request(let method): return method
        case .response(let code, let reason): return "\(code) \(reason)"
        }
    }
}

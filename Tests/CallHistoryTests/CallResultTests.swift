import CallHistory
import Testing

/// The result table of `CallResult.derive`, row by row: the rules users see as "missed",
/// "busy" and so on, so each documented row is pinned.
struct CallResultTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let direction: HistoryDirection
        let code: Int?
        let answered: Bool
        let expected: CallResult
        var testDescription: String { "\(direction) \(code.map(String.init) ?? "no response") answered=\(answered)" }
    }

    static let cases: [Case] = [
        Case(direction: .incoming, code: 200, answered: true, expected: .answered),
        Case(direction: .outgoing, code: 200, answered: true, expected: .answered),
        // Answered wins even if a later error code was recorded.
        Case(direction: .outgoing, code: 408, answered: true, expected: .answered),
        Case(direction: .incoming, code: nil, answered: false, expected: .missed),
        Case(direction: .incoming, code: 487, answered: false, expected: .missed),
        Case(direction: .incoming, code: 408, answered: false, expected: .missed),
        Case(direction: .incoming, code: 480, answered: false, expected: .missed),
        Case(direction: .incoming, code: 486, answered: false, expected: .busy),
        Case(direction: .incoming, code: 600, answered: false, expected: .busy),
        Case(direction: .incoming, code: 603, answered: false, expected: .rejected),
        Case(direction: .incoming, code: 302, answered: false, expected: .rejected),
        Case(direction: .incoming, code: 488, answered: false, expected: .failed),
        Case(direction: .incoming, code: 200, answered: false, expected: .failed),
        Case(direction: .outgoing, code: nil, answered: false, expected: .cancelled),
        Case(direction: .outgoing, code: 487, answered: false, expected: .cancelled),
        Case(direction: .outgoing, code: 486, answered: false, expected: .busy),
        Case(direction: .outgoing, code: 600, answered: false, expected: .busy),
        Case(direction: .outgoing, code: 603, answered: false, expected: .rejected),
        Case(direction: .outgoing, code: 404, answered: false, expected: .failed),
        Case(direction: .outgoing, code: 480, answered: false, expected: .failed),
        Case(direction: .outgoing, code: 408, answered: false, expected: .failed),
        Case(direction: .outgoing, code: 503, answered: false, expected: .failed),
        Case(direction: .outgoing, code: 302, answered: false, expected: .failed),
    ]

    @Test(arguments: cases)
    func derivesTheDocumentedResult(_ row: Case) {
        #expect(CallResult.derive(direction: row.direction, statusCode: row.code, answered: row.answered) == row.expected)
    }

    @Test func recordResultFollowsItsAnswerTimeAndStatus() {
        #expect(sampleCall().result == .answered)
        #expect(missedCall().result == .missed)
        let declined = sampleCall(answered: false, status: SIPStatus(code: 603, reasonPhrase: "Decline"))
        #expect(declined.result == .rejected)
    }
}

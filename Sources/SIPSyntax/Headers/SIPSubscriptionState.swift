/// A Subscription-State value (RFC 6665 §8.2.3): where a subscription stands, with why and
/// for how long.
public struct SIPSubscriptionState: Hashable, Sendable, CustomStringConvertible {
    /// substate-value = "active" / "pending" / "terminated" / extension-substate
    public enum State: Hashable, Sendable {
        case active, pending, terminated
        case other(String)

        init(_ text: String) {
            switch text.lowercased() {
            case "active": self = .active
            case "pending": self = .pending
            case "terminated": self = .terminated
            default: self = .other(text)
            }
        }

        public var text: String {
            switch self {
            case .active: "active"
            case .pending: "pending"
            case .terminated: "terminated"
            case .other(let text): text
            }
        }
    }

    public var state: State
    public var parameters: [Parameter]

    public init(state: State, parameters: [Parameter] = []) {
        self.state = state
        self.parameters = parameters
    }

    /// event-reason-value (RFC 6665 §4.1.3): "deactivated", "noresource", "timeout", …
    public var reason: String? { parameters.value("reason") ?? nil }
    public var expires: UInt32? { (parameters.value("expires") ?? nil).flatMap { UInt32($0) } }
    public var retryAfter: UInt32? { (parameters.value("retry-after") ?? nil).flatMap { UInt32($0) } }

    public var serialized: String { state.text + parameters.map { ";" + $0.description }.joined() }
    public var description: String { serialized }

    /// Subscription-State = substate-value *( SEMI subexp-params ); `expires` and
    /// `retry-after` must be delta-seconds in strict mode.
    public static func parse(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPSubscriptionState {
        var scanner = SIPScanner(text, mode: mode, context: .header("Subscription-State"))
        scanner.skipWhitespace()
        let state = State(try scanner.token("a subscription state"))
        let parameters = try SIPListGrammar.genericParameters(&scanner)
        if scanner.isStrict {
            for name in ["expires", "retry-after"] {
                if let value = parameters.value(name), (value.flatMap { UInt32($0) }) == nil {
                    throw scanner.failure("\(name) must be delta-seconds")
                }
            }
        }
        return SIPSubscriptionState(state: state, parameters: parameters)
    }
}

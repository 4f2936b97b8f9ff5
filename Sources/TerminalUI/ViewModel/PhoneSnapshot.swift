/// Everything the engine knows that the screen shows, as plain values. The adapter from engine
/// events (written later) produces a new snapshot and feeds it to the reducer as
/// `UIInput.snapshot`; the UI state keeps its own selection and scroll apart from it.
public struct PhoneSnapshot: Sendable, Hashable {
    public var accounts: [AccountRow]
    /// In the order the calls area numbers them (1, 2, …): `answer 2` refers to this order.
    public var calls: [CallRow]
    public var contacts: [ContactRow]
    /// Newest first.
    public var history: [HistoryEntry]
    public var conversations: [Conversation]
    public var registrationTimeline: [RegistrationStep]
    /// Oldest first, as sngrep lists them.
    public var sipMessages: [SIPMessageRow]

    public init(
        accounts: [AccountRow] = [], calls: [CallRow] = [], contacts: [ContactRow] = [],
        history: [HistoryEntry] = [], conversations: [Conversation] = [],
        registrationTimeline: [RegistrationStep] = [], sipMessages: [SIPMessageRow] = []
    ) {
        self.accounts = accounts
        self.calls = calls
        self.contacts = contacts
        self.history = history
        self.conversations = conversations
        self.registrationTimeline = registrationTimeline
        self.sipMessages = sipMessages
    }

    /// The incoming calls that still wait for an answer, with call waiting worked out.
    public var incomingCalls: [IncomingCall] {
        let othersInProgress = calls.contains { !$0.isUnansweredIncoming && $0.state != .ended }
        return calls.filter(\.isUnansweredIncoming).map {
            IncomingCall(
                callID: $0.id, callerName: $0.remoteName, callerURI: $0.remoteURI, account: $0.account,
                isCallWaiting: othersInProgress)
        }
    }

    /// Missed calls in the history, for the status bar's notification count.
    public var missedCallCount: Int {
        history.filter { $0.direction == .missed }.count
    }
}

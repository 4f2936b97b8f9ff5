/// What the incoming-call popup shows. Derived from the ringing call and the other calls, so the
/// popup can say "call waiting" when answering will hold the current call.
public struct IncomingCall: Sendable, Hashable {
    public var callID: CallID
    public var callerName: String?
    public var callerURI: String
    public var account: String
    /// Another call is in progress: answering this one holds it (issue 7, call waiting).
    public var isCallWaiting: Bool

    public init(callID: CallID, callerName: String?, callerURI: String, account: String, isCallWaiting: Bool) {
        self.callID = callID
        self.callerName = callerName
        self.callerURI = callerURI
        self.account = account
        self.isCallWaiting = isCallWaiting
    }
}

/// One thing that happened while an account registered, in the order it happened: what the
/// debug pane's registration timeline and `dialtone check` show. `kind` is a short fixed word
/// (dns, target, connect, tls, request, response, attempt, contact, nat, expires, keepalive,
/// flow, mwi, diagnosis) so tools can filter; `detail` is a sentence for people.
public struct RegistrationStep: Sendable, Hashable, Codable {
    /// Time since the engine started.
    public var time: Duration
    public var kind: String
    public var detail: String

    public init(time: Duration, kind: String, detail: String) {
        self.time = time
        self.kind = kind
        self.detail = detail
    }
}

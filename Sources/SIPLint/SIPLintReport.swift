import SIPSyntax

/// What `sip-lint` found in one message: a breakdown of its parts and every deviation from the
/// RFCs, each with its place. Pure data, so tests can check it and renderers can show it.
public struct SIPLintReport: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        case valid, invalid
    }

    public enum Severity: Hashable, Sendable {
        /// An RFC violation: the message is invalid.
        case error
        /// Legal but suspect, or tolerated by the RFCs' robustness advice.
        case warning
    }

    /// One RFC violation or oddity, at a 1-based line and column of the input.
    public struct Finding: Hashable, Sendable {
        public var severity: Severity
        public var line: Int
        public var column: Int
        public var message: String

        public init(_ severity: Severity, line: Int, column: Int, _ message: String) {
            self.severity = severity
            self.line = line
            self.column = column
            self.message = message
        }
    }

    /// A labelled piece of a parsed element (e.g. "transport" = "UDP").
    public struct Part: Hashable, Sendable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// The start line, broken into parts.
    public struct StartLine: Hashable, Sendable {
        /// "request" or "response".
        public var kind: String
        public var text: String
        public var parts: [Part]
    }

    /// One header field as it appeared, with the parts of its typed value when the stack
    /// interprets it.
    public struct Header: Hashable, Sendable {
        public var line: Int
        public var name: String
        public var value: String
        public var parts: [Part]
    }

    /// The body, summarised.
    public struct Body: Hashable, Sendable {
        public var contentType: String?
        public var length: Int
        public var lines: Int
        /// Whether the body holds NUL bytes or is not UTF-8 text.
        public var isBinary: Bool
        /// For an `application/sdp` body that parses: its breakdown, one line per item.
        public var sessionDescription: [String] = []
    }

    /// The response a phone (`SIPEndpointProfile`) would send to this request.
    public struct EndpointAnswer: Hashable, Sendable {
        public var statusCode: Int
        public var reasonPhrase: String
        public var why: String
        /// Header fields the answer must carry, e.g. `Unsupported` with a 420 (RFC 3261 §8.2.2.3).
        public var headers: [SIPHeaderField]
    }

    /// Remarks about the input itself (e.g. LF line ends converted to CRLF).
    public var inputNotes: [String] = []
    public var startLine: StartLine?
    public var headers: [Header] = []
    public var body: Body?
    public var findings: [Finding] = []
    /// For requests: what a phone would answer (nil when it would process it normally);
    /// for responses: nil.
    public var endpointAnswer: EndpointAnswer?
    /// What a phone does when there is no answer to give: drop an invalid response or an
    /// unparseable message, never answer an ACK.
    public var handling: String?

    public var verdict: Verdict { errors.isEmpty ? .valid : .invalid }
    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
}

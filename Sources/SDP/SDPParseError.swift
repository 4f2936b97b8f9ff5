/// Why an SDP body was rejected and where: RFC 8866 §5 makes a body a sequence of
/// `<type>=<value>` lines, so the line number, the line itself and the reason are enough for
/// a log entry or `dialtone sip-lint` to show the peer's mistake without the whole body.
public struct SDPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based number of the offending line; 0 when the body as a whole is at fault.
    public var lineNumber: Int
    /// The offending line without its line ending, cut to `SDPLimits.maximumQuotedLineLength`.
    public var line: String
    /// What is wrong with it.
    public var reason: Reason

    public init(lineNumber: Int, line: String, reason: Reason) {
        self.lineNumber = lineNumber
        self.line = line
        self.reason = reason
    }

    init(lineNumber: Int, bytes: SDPBytes, reason: Reason) {
        let quoted = bytes.prefix(SDPLimits.maximumQuotedLineLength)
        self.init(lineNumber: lineNumber, line: quoted.string, reason: reason)
    }

    public var description: String {
        lineNumber == 0 ? "SDP: \(reason)" : "SDP line \(lineNumber) \"\(line)\": \(reason)"
    }
}

extension SDPParseError {
    /// The rule of RFC 8866 (or of the attribute's RFC) that the body breaks.
    public enum Reason: Error, Sendable, Hashable, CustomStringConvertible {
        /// The body is larger than `SDPLimits.maximumBodyBytes`.
        case bodyTooLarge(limit: Int)
        /// The body has more lines than `SDPLimits.maximumLines`.
        case tooManyLines(limit: Int)
        /// A line is longer than `SDPLimits.maximumLineLength`.
        case lineTooLong(limit: Int)
        /// More `m=` sections than `SDPLimits.maximumMediaDescriptions`.
        case tooManyMediaDescriptions(limit: Int)
        /// The body has no lines at all.
        case emptyBody
        /// A line is not `<letter>=<value>` (RFC 8866 §5).
        case malformedLine
        /// The first line is not `v=` (RFC 8866 §5.1).
        case missingVersion
        /// `v=` is not 0, the only version there is (RFC 8866 §5.1).
        case unsupportedVersion
        /// A mandatory line (`o=`, `s=`, `t=`) never came (RFC 8866 §5).
        case missingField(type: Character)
        /// A line that may appear once per level came twice.
        case duplicateField(type: Character)
        /// A line where it cannot be: a session-level line inside a media section, `r=` before `t=`.
        case misplacedField(type: Character)
        /// A line whose value does not follow its grammar.
        case invalidField(type: Character, Problem)
        /// A known attribute whose value does not follow the grammar of its RFC.
        case invalidAttribute(name: String, Problem)

        public var description: String {
            switch self {
            case .bodyTooLarge(let limit): "body is larger than \(limit) bytes"
            case .tooManyLines(let limit): "body has more than \(limit) lines"
            case .lineTooLong(let limit): "line is longer than \(limit) bytes"
            case .tooManyMediaDescriptions(let limit): "more than \(limit) m= sections"
            case .emptyBody: "body is empty"
            case .malformedLine: "not a <type>=<value> line"
            case .missingVersion: "the first line must be v=0"
            case .unsupportedVersion: "v= must be 0"
            case .missingField(let type): "mandatory \(type)= line is missing"
            case .duplicateField(let type): "\(type)= may appear only once here"
            case .misplacedField(let type): "\(type)= is not allowed here"
            case .invalidField(let type, let problem): "\(type)= \(problem)"
            case .invalidAttribute(let name, let problem): "a=\(name) \(problem)"
            }
        }
    }

    /// What is wrong inside one line's value, naming the sub-field as its grammar does.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// A required sub-field is absent.
        case missing(String)
        /// A sub-field that must be a decimal number is not one.
        case notANumber(String)
        /// A number, or a count of items, outside what the grammar allows.
        case outOfRange(String)
        /// A keyword outside the grammar's list (the sub-field is named, then the value).
        case unrecognized(String, value: String)

        public var description: String {
            switch self {
            case .missing(let name): "has no \(name)"
            case .notANumber(let name): "\(name) is not a number"
            case .outOfRange(let name): "\(name) is out of range"
            case .unrecognized(let name, let value): "\(name) \"\(value)\" is not recognised"
            }
        }
    }
}

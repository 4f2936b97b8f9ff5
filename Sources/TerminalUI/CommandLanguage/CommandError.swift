/// Why a command line was not accepted, worded for the person who typed it.
public enum CommandError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case unterminatedQuote
    case unknownCommand(String, suggestion: String?)
    case missingArgument(command: String, argument: String, usage: String)
    case unexpectedArgument(command: String, argument: String, usage: String)
    case invalidArgument(command: String, argument: String, reason: String)
    case unknownOption(command: String, option: String, suggestion: String?)
    /// Resolution against the calls on screen failed (`answer 3` with two calls).
    case noSuchCall(String)
    case noCall
    /// The command makes no sense in the current situation; the text says why.
    case notPossible(String)
    case helpTopicUnknown(String, suggestion: String?)

    public var description: String {
        switch self {
        case .empty: return "empty command (try \"help\")"
        case .unterminatedQuote: return "unterminated quote"
        case .unknownCommand(let name, let suggestion):
            return "unknown command \"\(name)\"" + Self.hint(suggestion) + " (\"help\" lists commands)"
        case .missingArgument(let command, let argument, let usage):
            return "\(command): missing \(argument) (usage: \(usage))"
        case .unexpectedArgument(let command, let argument, let usage):
            return "\(command): unexpected \"\(argument)\" (usage: \(usage))"
        case .invalidArgument(let command, let argument, let reason):
            return "\(command): \"\(argument)\" \(reason)"
        case .unknownOption(let command, let option, let suggestion):
            return "\(command): unknown option \"\(option)\"" + Self.hint(suggestion)
        case .noSuchCall(let reference): return "no call \(reference)"
        case .noCall: return "no call to act on"
        case .notPossible(let reason): return reason
        case .helpTopicUnknown(let topic, let suggestion):
            return "no help for \"\(topic)\"" + Self.hint(suggestion)
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}

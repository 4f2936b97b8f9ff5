/// The commands of the `:` prompt and the control socket: name, arguments and summary. `help`
/// output and "did you mean" suggestions come from this one table.
public struct CommandSpec: Sendable, Hashable {
    public var name: String
    public var usage: String
    public var summary: String
    /// The `key=` options the command accepts.
    public var options: [String]
}

public enum CommandTable {
    public static let commands: [CommandSpec] = [
        CommandSpec(name: "call", usage: "call URI [account=NAME]", summary: "call a SIP URI or number", options: ["account"]),
        CommandSpec(name: "answer", usage: "answer [N]", summary: "answer the ringing call (or call N)", options: ["id"]),
        CommandSpec(name: "reject", usage: "reject [N]", summary: "reject an incoming call", options: ["id"]),
        CommandSpec(name: "hangup", usage: "hangup [N]", summary: "end the current call (or call N)", options: ["id"]),
        CommandSpec(name: "hold", usage: "hold [N]", summary: "put a call on hold", options: ["id"]),
        CommandSpec(name: "resume", usage: "resume [N]", summary: "take a call off hold", options: ["id"]),
        CommandSpec(name: "transfer", usage: "transfer URI [N]", summary: "blind transfer to URI", options: ["id"]),
        CommandSpec(name: "consult", usage: "consult URI [N]", summary: "attended transfer: hold and call URI", options: ["id"]),
        CommandSpec(name: "complete", usage: "complete", summary: "attended transfer: connect the two calls", options: []),
        CommandSpec(name: "dtmf", usage: "dtmf DIGITS [N]", summary: "send DTMF (0-9 * # A-D)", options: ["id"]),
        CommandSpec(name: "mute", usage: "mute [on|off] [N]", summary: "mute the microphone", options: ["id"]),
        CommandSpec(
            name: "record", usage: "record [on|off] [N] [file=PATH]", summary: "record a call (to PATH, never over a file)",
            options: ["id", "file"]),
        CommandSpec(name: "message", usage: "message URI TEXT [account=NAME]", summary: "send a SIP MESSAGE", options: ["account"]),
        CommandSpec(name: "register", usage: "register ACCOUNT", summary: "register (again) now", options: []),
        CommandSpec(name: "unregister", usage: "unregister ACCOUNT", summary: "unregister and disable", options: []),
        CommandSpec(name: "enable", usage: "enable ACCOUNT", summary: "enable an account", options: []),
        CommandSpec(name: "disable", usage: "disable ACCOUNT", summary: "disable an account", options: []),
        CommandSpec(name: "contact-add", usage: "contact-add NAME URI", summary: "add a contact", options: []),
        CommandSpec(name: "contact-edit", usage: "contact-edit ID NAME URI...", summary: "change a contact's name and addresses", options: []),
        CommandSpec(name: "contact-delete", usage: "contact-delete ID", summary: "delete a contact", options: []),
        CommandSpec(name: "history-delete", usage: "history-delete ID", summary: "delete a history entry", options: []),
        CommandSpec(
            name: "dates", usage: "dates [FROM [TO]]",
            summary: "history from day FROM to TO (YYYY-MM-DD, today, yesterday, 7d); none: all", options: []),
        CommandSpec(name: "export", usage: "export PATH [format=pcap|text]", summary: "export the SIP trace", options: ["format"]),
        CommandSpec(name: "audio", usage: "audio [playback=NAME] [capture=NAME]", summary: "move calls to other sound devices (none named: the defaults)", options: ["playback", "capture"]),
        CommandSpec(name: "devices", usage: "devices", summary: "list the sound devices by name", options: []),
        CommandSpec(name: "theme", usage: "theme [NAME]", summary: "switch theme now (dark, light, monochrome, a file)", options: []),
        CommandSpec(name: "help", usage: "help [COMMAND]", summary: "list commands or explain one", options: []),
        CommandSpec(name: "quit", usage: "quit", summary: "leave Dialtone", options: []),
    ]

    public static func spec(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// `help` output: every command's usage and summary, aligned; or one command's.
    public static func help(topic: String? = nil) -> Result<[String], CommandError> {
        if let topic {
            guard let spec = spec(named: topic) else {
                return .failure(.helpTopicUnknown(topic, suggestion: NameSuggestion.nearest(to: topic, in: commands.map(\.name))))
            }
            return .success(["\(spec.usage) — \(spec.summary)"])
        }
        let width = commands.map { DisplayWidth.of($0.usage) }.max() ?? 0
        return .success(commands.map { TextLayout.padded($0.usage, to: width) + "  " + $0.summary })
    }
}

/// Parses one line of the command language into a `ParsedCommand`. Pure: no state, no I/O, so
/// the `:` prompt and the control socket share it.
public enum CommandParser {
    public static func parse(_ line: String) -> Result<ParsedCommand, CommandError> {
        let words: [String]
        switch CommandTokenizer.tokenize(line) {
        case .success(let tokens): words = tokens
        case .failure(let error): return .failure(error)
        }
        guard let name = words.first else { return .failure(.empty) }
        guard let spec = CommandTable.spec(named: name.lowercased()) else {
            let suggestion = NameSuggestion.nearest(to: name, in: CommandTable.commands.map(\.name))
            return .failure(.unknownCommand(name, suggestion: suggestion))
        }
        do {
            var arguments = try Arguments(words.dropFirst(), spec: spec)
            let command = try build(spec.name, &arguments)
            try arguments.expectEnd()
            return .success(command)
        } catch {
            return .failure(error)
        }
    }

    private static func build(_ name: String, _ a: inout Arguments) throws(CommandError) -> ParsedCommand {
        switch name {
        case "call": return .call(target: try a.required("URI"), account: a.options["account"])
        case "answer": return .answer(try a.call())
        case "reject": return .reject(try a.call())
        case "hangup": return .hangUp(try a.call())
        case "hold": return .hold(try a.call())
        case "resume": return .resume(try a.call())
        case "transfer": return .transfer(target: try a.required("URI"), call: try a.call())
        case "consult": return .consult(target: try a.required("URI"), call: try a.call())
        case "complete": return .completeTransfer
        case "dtmf": return .dtmf(digits: try a.dtmfDigits(), call: try a.call())
        case "mute": return .mute(try a.onOff(), call: try a.call())
        case "record": return try a.record()
        case "message":
            let target = try a.required("URI")
            return .message(to: target, text: try a.rest("TEXT"), account: a.options["account"])
        case "register": return .register(account: try a.required("ACCOUNT"))
        case "unregister": return .unregister(account: try a.required("ACCOUNT"))
        case "enable": return .enable(account: try a.required("ACCOUNT"))
        case "disable": return .disable(account: try a.required("ACCOUNT"))
        case "contact-add":
            let contactName = try a.required("NAME")
            return .addContact(name: contactName, address: try a.required("URI"))
        case "contact-edit":
            let id = try a.required("ID")
            let contactName = try a.required("NAME")
            var addresses = [try a.required("URI")]
            while let more = a.optional() { addresses.append(more) }
            return .editContact(id: id, name: contactName, addresses: addresses)
        case "contact-delete": return .deleteContact(id: try a.required("ID"))
        case "history-delete": return .deleteHistory(id: try a.required("ID"))
        case "export": return try a.export()
        case "dates": return .dates(from: try a.day(), to: try a.day())
        case "help": return .help(topic: a.optional())
        case "theme": return .theme(name: a.optional())
        case "audio": return .audio(playback: a.options["playback"], capture: a.options["capture"])
        case "devices": return .devices
        default: return .quit
        }
    }
}

/// The words after the command name: positionals in order, `key=value` options by key.
private struct Arguments {
    let spec: CommandSpec
    var positionals: ArraySlice<String>
    let options: [String: String]

    init(_ words: ArraySlice<String>, spec: CommandSpec) throws(CommandError) {
        self.spec = spec
        var positionals: [String] = []
        var options: [String: String] = [:]
        for word in words {
            if let equals = word.firstIndex(of: "="), word[..<equals].allSatisfy({ $0.isASCII && $0.isLetter }),
                equals != word.startIndex
            {
                let key = String(word[..<equals])
                guard spec.options.contains(key) else {
                    throw .unknownOption(
                        command: spec.name, option: key, suggestion: NameSuggestion.nearest(to: key, in: spec.options))
                }
                options[key] = String(word[word.index(after: equals)...])
            } else {
                positionals.append(word)
            }
        }
        self.positionals = positionals[...]
        self.options = options
    }

    mutating func required(_ argument: String) throws(CommandError) -> String {
        guard let word = positionals.popFirst(), !word.isEmpty else {
            throw .missingArgument(command: spec.name, argument: argument, usage: spec.usage)
        }
        return word
    }

    mutating func optional() -> String? {
        positionals.popFirst()
    }

    /// An optional day for `dates`.
    mutating func day() throws(CommandError) -> DaySpec? {
        guard let word = optional() else { return nil }
        guard let day = DaySpec.parse(word) else {
            throw .invalidArgument(command: spec.name, argument: word, reason: "is not a day (YYYY-MM-DD, today, yesterday or 7d)")
        }
        return day
    }

    /// Everything left, joined by spaces: `message sip:b@x hello there` needs no quotes.
    mutating func rest(_ argument: String) throws(CommandError) -> String {
        let text = positionals.joined(separator: " ")
        positionals = []
        guard !text.isEmpty else { throw .missingArgument(command: spec.name, argument: argument, usage: spec.usage) }
        return text
    }

    /// An optional call number (`2`) or `id=…`; neither means the current call.
    mutating func call() throws(CommandError) -> CallSelector {
        if let id = options["id"] { return .id(CallID(id)) }
        guard let word = positionals.first else { return .current }
        guard let number = Int(word), number >= 1 else {
            throw .invalidArgument(command: spec.name, argument: word, reason: "is not a call number (1, 2, …)")
        }
        positionals.removeFirst()
        return .number(number)
    }

    mutating func dtmfDigits() throws(CommandError) -> String {
        let digits = try required("DIGITS")
        let allowed = Set("0123456789*#ABCDabcd")
        guard digits.allSatisfy({ allowed.contains($0) }) else {
            throw .invalidArgument(command: spec.name, argument: digits, reason: "is not DTMF (use 0-9 * # A-D)")
        }
        return digits.uppercased()
    }

    /// `on`/`off`, absent meaning on.
    mutating func onOff() throws(CommandError) -> Bool {
        switch positionals.first?.lowercased() {
        case "on": positionals.removeFirst(); return true
        case "off": positionals.removeFirst(); return false
        default: return true
        }
    }

    /// `record [on|off] [N] [file=PATH]`; naming a file only makes sense when starting.
    mutating func record() throws(CommandError) -> ParsedCommand {
        let on = try onOff()
        let selector = try call()
        guard let file = options["file"] else { return .record(on, call: selector) }
        guard on else {
            throw .invalidArgument(command: spec.name, argument: "file=\(file)", reason: "only goes with record on")
        }
        guard !file.isEmpty else {
            throw .invalidArgument(command: spec.name, argument: "file=", reason: "needs a path")
        }
        return .record(true, call: selector, file: file)
    }

    mutating func export() throws(CommandError) -> ParsedCommand {
        let path = try required("PATH")
        if let name = options["format"] {
            guard let format = TraceFormat(rawValue: name) else {
                throw .invalidArgument(command: spec.name, argument: name, reason: "is not a format (pcap or text)")
            }
            return .export(path: path, format: format)
        }
        let isPcap = path.lowercased().hasSuffix(".pcap") || path.lowercased().hasSuffix(".pcapng")
        return .export(path: path, format: isPcap ? .pcap : .text)
    }

    func expectEnd() throws(CommandError) {
        if let extra = positionals.first {
            throw .unexpectedArgument(command: spec.name, argument: extra, usage: spec.usage)
        }
    }
}

/// What happens when a call comes in, besides the popup: the terminal bell and, if configured,
/// a desktop notification program (`[ui] bell`, `[ui] notify_command`). Pure: it decides what
/// to run; the app runs it. The caller's name and address come from the network, so they are
/// passed as separate arguments and environment values — never through a shell — and cleaned
/// of control characters first.
public struct IncomingCallAlert: Sendable, Hashable {
    /// A program to start: `executable` looked up in `PATH` like `execvp`.
    public struct Launch: Sendable, Hashable {
        public var executable: String
        /// `argv`, including `argv[0]`.
        public var arguments: [String]
        public var environment: [String: String]
    }

    /// Longest caller text passed on; a display name is a short phrase, not a payload.
    static let textLimit = 200

    public var bell: Bool
    public var notifyCommand: [String]

    public init(bell: Bool = true, notifyCommand: [String] = []) {
        self.bell = bell
        self.notifyCommand = notifyCommand
    }

    /// The notification program for a caller, or nil when none is configured. The command's
    /// own words come first, then the caller's name (or address when there is no name) and
    /// address; the environment also carries `DIALTONE_CALLER_NAME`, `DIALTONE_CALLER_URI` and
    /// `DIALTONE_ACCOUNT`.
    public func launch(callerName: String?, callerURI: String, account: String, environment: [String: String]) -> Launch? {
        guard let program = notifyCommand.first, !program.isEmpty else { return nil }
        let uri = Self.clean(callerURI)
        let name = callerName.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }
        var variables = environment
        variables["DIALTONE_CALLER_NAME"] = name ?? ""
        variables["DIALTONE_CALLER_URI"] = uri
        variables["DIALTONE_ACCOUNT"] = Self.clean(account)
        return Launch(executable: program, arguments: notifyCommand + [name ?? uri, uri], environment: variables)
    }

    /// Control characters (newlines, escapes: a terminal or notification daemon would act on
    /// them) become spaces; the text is cut at `textLimit` characters.
    static func clean(_ text: String) -> String {
        String(text.prefix(textLimit).map { character in
            character.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.value == 0x7F } ? " " : character
        })
    }
}

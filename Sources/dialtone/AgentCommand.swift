import ArgumentParser
import DialtoneConfig
import Foundation
import MediaEngine
import PhoneEngine

/// `dialtone agent`: stay registered and handle calls unattended. Wiring only; the work is
/// `PhoneEngine.Agent` and its control socket.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Stay registered and handle calls unattended (auto-answer, control socket).",
        usage: "dialtone agent [--config FILE] [--auto-answer[=SECONDS]] [--play FILE.wav] [--record-dir DIR] [--max-calls N] [--json] [--control PATH]",
        discussion: """
            --control PATH opens a Unix-domain socket (mode 0600) taking JSON-line commands: dial, answer, \
            hangup, hold, resume, transfer, dtmf, message, register; it streams the same JSON events as --json. \
            SIGINT or SIGTERM hangs up every call, un-registers and exits 0.
            """)

    @Option(help: ArgumentHelp("The configuration file.", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("Play this WAV file to every answered call.", valueName: "FILE.wav"))
    var play: String?

    @Option(name: .customLong("record-dir"), help: ArgumentHelp("Record each call to a WAV file here.", valueName: "DIR"))
    var recordDirectory: String?

    @Option(name: .customLong("max-calls"), help: ArgumentHelp("Refuse calls beyond this many at once (486).", valueName: "N"))
    var maxCalls: Int?

    @Flag(help: "Print one JSON object per line for each event.")
    var json = false

    @Option(help: ArgumentHelp("Open a control socket (Unix domain, mode 0600) here.", valueName: "PATH"))
    var control: String?

    /// `--auto-answer` and `--auto-answer=SECONDS`: an option whose value is optional, which
    /// ArgumentParser cannot declare, so it is taken from the otherwise unrecognised arguments.
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var rest: [String] = []

    func autoAnswer() throws -> Duration? {
        var delay: Duration?
        for argument in rest {
            if argument == "--auto-answer" {
                delay = .zero
            } else if argument.hasPrefix("--auto-answer="), let seconds = Double(argument.dropFirst("--auto-answer=".count)), seconds >= 0 {
                delay = .milliseconds(Int64(seconds * 1000))
            } else {
                throw ValidationError("unknown argument \(argument)")
            }
        }
        return delay
    }

    func validate() throws {
        _ = try autoAnswer()
        if let maxCalls, maxCalls < 1 { throw ValidationError("--max-calls must be at least 1") }
    }

    func run() throws {
        let configuration = try ConfigurationFile.load(explicit: config)
        let audio: CallAudio = play != nil ? .files(play: play, record: nil) : .null
        let settings = Agent.Settings(
            autoAnswer: try autoAnswer(), maxCalls: maxCalls, controlPath: control, audio: audio, recordDirectory: recordDirectory)
        let interrupt = Interrupt.install()
        let printer = EventPrinter(json: json)
        let status = BlockingWait.run {
            await Agent.run(settings, configuration: configuration, options: ProductEngineOptions.make(),
                            output: { printer.print($0) }, stop: interrupt.stop)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

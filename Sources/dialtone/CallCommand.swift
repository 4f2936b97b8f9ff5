import ArgumentParser
import DialtoneConfig
import Dispatch
import Foundation
import MediaEngine
import PhoneEngine
import Synchronization

/// `dialtone call`: one call without the full-screen UI. Wiring only; the work is
/// `PhoneEngine.SingleCall`, tested against kamailio, baresip and sipp.
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Place one call and report how it went.",
        usage: "dialtone call URI|NUMBER [--config FILE] [--account NAME] [--hangup-after SECONDS] [--dtmf DIGITS] [--play FILE.wav] [--record FILE.wav] [--json]",
        discussion: """
            Exit status: 0 answered; 1 no call could be placed (account, target, registration); 2 usage or \
            configuration error; 3 busy (486/600); 4 declined (603/607); 5 not found (404/604); \
            6 no answer (408/480/487); 7 another SIP failure; 8 network failure (503).
            """)

    @Argument(help: "A SIP URI, user@host, or a number completed with the account's domain.")
    var target: String

    @Option(help: ArgumentHelp("The configuration file.", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("Call from this account (default: the first enabled one).", valueName: "NAME"))
    var account: String?

    @Option(name: .customLong("hangup-after"), help: ArgumentHelp("Hang up this long after the answer.", valueName: "SECONDS"))
    var hangupAfter: Double?

    @Option(help: ArgumentHelp("Send these digits once the call is answered.", valueName: "DIGITS"))
    var dtmf: String?

    @Option(help: ArgumentHelp("Play this WAV file as the microphone.", valueName: "FILE.wav"))
    var play: String?

    @Option(help: ArgumentHelp("Record the call to this WAV file.", valueName: "FILE.wav"))
    var record: String?

    @Flag(help: "Print one JSON object per line for each event.")
    var json = false

    func validate() throws {
        if let hangupAfter, !(hangupAfter >= 0) { throw ValidationError("--hangup-after must be a number of seconds ≥ 0") }
        if let dtmf, !dtmf.allSatisfy({ "0123456789*#ABCDabcd".contains($0) }) {
            throw ValidationError("--dtmf takes 0-9, *, # and A-D")
        }
    }

    func run() throws {
        let configuration = try ConfigurationFile.loadOrDefaults(explicit: config)
        let audio: CallAudio = (play != nil || record != nil) ? .files(play: play, record: record) : .null
        let request = SingleCall.Request(
            target: target, account: account, hangUpAfter: hangupAfter.map { .milliseconds(Int64($0 * 1000)) },
            dtmf: dtmf, audio: audio)
        let interrupt = Interrupt.install()
        let printer = EventPrinter(json: json)
        let outcome = BlockingWait.run {
            await SingleCall.run(
                request, configuration: configuration, options: ProductEngineOptions.make(),
                output: { printer.print($0) }, stop: interrupt.stop)
        }
        if !json {
            let status = outcome.statusCode.map { "\($0) " } ?? ""
            FileHandle.standardError.write(Data("dialtone call: \(status)\(outcome.reason)\n".utf8))
        }
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }
}

/// Prints engine events: JSON lines (`--json`) or short human lines on stderr.
final class EventPrinter: Sendable {
    private let json: Bool
    private let encoder = Mutex(EngineEventJSON())

    init(json: Bool) {
        self.json = json
    }

    func print(_ event: EngineEvent) {
        guard let line = encoder.withLock({ $0.line(for: event) }) else { return }
        if json {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}

/// SIGINT and SIGTERM as a stop request the runners wait for: they hang up, un-register and
/// exit cleanly. `@unchecked`: the dispatch sources are only kept alive here, set once in
/// `install` and never touched again.
final class Interrupt: @unchecked Sendable {
    let stop = StopRequest()
    private var sources: [any DispatchSourceSignal] = []

    static func install() -> Interrupt {
        let interrupt = Interrupt()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { interrupt.stop.request() }
            source.resume()
            interrupt.sources.append(source)
        }
        return interrupt
    }
}

import Testing
@testable import TerminalUI

@Suite struct CommandParserTests {
    @Test(arguments: [
        ("call sip:bob@example.com account=work", ParsedCommand.call(target: "sip:bob@example.com", account: "work")),
        ("call +49171555", .call(target: "+49171555", account: nil)),
        ("call sip:bob@x;transport=tcp", .call(target: "sip:bob@x;transport=tcp", account: nil)),
        ("answer", .answer(.current)),
        ("answer 2", .answer(.number(2))),
        ("answer id=abc", .answer(.id(CallID("abc")))),
        ("reject", .reject(.current)),
        ("hangup", .hangUp(.current)),
        ("hangup 3", .hangUp(.number(3))),
        ("hold", .hold(.current)),
        ("resume 1", .resume(.number(1))),
        ("transfer sip:c@x", .transfer(target: "sip:c@x", call: .current)),
        ("transfer sip:c@x 2", .transfer(target: "sip:c@x", call: .number(2))),
        ("consult sip:c@x", .consult(target: "sip:c@x", call: .current)),
        ("complete", .completeTransfer),
        ("dtmf 123#", .dtmf(digits: "123#", call: .current)),
        ("dtmf *0ab 2", .dtmf(digits: "*0AB", call: .number(2))),
        ("mute", .mute(true, call: .current)),
        ("mute off", .mute(false, call: .current)),
        ("record on 2", .record(true, call: .number(2))),
        ("record", .record(true, call: .current)),
        ("record off", .record(false, call: .current)),
        ("record on 2 file=~/calls/bob.wav", .record(true, call: .number(2), file: "~/calls/bob.wav")),
        ("record file=\"/tmp/my call.wav\"", .record(true, call: .current, file: "/tmp/my call.wav")),
        ("record id=c7 file=a=b.wav", .record(true, call: .id(CallID("c7")), file: "a=b.wav")),
        ("message sip:bob@x \"hello there\"", .message(to: "sip:bob@x", text: "hello there", account: nil)),
        ("message sip:bob@x hello   there account=home", .message(to: "sip:bob@x", text: "hello there", account: "home")),
        ("message sip:bob@x \"say \\\"hi\\\"\"", .message(to: "sip:bob@x", text: "say \"hi\"", account: nil)),
        ("register work", .register(account: "work")),
        ("unregister work", .unregister(account: "work")),
        ("enable home", .enable(account: "home")),
        ("disable home", .disable(account: "home")),
        ("contact-add \"Anna B\" sip:anna@x", .addContact(name: "Anna B", address: "sip:anna@x")),
        ("contact-delete u1", .deleteContact(id: "u1")),
        ("history-delete h1", .deleteHistory(id: "h1")),
        ("export trace.pcap", .export(path: "trace.pcap", format: .pcap)),
        ("export trace.txt", .export(path: "trace.txt", format: .text)),
        ("export out format=text", .export(path: "out", format: .text)),
        ("help", .help(topic: nil)),
        ("help dtmf", .help(topic: "dtmf")),
        ("audio playback=headset capture=headset-mic", .audio(playback: "headset", capture: "headset-mic")),
        ("audio", .audio(playback: nil, capture: nil)),
        ("devices", .devices),
        ("quit", .quit),
        ("  QUIT  ", .quit),
    ])
    func parsesEveryCommand(line: String, expected: ParsedCommand) {
        #expect(CommandParser.parse(line) == .success(expected))
    }

    @Test(arguments: [
        ("", CommandError.empty),
        ("   ", .empty),
        ("hnagup", .unknownCommand("hnagup", suggestion: "hangup")),
        ("cal sip:x", .unknownCommand("cal", suggestion: "call")),
        ("frobnicate", .unknownCommand("frobnicate", suggestion: nil)),
        ("call", .missingArgument(command: "call", argument: "URI", usage: "call URI [account=NAME]")),
        ("transfer", .missingArgument(command: "transfer", argument: "URI", usage: "transfer URI [N]")),
        ("message sip:bob@x", .missingArgument(command: "message", argument: "TEXT", usage: "message URI TEXT [account=NAME]")),
        ("register", .missingArgument(command: "register", argument: "ACCOUNT", usage: "register ACCOUNT")),
        ("record off file=x.wav", .invalidArgument(command: "record", argument: "file=x.wav", reason: "only goes with record on")),
        ("record on file=", .invalidArgument(command: "record", argument: "file=", reason: "needs a path")),
        ("record on fil=x.wav", .unknownOption(command: "record", option: "fil", suggestion: "file")),
        ("dtmf 12x", .invalidArgument(command: "dtmf", argument: "12x", reason: "is not DTMF (use 0-9 * # A-D)")),
        ("answer two", .invalidArgument(command: "answer", argument: "two", reason: "is not a call number (1, 2, …)")),
        ("answer 0", .invalidArgument(command: "answer", argument: "0", reason: "is not a call number (1, 2, …)")),
        ("answer 99999999999999999999999", .invalidArgument(command: "answer", argument: "99999999999999999999999", reason: "is not a call number (1, 2, …)")),
        ("hangup 1 2", .unexpectedArgument(command: "hangup", argument: "2", usage: "hangup [N]")),
        ("quit now", .unexpectedArgument(command: "quit", argument: "now", usage: "quit")),
        ("call sip:x acount=work", .unknownOption(command: "call", option: "acount", suggestion: "account")),
        ("export x format=json", .invalidArgument(command: "export", argument: "json", reason: "is not a format (pcap or text)")),
        ("message sip:x \"unterminated", .unterminatedQuote),
    ])
    func reportsClearErrors(line: String, expected: CommandError) {
        #expect(CommandParser.parse(line) == .failure(expected))
    }

    @Test func errorMessagesReadWell() {
        #expect(CommandError.unknownCommand("hnagup", suggestion: "hangup").description
            == "unknown command \"hnagup\" (did you mean \"hangup\"?) (\"help\" lists commands)")
        #expect(CommandError.missingArgument(command: "call", argument: "URI", usage: "call URI [account=NAME]").description
            == "call: missing URI (usage: call URI [account=NAME])")
    }

    @Test func helpListsEveryCommandAligned() throws {
        let lines = try CommandTable.help().get()
        #expect(lines.count == CommandTable.commands.count)
        let summaryColumns = Set(zip(lines, CommandTable.commands).map { line, spec in
            DisplayWidth.of(line) - DisplayWidth.of(spec.summary)
        })
        #expect(summaryColumns.count == 1, "summaries start in one column")
        #expect(try CommandTable.help(topic: "dtmf").get() == ["dtmf DIGITS [N] — send DTMF (0-9 * # A-D)"])
        #expect(CommandTable.help(topic: "dtfm") == .failure(.helpTopicUnknown("dtfm", suggestion: "dtmf")))
    }

    @Test func quotingRoundTripsThroughTheTokenizer() throws {
        for word in ["plain", "two words", "", "say \"hi\"", "back\\slash"] {
            let line = "contact-add " + CommandQuoting.quoted(word) + " sip:x@y"
            if word.isEmpty {
                #expect(CommandParser.parse(line) == .failure(.missingArgument(command: "contact-add", argument: "NAME", usage: "contact-add NAME URI")))
            } else {
                #expect(CommandParser.parse(line) == .success(.addContact(name: word, address: "sip:x@y")))
            }
        }
    }
}

@Suite struct CommandResolverTests {
    let calls = [Sample.talkingBob, Sample.heldDave, Sample.ringingCarol]

    func resolve(_ line: String, current: CallID? = nil) -> Result<[UICommand], CommandError> {
        guard case .success(let parsed) = CommandParser.parse(line) else { return .failure(.empty) }
        return CommandResolver(calls: calls, currentCall: current).resolve(parsed)
    }

    @Test func callsAreNumberedAsOnScreen() {
        #expect(resolve("hangup 2") == .success([.hangUp(callID: Sample.heldDave.id)]))
        #expect(resolve("hangup") == .success([.hangUp(callID: Sample.talkingBob.id)]))
        #expect(resolve("hangup", current: Sample.heldDave.id) == .success([.hangUp(callID: Sample.heldDave.id)]))
        #expect(resolve("hangup 4") == .failure(.noSuchCall("4")))
        #expect(resolve("hangup id=zzz") == .failure(.noSuchCall("zzz")))
        #expect(resolve("record 2 file=~/dave.wav") == .success([.setRecording(callID: Sample.heldDave.id, recording: true, file: "~/dave.wav")]))
        #expect(resolve("record off") == .success([.setRecording(callID: Sample.talkingBob.id, recording: false, file: nil)]))
    }

    @Test func bareAnswerMeansTheRingingCallAndHoldsTheActiveOne() {
        #expect(resolve("answer") == .success([.hold(callID: Sample.talkingBob.id), .answer(callID: Sample.ringingCarol.id)]))
        #expect(resolve("reject") == .success([.reject(callID: Sample.ringingCarol.id)]))
    }

    @Test func resumeHoldsTheOthers() {
        #expect(resolve("resume 2") == .success([.hold(callID: Sample.talkingBob.id), .resume(callID: Sample.heldDave.id)]))
    }

    @Test func accountAndMiscCommands() {
        #expect(resolve("register work") == .success([.reRegister("work")]))
        #expect(resolve("unregister work") == .success([.disableAccount("work")]))
        #expect(resolve("enable work") == .success([.enableAccount("work")]))
        #expect(resolve("dtmf 5") == .success([.sendDTMF(callID: Sample.talkingBob.id, digits: "5")]))
        #expect(resolve("quit") == .success([.quit]))
        #expect(resolve("help") == .success([]))
    }

    @Test func commandsNeedingACallFailWithoutOne() {
        guard case .success(let parsed) = CommandParser.parse("hold") else { return }
        #expect(CommandResolver(calls: [], currentCall: nil).resolve(parsed) == .failure(.noCall))
        guard case .success(let complete) = CommandParser.parse("complete") else { return }
        #expect(CommandResolver(calls: [Sample.talkingBob], currentCall: nil).resolve(complete)
            == .failure(.notPossible("complete: needs a held call and an active consultation call")))
    }
}

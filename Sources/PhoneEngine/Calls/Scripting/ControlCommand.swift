import Foundation
import MediaEngine

/// One JSON-line command of the control socket (and of anything else that scripts the engine):
/// `{"command":"dial","target":"sip:bob@example.com","account":"work"}`. The verbs are the UI's
/// (dial, answer, hangup, hold, resume, transfer, dtmf, message, register, mute, record, audio);
/// parsing is pure.
public enum ControlCommand: Sendable, Hashable {
    case dial(target: String, account: String?)
    case answer(CallID)
    case hangUp(CallID)
    case hold(CallID)
    case resume(CallID)
    case transfer(CallID, target: String)
    case dtmf(CallID, digits: String)
    case message(to: String, text: String, account: String?)
    case register(account: String)
    /// `{"command":"mute","call":"c1"}`; `"on":false` unmutes.
    case mute(CallID, on: Bool)
    /// `{"command":"record","call":"c1","path":"/tmp/x.wav"}` (path optional); `"on":false` stops.
    case record(CallID, on: Bool, path: String?)
    /// `{"command":"audio","playback":"sink","capture":"source"}` (each optional: the default
    /// device) or `{"command":"audio","play":"in.wav","record":"out.wav"}`: moves the calls'
    /// sound and sets it for new calls.
    case audio(CallAudio)

    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case notJSON
        case unknownCommand(String)
        case missing(String)

        public var description: String {
            switch self {
            case .notJSON: "not a JSON object"
            case .unknownCommand(let name): "unknown command \(name)"
            case .missing(let field): "missing \"\(field)\""
            }
        }
    }

    public var name: String {
        switch self {
        case .dial: "dial"
        case .answer: "answer"
        case .hangUp: "hangup"
        case .hold: "hold"
        case .resume: "resume"
        case .transfer: "transfer"
        case .dtmf: "dtmf"
        case .message: "message"
        case .register: "register"
        case .mute: "mute"
        case .record: "record"
        case .audio: "audio"
        }
    }

    public static func parse(_ line: String) throws(ParseError) -> ControlCommand {
        try request(line).command.get()
    }

    /// The line parsed once: its command (or why it is not one) and its `"id"` (a string or an
    /// integer), which the reply echoes even when the command is wrong.
    static func request(_ line: String) -> (command: Result<ControlCommand, ParseError>, id: JSONLine.Value?) {
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return (.failure(.notJSON), nil) }
        let id: JSONLine.Value? = if let text = object["id"] as? String { .string(text) } else if let number = object["id"] as? Int { .int(number) } else { nil }
        do throws(ParseError) {
            return (.success(try command(in: object)), id)
        } catch {
            return (.failure(error), id)
        }
    }

    private static func command(in object: [String: Any]) throws(ParseError) -> ControlCommand {
        func text(_ key: String) throws(ParseError) -> String {
            guard let value = object[key] as? String, !value.isEmpty else { throw .missing(key) }
            return value
        }
        let command = try text("command")
        let account = object["account"] as? String
        switch command.lowercased() {
        case "dial": return .dial(target: try text("target"), account: account)
        case "answer": return .answer(CallID(try text("call")))
        case "hangup": return .hangUp(CallID(try text("call")))
        case "hold": return .hold(CallID(try text("call")))
        case "resume": return .resume(CallID(try text("call")))
        case "transfer": return .transfer(CallID(try text("call")), target: try text("target"))
        case "dtmf": return .dtmf(CallID(try text("call")), digits: try text("digits"))
        case "message": return .message(to: try text("to"), text: try text("text"), account: account)
        case "register": return .register(account: try text("account"))
        case "mute": return .mute(CallID(try text("call")), on: object["on"] as? Bool ?? true)
        case "record":
            return .record(CallID(try text("call")), on: object["on"] as? Bool ?? true, path: object["path"] as? String)
        case "audio":
            if object["play"] != nil || object["record"] != nil {
                return .audio(.files(play: object["play"] as? String, record: object["record"] as? String))
            }
            return .audio(.device(playback: object["playback"] as? String, capture: object["capture"] as? String))
        default: throw .unknownCommand(command)
        }
    }
}

extension PhoneEngine {
    /// Runs a control command; the reply line says whether it worked (and the new call's id).
    public func execute(_ command: ControlCommand) async -> String {
        var fields: [(String, JSONLine.Value)] = [("event", .string("reply")), ("command", .string(command.name))]
        var ok = true
        switch command {
        case .dial(let target, let account):
            do throws(CallError) {
                let id = try await dial(target, account: account)
                fields.append(("call", .string(id.rawValue)))
            } catch {
                ok = false
                fields.append(("error", .string(error.description)))
            }
        case .answer(let id): ok = await answer(id)
        case .hangUp(let id): ok = await hangUp(id)
        case .hold(let id): ok = await hold(id)
        case .resume(let id): ok = await resume(id)
        case .transfer(let id, let target): ok = await transfer(id, to: target)
        case .dtmf(let id, let digits): ok = await sendDTMF(id, digits)
        case .message(let to, let text, let account):
            do throws(CallError) {
                let status = try await sendMessage(to: to, text: text, account: account)
                ok = (200..<300).contains(status)
                fields.append(("code", .int(status)))
            } catch {
                ok = false
                fields.append(("error", .string(error.description)))
            }
        case .register(let account): ok = await enable(account: account)
        case .mute(let id, let on): ok = await setMuted(id, on)
        case .record(let id, true, let path):
            do throws(CallError) {
                fields.append(("path", .string(try await startRecording(id, to: path))))
            } catch {
                ok = false
                fields.append(("error", .string(error.description)))
            }
        case .record(let id, false, _): ok = await stopRecording(id)
        case .audio(let audio):
            let failures = await switchAudio(to: audio)
            ok = failures.isEmpty
            if let failure = failures.sorted(by: { $0.key.rawValue < $1.key.rawValue }).first {
                fields.append(("error", .string("\(failure.key.rawValue): \(failure.value)")))
            }
        }
        fields.insert(("ok", .bool(ok)), at: 2)
        return JSONLine.render(fields)
    }
}

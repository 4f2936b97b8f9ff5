import Foundation
import MediaEngine
import PhoneEngine
import TerminalUI

/// Carries out what the UI asks (`UICommand`) against the engine and the stores. Every piece
/// of work runs in a task; results come back to the UI thread through the inbox, so a key never
/// waits for the network or the disk.
public struct CommandDispatcher: Sendable {
    public let engine: PhoneEngine
    public let storage: StorageService
    public let inbox: AppInbox

    public init(engine: PhoneEngine, storage: StorageService, inbox: AppInbox) {
        self.engine = engine
        self.storage = storage
        self.inbox = inbox
    }

    /// Starts `command`. `traces` is the trace to export, taken on the UI thread so the export
    /// holds exactly what the debug pane showed when the key was pressed.
    public func dispatch(_ command: UICommand, traces: @autoclosure () -> [TraceRecord]) {
        switch command {
        case .enableAccount(let name): account(name, "enabling") { await $0.enable(account: name) }
        case .disableAccount(let name): account(name, "un-registering") { await $0.disable(account: name) }
        case .reRegister(let name): account(name, "registering") { await $0.reRegister(account: name) }
        case .addContact(let name, let address):
            contacts("added \(name)") { try await $0.addContact(name: name, address: address) }
        case .editContact(let id, let name, let addresses):
            contacts("saved \(name)") { try await $0.editContact(id: id, name: name, addresses: addresses) }
        case .deleteContact(let id):
            contacts("deleted the contact") { try await $0.deleteContact(id: id) }
        case .deleteHistoryEntry(let id):
            let (storage, inbox) = (storage, inbox)
            Task {
                do { inbox.post(.history(try await storage.deleteHistoryEntry(id: id))) } catch { inbox.post(.notice("\(error)")) }
            }
        case .exportTrace(let path, let format):
            export(traces(), to: path, format: format)
        case .writeStarterConfig(let path):
            let inbox = inbox
            Task {
                switch StarterConfig.write(to: path) {
                case .written: inbox.post(.notice("wrote \(path): add an account there and start dialtone again"))
                case .alreadyExists: inbox.post(.notice("\(path) already exists: left unchanged"))
                case .failed(let reason): inbox.post(.notice("cannot write \(path): \(reason)"))
                }
            }
        case .dial(let uri, let account):
            dial(uri, account: account)
        case .consult(_, let target):
            // The consultation call of an attended transfer: a new call (the engine holds the
            // current one when the new one is answered); `completeTransfer` joins them.
            dial(target, account: nil)
        case .answer(let id): call(id, "answer") { await $0.answer($1) }
        case .reject(let id): call(id, "reject") { await $0.reject($1) }
        case .hangUp(let id): call(id, "hang up") { await $0.hangUp($1) }
        case .hold(let id): call(id, "hold") { await $0.hold($1) }
        case .resume(let id): call(id, "resume") { await $0.resume($1) }
        case .transfer(let id, let target):
            transfer(id, "transfer") { await $0.transfer($1, to: target) }
        case .completeTransfer(let id, let consultation):
            let other = EngineCallID(consultation.rawValue)
            transfer(id, "complete the transfer") { await $0.attendedTransfer($1, replacing: other) }
        case .sendDTMF(let id, let digits): call(id, "send DTMF") { await $0.sendDTMF($1, digits) }
        case .sendMessage(let to, let text, let account):
            let (engine, inbox) = (engine, inbox)
            Task {
                do {
                    let status = try await engine.sendMessage(to: to, text: text, account: account)
                    inbox.post(.messageSent(to: to, account: account, text: text))
                    inbox.post(.notice(status < 300 ? "message to \(to) delivered" : "message to \(to) failed: \(status)"))
                } catch {
                    inbox.post(.notice("message to \(to) not sent: \(error)"))
                }
            }
        case .setMuted(let id, let muted): call(id, muted ? "mute" : "unmute") { await $0.setMuted($1, muted) }
        case .setRecording(let id, let recording, let file):
            record(id, recording, file: file)
        case .switchAudio(let playback, let capture):
            let (engine, inbox) = (engine, inbox)
            Task {
                let failures = await engine.switchAudio(to: .device(playback: playback, capture: capture))
                let target = "\(playback ?? "default") / \(capture ?? "default")"
                inbox.post(.notice(failures.isEmpty
                    ? "sound now on \(target)"
                    : "sound not moved for \(failures.keys.map(\.rawValue).sorted().joined(separator: ", ")): \(failures.values.first ?? "")"))
            }
        case .listAudioDevices:
            let inbox = inbox
            Task {
                do {
                    let list = try PulseAudioDirectory.list()
                    let sinks = list.sinks.map { $0.name == list.defaultSink ? "\($0.name)*" : $0.name }
                    let sources = list.sources.filter { !$0.isMonitor }.map { $0.name == list.defaultSource ? "\($0.name)*" : $0.name }
                    inbox.post(.notice("playback: \(sinks.joined(separator: ", ")) — capture: \(sources.joined(separator: ", "))"))
                } catch {
                    inbox.post(.notice("no sound devices: \(error)"))
                }
            }
        case .quit, .setTheme, .markConversationRead:
            break  // the app's own loop handles these: they touch the terminal or its model
        }
    }

    private func dial(_ target: String, account: String?) {
        let (engine, inbox) = (engine, inbox)
        Task {
            do {
                _ = try await engine.dial(target, account: account)
            } catch {
                inbox.post(.notice("cannot call \(target): \(error)"))
            }
        }
    }

    /// Starts or stops a recording; both notices name the file so the user can find it.
    private func record(_ id: TerminalUI.CallID, _ on: Bool, file: String?) {
        let (engine, inbox) = (engine, inbox)
        let engineID = EngineCallID(id.rawValue)
        Task {
            guard on else {
                let path = await engine.calls().first { $0.id == engineID }?.recordingPath
                guard await engine.stopRecording(engineID) else {
                    inbox.post(.notice("cannot stop recording: not recording"))
                    return
                }
                inbox.post(.notice(path.map { "recording stopped: \($0)" } ?? "recording stopped"))
                return
            }
            var reserved: String?
            if let file {
                switch RecordingFile.reserve(Self.expand(file)) {
                case .reserved(let path): reserved = path
                case .refused(let reason):
                    inbox.post(.notice(reason))
                    return
                }
            }
            do {
                let path = try await engine.startRecording(engineID, to: reserved)
                inbox.post(.notice("recording to \(path)"))
            } catch {
                // The empty file we created for the reservation is ours to remove.
                if let reserved { RecordingFile.release(reserved) }
                inbox.post(.notice("cannot record: \(error)"))
            }
        }
    }

    private func call(
        _ id: TerminalUI.CallID, _ doing: String,
        _ work: @escaping @Sendable (PhoneEngine, EngineCallID) async -> Bool
    ) {
        let inbox = inbox
        perform(id, work) { _ in inbox.post(.notice("cannot \(doing): no such call")) }
    }

    /// The app shows the call as transferring before dispatching (`EngineModel.transferStarted`);
    /// when the engine sends no REFER, that must be taken back.
    private func transfer(
        _ id: TerminalUI.CallID, _ doing: String,
        _ work: @escaping @Sendable (PhoneEngine, EngineCallID) async -> Bool
    ) {
        let inbox = inbox
        perform(id, work) { engineID in
            inbox.post(.transferNotStarted(engineID))
            inbox.post(.notice("cannot \(doing): no such call, or a target that cannot be called"))
        }
    }

    /// Runs a call command off the UI's thread; `failed` runs when the engine refused it.
    private func perform(
        _ id: TerminalUI.CallID, _ work: @escaping @Sendable (PhoneEngine, EngineCallID) async -> Bool,
        failed: @escaping @Sendable (EngineCallID) -> Void
    ) {
        let engine = engine
        let engineID = EngineCallID(id.rawValue)
        Task {
            if await !work(engine, engineID) { failed(engineID) }
        }
    }

    private func account(_ name: String, _ doing: String, _ work: @escaping @Sendable (PhoneEngine) async -> Bool) {
        let (engine, inbox) = (engine, inbox)
        inbox.post(.notice("\(name): \(doing)…"))
        Task {
            if await !work(engine) { inbox.post(.notice("no account named \"\(name)\"")) }
        }
    }

    private func contacts(_ done: String, _ work: @escaping @Sendable (StorageService) async throws -> [ContactRow]) {
        let (storage, inbox) = (storage, inbox)
        Task {
            do {
                inbox.post(.contacts(try await work(storage)))
                inbox.post(.notice(done))
            } catch {
                inbox.post(.notice("contacts: \(error)"))
            }
        }
    }

    private func export(_ records: [TraceRecord], to path: String, format: TraceFormat) {
        let inbox = inbox
        let file = Self.expand(path)
        Task {
            let bytes: [UInt8] = switch format {
            case .pcap: PcapWriter.encode(records)
            case .text: Array(TextTrace.render(records).utf8)
            }
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                inbox.post(.notice("exported \(records.count) messages to \(file)"))
            } catch {
                inbox.post(.notice("cannot write \(file): \(error.localizedDescription)"))
            }
        }
    }

    /// `~/x` → `$HOME/x`; relative paths are relative to the directory dialtone was started in.
    public static func expand(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (ProcessInfo.processInfo.environment["HOME"] ?? "") + path.dropFirst()
    }
}

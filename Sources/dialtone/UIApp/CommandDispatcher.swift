import Foundation
import PhoneEngine
import TerminalUI

/// Carries out what the UI asks (`UICommand`) against the engine and the stores. Every piece
/// of work runs in a task; results come back to the UI thread through the inbox, so a key never
/// waits for the network or the disk.
struct CommandDispatcher: Sendable {
    let engine: PhoneEngine
    let storage: StorageService
    let inbox: AppInbox

    /// Starts `command`. `traces` is the trace to export, taken on the UI thread so the export
    /// holds exactly what the debug pane showed when the key was pressed.
    func dispatch(_ command: UICommand, traces: @autoclosure () -> [TraceRecord]) {
        if let notice = UnsupportedFeatures.notice(for: command) {
            inbox.post(.notice(notice))
            return
        }
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
        case .quit, .dial, .answer, .reject, .hangUp, .hold, .resume, .transfer, .consult, .completeTransfer, .sendDTMF,
            .setMuted, .setRecording, .sendMessage:
            break
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
    static func expand(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (ProcessInfo.processInfo.environment["HOME"] ?? "") + path.dropFirst()
    }
}

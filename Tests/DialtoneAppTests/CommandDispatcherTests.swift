import CallHistory
import Contacts
import DialtoneApp
import DialtoneConfig
import Foundation
import PhoneEngine
import TerminalUI
import Testing
import TestSupport

/// `UICommand`s carried out against a real engine with no accounts and real stores in a
/// temporary directory; the results come back through the inbox as the UI would see them.
@Suite(.timeLimit(.minutes(2))) struct CommandDispatcherTests {
    struct Bench {
        let directory: TemporaryDirectory
        let engine: PhoneEngine
        let storage: StorageService
        let watcher = InboxWatcher()
        var dispatcher: CommandDispatcher { CommandDispatcher(engine: engine, storage: storage, inbox: watcher.inbox) }
        var contactsDirectory: String { directory.file("contacts") }

        init(history: [CallRecord] = []) async throws {
            directory = try TemporaryDirectory(prefix: "dispatcher")
            let configPath = directory.file("config.toml")
            try """
                [general]
                listen = ["udp:127.0.0.1:0"]

                """.write(toFile: configPath, atomically: true, encoding: .utf8)
            let environment = ["HOME": directory.path, "XDG_DATA_HOME": directory.file("data")]
            let configuration = try ConfigurationLoader.load(path: configPath, version: "test", environment: environment).0
            engine = PhoneEngine(configuration: configuration, options: EngineOptions(history: .none))
            _ = try await engine.start()
            let historyFile = directory.file("history.sqlite")
            if !history.isEmpty {
                let store = try CallHistoryStore(databaseURL: URL(fileURLWithPath: historyFile))
                for record in history { _ = try store.append(record) }
            }
            storage = StorageService(contactsDirectory: directory.file("contacts"), historyFile: historyFile)
        }

        func send(_ command: UICommand, traces: [TraceRecord] = []) {
            dispatcher.dispatch(command, traces: traces)
        }

        func vCards() throws -> [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: contactsDirectory))?.filter { $0.hasSuffix(".vcf") }.sorted() ?? []
        }
    }

    @Test(arguments: [
        (UICommand.hangUp(callID: TerminalUI.CallID("c404")), "cannot hang up: no such call"),
        (.answer(callID: TerminalUI.CallID("c404")), "cannot answer: no such call"),
        (.hold(callID: TerminalUI.CallID("c404")), "cannot hold: no such call"),
        (.transfer(callID: TerminalUI.CallID("c404"), target: "sip:x@127.0.0.1"), "cannot transfer: no such call"),
        (.sendDTMF(callID: TerminalUI.CallID("c404"), digits: "1"), "cannot send DTMF: no such call"),
        (.setMuted(callID: TerminalUI.CallID("c404"), muted: true), "cannot mute: no such call"),
        (.setRecording(callID: TerminalUI.CallID("c404"), recording: false), "cannot stop recording: not recording"),
        (.setRecording(callID: TerminalUI.CallID("c404"), recording: true), "cannot record: "),
        (.enableAccount("nobody"), "no account named \"nobody\""),
    ])
    func aCommandForSomethingUnknownGivesANotice(command: UICommand, notice: String) async throws {
        let bench = try await Bench()
        bench.send(command)
        #expect(await bench.watcher.waitForNotice(containing: notice) != nil, "notices: \(bench.watcher.notices)")
        await bench.engine.shutdown()
    }

    @Test func recordingToAnExistingFileIsRefusedAndItIsLeftAlone() async throws {
        let bench = try await Bench()
        let existing = bench.directory.file("keep.wav")
        try "precious".write(toFile: existing, atomically: true, encoding: .utf8)
        bench.send(.setRecording(callID: TerminalUI.CallID("c1"), recording: true, file: existing))
        let notice = await bench.watcher.waitForNotice(containing: "already exists")
        #expect(notice == "not recording: \(existing) already exists (choose another file=)")
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "precious")

        // A new file for a call that does not exist: refused by the engine, and the empty file
        // reserved for it is removed again.
        let fresh = bench.directory.file("fresh.wav")
        bench.send(.setRecording(callID: TerminalUI.CallID("c1"), recording: true, file: fresh))
        #expect(await bench.watcher.waitForNotice(containing: "cannot record") != nil)
        #expect(!FileManager.default.fileExists(atPath: fresh))

        bench.send(.setRecording(callID: TerminalUI.CallID("c1"), recording: true, file: bench.directory.file("no/such/dir/x.wav")))
        #expect(await bench.watcher.waitForNotice(containing: "cannot create") != nil, "\(bench.watcher.notices)")
        await bench.engine.shutdown()
    }

    @Test func contactsAreAddedEditedAndDeletedInTheVCardDirectory() async throws {
        let bench = try await Bench()
        bench.send(.addContact(name: "Anna Smith", address: "sip:anna@example.com"))
        #expect(await bench.watcher.waitForNotice(containing: "added Anna Smith") != nil)
        let added = try #require(bench.watcher.contactPosts.last)
        #expect(added.map(\.name) == ["Anna Smith"])
        #expect(added.first?.addresses == ["sip:anna@example.com"])
        let files = try bench.vCards()
        #expect(files.count == 1)
        let card = try String(contentsOfFile: bench.contactsDirectory + "/" + files[0], encoding: .utf8)
        #expect(card.contains("FN:Anna Smith"))
        #expect(card.contains("sip:anna@example.com"))

        let id = try #require(added.first?.id)
        bench.send(.editContact(id: id, name: "Anna Jones", addresses: ["sip:anna@example.com", "+1 555 0100"]))
        #expect(await bench.watcher.waitForNotice(containing: "saved Anna Jones") != nil)
        let edited = try #require(bench.watcher.contactPosts.last)
        #expect(edited.map(\.name) == ["Anna Jones"])
        #expect(edited.first?.addresses == ["sip:anna@example.com", "+1 555 0100"])
        #expect(try String(contentsOfFile: bench.contactsDirectory + "/" + files[0], encoding: .utf8).contains("FN:Anna Jones"))

        bench.send(.editContact(id: "no-such-id", name: "X", addresses: ["sip:x@y"]))
        #expect(await bench.watcher.waitForNotice(containing: "contacts: no contact with id no-such-id") != nil)

        bench.send(.deleteContact(id: id))
        #expect(await bench.watcher.waitForNotice(containing: "deleted the contact") != nil)
        #expect(bench.watcher.contactPosts.last == [])
        #expect(try bench.vCards().isEmpty)
        await bench.engine.shutdown()
    }

    @Test func aHistoryEntryIsDeleted() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let record = { (uri: String, offset: TimeInterval) in
            CallRecord(
                direction: .incoming, account: "home", remote: RemoteParty(uri: uri), localURI: "sip:me@x", callID: "id-\(uri)",
                times: CallTimes(start: start.addingTimeInterval(offset), end: start.addingTimeInterval(offset + 10)),
                finalStatus: SIPStatus(code: 487, reasonPhrase: "Request Terminated"))
        }
        let bench = try await Bench(history: [record("sip:a@x", 0), record("sip:b@x", 100)])
        let before = try await bench.storage.historyRows()
        #expect(before.map(\.remoteURI) == ["sip:b@x", "sip:a@x"])
        #expect(before.allSatisfy { $0.direction == .missed })
        let victim = try #require(before.first { $0.remoteURI == "sip:a@x" })

        bench.send(.deleteHistoryEntry(id: victim.id))
        #expect(await bench.watcher.wait { _ in bench.watcher.historyPosts.last?.count == 1 })
        #expect(bench.watcher.historyPosts.last?.map(\.remoteURI) == ["sip:b@x"])
        #expect(try await bench.storage.historyRows().map(\.remoteURI) == ["sip:b@x"])

        bench.send(.deleteHistoryEntry(id: "not-a-number"))
        #expect(await bench.watcher.waitForNotice(containing: "no history entry not-a-number") != nil)
        await bench.engine.shutdown()
    }

    @Test func theTraceIsExportedAsTextAndPcap() async throws {
        let bench = try await Bench()
        let message = "OPTIONS sip:bob@127.0.0.1 SIP/2.0\r\nCall-ID: export-1\r\nContent-Length: 0\r\n\r\n"
        let traces = [
            TraceRecord(
                time: Date(timeIntervalSince1970: 1_800_000_000), direction: .sent, transport: "UDP",
                local: "127.0.0.1:5070", remote: "127.0.0.1:5060", text: message),
        ]
        let text = bench.directory.file("trace.txt")
        bench.send(.exportTrace(path: text, format: .text), traces: traces)
        #expect(await bench.watcher.waitForNotice(containing: "exported 1 messages to \(text)") != nil)
        #expect(try String(contentsOfFile: text, encoding: .utf8).contains("Call-ID: export-1"))

        let pcap = bench.directory.file("trace.pcap")
        bench.send(.exportTrace(path: pcap, format: .pcap), traces: traces)
        #expect(await bench.watcher.waitForNotice(containing: "to \(pcap)") != nil)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pcap)))
        #expect(bytes.count > 24 + 16 + message.utf8.count, "global header, record header, packet")
        #expect(Array(bytes.prefix(4)) == [0xD4, 0xC3, 0xB2, 0xA1] || Array(bytes.prefix(4)) == [0xA1, 0xB2, 0xC3, 0xD4])

        bench.send(.exportTrace(path: bench.directory.file("missing/dir/t.txt"), format: .text), traces: traces)
        #expect(await bench.watcher.waitForNotice(containing: "cannot write") != nil)
        await bench.engine.shutdown()
    }

    @Test func homeIsExpandedInPaths() {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        #expect(CommandDispatcher.expand("~/calls/a.wav") == home + "/calls/a.wav")
        #expect(CommandDispatcher.expand("~") == home)
        #expect(CommandDispatcher.expand("/abs/~x") == "/abs/~x")
        #expect(CommandDispatcher.expand("~bob/x") == "~bob/x")
    }
}

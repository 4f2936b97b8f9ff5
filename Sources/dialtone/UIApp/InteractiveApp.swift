import Foundation
import Contacts
import DialtoneApp
import Glibc
import PhoneEngine
import TerminalUI

/// The full-screen UI's run loop, on the main thread (never part of the cooperative pool):
/// it sleeps in `poll` on the terminal and the inbox's wake pipe, with a timeout that ends at
/// the next whole second for the clock. Keys, engine events and the tick go through the pure
/// reducer; the screen is redrawn only after one of them, and ncurses sends only the cells that
/// changed. Idle, it wakes once a second.
final class InteractiveApp {
    struct Parts {
        let terminal: NcursesTerminal
        let engine: PhoneEngine
        let storage: StorageService
        let inbox: AppInbox
        let reducer: UIReducer
        let renderer: ScreenRenderer
        let engineEpoch: Date
        /// Written one line per key with the time from the key's arrival to the screen update.
        let latencyLog: FileHandle?
        /// Bell and notification program for incoming calls.
        let alert: IncomingCallAlert
        /// The environment the notification program inherits.
        let environment: [String: String]
        let themes: ThemeSwitcher
    }

    private enum Phase {
        case running
        /// Un-registering; the loop ends when the engine says it stopped or at `deadline`.
        case quitting(deadline: Date)
        case done
    }

    /// How long quitting waits for un-registration before giving the terminal back anyway.
    static let quitGrace: TimeInterval = 6

    private let parts: Parts
    private let dispatcher: CommandDispatcher
    private var model: EngineModel
    private var state: UIState
    private var contacts: [ContactRow] = []
    private var history: [HistoryEntry] = []
    private var phase = Phase.running
    private var themes: ThemeSwitcher
    private var contactWatcher: ContactDirectoryWatcher?

    init(_ parts: Parts, initialState: UIState) {
        self.parts = parts
        dispatcher = CommandDispatcher(engine: parts.engine, storage: parts.storage, inbox: parts.inbox)
        model = EngineModel(engineEpoch: parts.engineEpoch)
        state = initialState
        themes = parts.themes
    }

    func run() {
        startFeeds()
        let size = parts.terminal.size
        _ = parts.reducer.update(&state, .resize(columns: size.columns, rows: size.rows))
        publishSnapshot()
        draw()
        while true {
            if case .done = phase { break }
            let keyArrived = waitForInput()
            let started = ContinuousClock.now
            // A key's effect is drawn before the inbox is handled: during a flood of SIP
            // messages the inbox holds thousands of events, and the key must not wait for them.
            if readKeys() {
                draw()
                if keyArrived, let log = parts.latencyLog {
                    let elapsed = ContinuousClock.now - started
                    log.write(Data("key \(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000) ms\n".utf8))
                }
            }
            var changed = handle(parts.inbox.drain())
            changed = tickIfDue() || changed
            if case .quitting(let deadline) = phase, Date() >= deadline { phase = .done }
            if changed { draw() }
        }
        contactWatcher?.stop()
        parts.terminal.stop()
    }

    /// Engine events and the stores' first contents, delivered through the inbox.
    private func startFeeds() {
        let (engine, inbox, storage) = (parts.engine, parts.inbox, parts.storage)
        Task {
            for await event in engine.events { inbox.post(.engine(event)) }
        }
        Task {
            do { inbox.post(.contacts(try await storage.loadContacts())) } catch { inbox.post(.notice("contacts: \(error)")) }
            if let problem = storage.historyProblem { inbox.post(.notice(problem)) }
            do { inbox.post(.history(try await storage.historyRows())) } catch { inbox.post(.notice("history: \(error)")) }
        }
        watchContacts()
    }

    /// Contacts edited on disk by another program (vdirsyncer, khard, an editor) appear
    /// without a restart: inotify on the directory, then a reload of the changed files.
    private func watchContacts() {
        let (storage, inbox) = (parts.storage, parts.inbox)
        let directory = URL(fileURLWithPath: storage.contactsDirectory, isDirectory: true)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let watcher: ContactDirectoryWatcher
        do throws(ContactDirectoryWatcher.Failure) {
            watcher = try ContactDirectoryWatcher(directory: directory)
        } catch {
            state.notice = "contacts: \(error)"
            return
        }
        contactWatcher = watcher
        Task {
            for await _ in watcher.changes {
                do { inbox.post(.contacts(try await storage.reloadContacts())) } catch { inbox.post(.notice("contacts: \(error)")) }
            }
        }
    }

    // MARK: - Waiting

    private var nextTick = InteractiveApp.nextWholeSecond(after: Date())

    /// Sleeps until a key, an inbox post or the next tick. Returns whether the terminal has input.
    private func waitForInput() -> Bool {
        var descriptors = [
            pollfd(fd: parts.terminal.inputFileDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: parts.inbox.wakeFDs.read, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds = max(0, Int32((nextTick.timeIntervalSinceNow * 1000).rounded(.up)))
        _ = poll(&descriptors, 2, milliseconds)
        return descriptors[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0
    }

    static func nextWholeSecond(after date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 + 0.001).rounded(.down) + 1)
    }

    // MARK: - Inputs

    private func readKeys() -> Bool {
        var changed = false
        for input in parts.terminal.pendingInputs() {
            if case .resize = input { publishSnapshot() }
            perform(parts.reducer.update(&state, input))
            changed = true
        }
        return changed
    }

    private func tickIfDue() -> Bool {
        let now = Date()
        guard now >= nextTick else { return false }
        nextTick = Self.nextWholeSecond(after: now)
        _ = parts.reducer.update(&state, .tick(now))
        publishSnapshot()  // refresh countdowns move with the clock
        return true
    }

    private func handle(_ events: [AppEvent]) -> Bool {
        guard !events.isEmpty else { return false }
        var snapshotChanged = false
        for event in events {
            switch event {
            case .engine(let engineEvent):
                if let notice = model.apply(engineEvent, at: Date()) { state.notice = notice }
                snapshotChanged = true
                if case .call(let call) = engineEvent, call.isEnded { reloadHistory() }
                if case .callEvent(let notification) = engineEvent, case .incoming(let from, let name) = notification.kind {
                    alert(from: from, name: name, account: notification.account)
                }
            case .notice(let text): state.notice = text
            case .messageSent(let to, let account, let text):
                model.sentMessage(to: to, account: account, text: text, at: Date())
                snapshotChanged = true
            case .contacts(let rows):
                contacts = rows
                snapshotChanged = true
            case .history(let rows):
                history = rows
                snapshotChanged = true
            case .terminate:
                quit(immediately: phaseIsQuitting)
            case .windowChanged:
                let size = parts.terminal.adoptTerminalSize()
                _ = parts.reducer.update(&state, .resize(columns: size.columns, rows: size.rows))
            case .engineStopped:
                phase = .done
            case .transferNotStarted(let id):
                model.transferNotStarted(id)
                snapshotChanged = true
            }
        }
        if snapshotChanged { publishSnapshot() }
        return true
    }

    /// Rings the bell and starts the notification program (never waiting for it).
    private func alert(from uri: String, name: String?, account: String) {
        if parts.alert.bell { parts.terminal.bell() }
        guard let launch = parts.alert.launch(callerName: name, callerURI: uri, account: account, environment: parts.environment)
        else { return }
        if let failure = AlertLauncher.start(launch) { state.notice = failure }
    }

    /// `:theme NAME` or the cycling key: the screen is repainted in the new theme at once.
    private func switchTheme(to name: String?) {
        let target = name ?? themes.next
        switch themes.load(target) {
        case .success(let theme):
            parts.terminal.setTheme(theme)
            state.notice = "theme \(target) (the configuration file is unchanged)"
        case .failure(let failure):
            state.notice = failure.message
        }
    }

    /// The call actor writes the record before it reports the end, so reading now finds it.
    private func reloadHistory() {
        let (storage, inbox) = (parts.storage, parts.inbox)
        Task {
            do { inbox.post(.history(try await storage.historyRows())) } catch { inbox.post(.notice("history: \(error)")) }
        }
    }

    private var phaseIsQuitting: Bool {
        if case .quitting = phase { return true }
        return false
    }

    private func perform(_ commands: [UICommand]) {
        for command in commands {
            if command == .quit {
                quit(immediately: phaseIsQuitting)
            } else if case .setTheme(let name) = command {
                switchTheme(to: name)
            } else if case .markConversationRead(let uri, let account) = command {
                // Republished only on a change: the new snapshot has no unread there, so this
                // cannot loop.
                if model.markConversationRead(remoteURI: uri, account: account) { publishSnapshot() }
            } else {
                switch command {
                case .transfer(let id, _), .completeTransfer(let id, _):
                    model.transferStarted(EngineCallID(id.rawValue))
                    publishSnapshot()
                default: break
                }
                dispatcher.dispatch(command, traces: model.traces)
            }
        }
    }

    /// Un-registers every account and closes the sockets, then the loop ends; a second quit
    /// (key or signal) while that runs ends at once.
    private func quit(immediately: Bool) {
        if immediately {
            phase = .done
            return
        }
        phase = .quitting(deadline: Date().addingTimeInterval(Self.quitGrace))
        state.notice = "un-registering…"
        let (engine, inbox) = (parts.engine, parts.inbox)
        Task {
            await engine.shutdown()
            inbox.post(.engineStopped)
        }
    }

    // MARK: - Output

    private func publishSnapshot() {
        let snapshot = model.snapshot(engineNow: parts.engine.now, contacts: contacts, history: history)
        let notice = state.notice
        let commands = parts.reducer.update(&state, .snapshot(snapshot))
        state.notice = notice
        perform(commands)
    }

    private func draw() {
        parts.terminal.draw(parts.renderer.render(state))
    }
}

import Foundation
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

    init(_ parts: Parts, initialState: UIState) {
        self.parts = parts
        dispatcher = CommandDispatcher(engine: parts.engine, storage: parts.storage, inbox: parts.inbox)
        model = EngineModel(engineEpoch: parts.engineEpoch)
        state = initialState
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
            var changed = readKeys()
            changed = handle(parts.inbox.drain()) || changed
            changed = tickIfDue() || changed
            if case .quitting(let deadline) = phase, Date() >= deadline { phase = .done }
            if changed { draw() }
            if keyArrived, changed, let log = parts.latencyLog {
                let elapsed = ContinuousClock.now - started
                log.write(Data("key \(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000) ms\n".utf8))
            }
        }
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
                if let notice = model.apply(engineEvent) { state.notice = notice } else { snapshotChanged = true }
            case .notice(let text): state.notice = text
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
            }
        }
        if snapshotChanged { publishSnapshot() }
        return true
    }

    private var phaseIsQuitting: Bool {
        if case .quitting = phase { return true }
        return false
    }

    private func perform(_ commands: [UICommand]) {
        for command in commands {
            if command == .quit {
                quit(immediately: phaseIsQuitting)
            } else {
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
        let snapshot = PhoneSnapshot(
            accounts: model.accountRows(engineNow: parts.engine.now), calls: model.callRows(), contacts: contacts, history: history,
            registrationTimeline: model.timeline, sipMessages: model.messages)
        let notice = state.notice
        _ = parts.reducer.update(&state, .snapshot(snapshot))
        state.notice = notice
    }

    private func draw() {
        parts.terminal.draw(parts.renderer.render(state))
    }
}

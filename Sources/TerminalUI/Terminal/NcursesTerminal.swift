import CNcursesw
import CShim
import Glibc
import Themes

/// The only place that talks to ncursesw: start-up and tear-down, colour pairs, copying a
/// `ScreenBuffer` to the terminal (only the cells that changed since the last frame) and
/// reading keys. Everything it draws was decided elsewhere, so this stays thin.
///
/// Not thread-safe: create, draw and read from one thread (a blocking `wget_wch` belongs on a
/// dedicated thread, never the cooperative pool; TOOLCHAIN.md §2).
public final class NcursesTerminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private var plan: ColorPlan
    private var previous: ScreenBuffer?

    /// Initialises the terminal: locale (for UTF-8), cbreak, no echo, keypad, colours at the
    /// depth the terminal reports, a short escape delay so `esc` answers at once.
    public init?(theme: Theme, environment: [String: String]) {
        setlocale(LC_ALL, "")
        guard let screen = initscr() else { return nil }
        window = screen
        cbreak()
        noecho()
        nonl()
        keypad(screen, true)
        set_escdelay(25)
        var depth: ColorDepth?
        if has_colors() {
            start_color()
            use_default_colors()
            depth = ColorPlan.depth(colors: Int(tigetnum("colors")), hasRGB: tigetflag("RGB") > 0, environment: environment)
        }
        plan = ColorPlan(theme: theme, depth: depth)
        definePairs()
    }

    /// Draws with `theme` from now on: the colour pairs are redefined and the next `draw`
    /// repaints every cell (attributes live in the cells, not in the pairs).
    public func setTheme(_ theme: Theme) {
        plan = ColorPlan(theme: theme, depth: plan.depth)
        definePairs()
        previous = nil
        // curses compares cells by pair number, which did not change: without this the
        // terminal would keep the old colours until each cell changed for another reason.
        clearok(window, true)
    }

    private func definePairs() {
        guard plan.depth != nil else { return }
        for entry in plan.entries.values {
            init_extended_pair(entry.pair, entry.foreground, entry.background)
        }
    }

    private var isStopped = false

    deinit {
        stop()
    }

    /// Gives the terminal back (cursor, echo, the normal screen); safe to call twice.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        endwin()
    }

    /// The terminal's size now (after a `KEY_RESIZE`, the new one).
    public var size: (columns: Int, rows: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Copies `buffer` to the terminal. Only changed cells are sent; a size change redraws all.
    public func draw(_ buffer: ScreenBuffer) {
        let old = previous.flatMap { $0.columns == buffer.columns && $0.rows == buffer.rows ? $0 : nil }
        if old == nil { werase(window) }
        for y in 0..<buffer.rows {
            for x in 0..<buffer.columns {
                let cell = buffer[x, y]
                guard !cell.isContinuation, old?[x, y] != cell else { continue }
                put(cell, x: x, y: y)
            }
        }
        if let cursor = buffer.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        previous = buffer
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var wide = cell.character.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) } + [0]
        var character = cchar_t()
        let entry = cell.role.flatMap { plan.entries[$0] }
        let pair = plan.depth == nil ? 0 : Int16(entry?.pair ?? 0)
        _ = setcchar(&character, &wide, attributes(entry?.attributes ?? []), pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    private func attributes(_ set: Set<TextAttribute>) -> attr_t {
        var bits: attr_t = 0
        for attribute in set {
            switch attribute {
            case .bold: bits |= dt_attr_bold()
            case .dim: bits |= dt_attr_dim()
            case .underline: bits |= dt_attr_underline()
            case .reverse: bits |= dt_attr_reverse()
            // curses.h: A_ITALIC = NCURSES_BITS(1, 23), A_BLINK = NCURSES_BITS(1, 11), shifted by 8.
            case .italic: bits |= 1 << 31
            case .blink: bits |= 1 << 19
            }
        }
        return bits
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) for a key. Returns `.resize` with the
    /// new size on `KEY_RESIZE`, nil on timeout or for keys Dialtone does not use.
    public func nextInput(timeoutMilliseconds: Int32) -> UIInput? {
        wtimeout(window, timeoutMilliseconds)
        return readOne().flatMap { $0 }
    }

    /// Every key already typed, without waiting: for a caller whose `poll` said the terminal
    /// is readable. Reads until curses has nothing buffered, so keys Dialtone ignores do not
    /// hide the ones behind them.
    public func pendingInputs() -> [UIInput] {
        wtimeout(window, 0)
        var inputs: [UIInput] = []
        while let read = readOne() {
            if let input = read { inputs.append(input) }
        }
        return inputs
    }

    /// nil when nothing is buffered; `.some(nil)` for a key Dialtone does not use.
    private func readOne() -> UIInput?? {
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == KEY_CODE_YES {
            if Int32(code) == TerminalKeyDecoder.keyResize {
                previous = nil
                return UIInput.resize(columns: size.columns, rows: size.rows)
            }
            return .some(TerminalKeyDecoder.decode(.functionKey(Int32(code))).map(UIInput.key))
        }
        guard status == OK else { return nil }
        return .some(TerminalKeyDecoder.decode(.character(UInt32(code))).map(UIInput.key))
    }

    /// Reads the terminal's size from the kernel (`TIOCGWINSZ`) and resizes curses to it. For
    /// programs that take SIGWINCH themselves (with `sigwait`, so ncurses' own handler never
    /// runs): call it when the signal arrives, then redraw everything.
    public func adoptTerminalSize() -> (columns: Int, rows: Int) {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resize_term(Int32(size.ws_row), Int32(size.ws_col))
        }
        previous = nil
        return self.size
    }

    /// The descriptor keys arrive on, for a caller that waits with `poll` and then reads
    /// with `nextInput(timeoutMilliseconds: 0)`.
    public var inputFileDescriptor: Int32 { STDIN_FILENO }

    /// The terminal bell, for incoming calls (issue 7, notifications).
    public func bell() {
        beep()
    }
}

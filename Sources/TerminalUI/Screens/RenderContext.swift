import Themes

/// What every pane draws from: the state and the key map (hints name the live keys).
struct RenderContext {
    let state: UIState
    let keyMap: KeyMap

    /// `d` or `F1`: the first key bound to `action`, as hints print it.
    func key(_ action: UIAction) -> String? {
        keyMap.keys(for: action).first?.description
    }

    /// `a answer`, or nil when the action has no key.
    func hint(_ action: UIAction) -> String? {
        key(action).map { "\($0) \(action.hint)" }
    }
}

/// Drawing a scrolling list with a selection, shared by every list pane.
enum ListDrawing {
    /// The first visible row so that `selection` is on screen: lists scroll only as far as
    /// needed, so the view does not jump while moving through visible rows.
    static func firstVisible(selection: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        return min(max(0, selection - height + 1), count - height)
    }

    /// Draws `count` rows into `rect`, highlighting `selection` with `.listSelected` when
    /// `focused` (and with a `›` marker regardless, so monochrome terminals show it too).
    static func draw(
        count: Int, selection: Int?, focused: Bool, in rect: Rect, into buffer: inout ScreenBuffer,
        row drawRow: (_ index: Int, _ rect: Rect, _ buffer: inout ScreenBuffer) -> Void
    ) {
        guard rect.height > 0, rect.width > 2 else { return }
        let first = firstVisible(selection: selection ?? 0, count: count, height: rect.height)
        for line in 0..<min(rect.height, count - first) {
            let index = first + line
            let rowRect = rect.row(line)
            let isSelected = index == selection
            buffer.write(isSelected ? "›" : " ", in: Rect(x: rowRect.x, y: rowRect.y, width: 1, height: 1))
            drawRow(index, Rect(x: rowRect.x + 1, y: rowRect.y, width: rowRect.width - 1, height: 1), &buffer)
            if isSelected, focused { buffer.paint(rowRect, role: .listSelected) }
        }
    }
}

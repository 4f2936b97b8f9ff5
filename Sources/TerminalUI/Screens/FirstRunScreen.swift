import Themes

/// The keys of the first-run screen. Fixed rather than bindable: the screen shows before a
/// configuration (and so before any `[ui.keys]`) exists.
public enum FirstRunKeys {
    public static let write = Key.character("w")
}

/// Shown when there is no configuration file: where the file goes, the offer to write a
/// starter one there, and that calls to a SIP URI need no account at all.
enum FirstRunScreen {
    static func lines(configPath: String, _ context: RenderContext) -> [(String, Role?)] {
        let quit = context.key(.quit) ?? "quit"
        let command = context.key(.commandPrompt) ?? ":"
        return [
            ("Welcome to Dialtone", .prompt),
            ("", nil),
            ("There is no configuration file yet. Dialtone reads it from", nil),
            ("  " + configPath, .listSelected),
            ("(or the file given with --config FILE).", nil),
            ("", nil),
            ("\(FirstRunKeys.write)  write a starter configuration there, with an example", nil),
            ("   account to fill in; an existing file is never overwritten", nil),
            ("\(command)  type a command, e.g. :call sip:user@host (no account needed)", nil),
            ("\(quit)  quit          any other key: continue without accounts", nil),
        ]
    }

    static func draw(configPath: String, _ context: RenderContext, in area: Rect, into buffer: inout ScreenBuffer) {
        let lines = lines(configPath: configPath, context)
        let widest = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let box = area.centered(width: min(area.width - 2, widest + 4), height: min(area.height - 2, lines.count + 2))
        buffer.fill(box)
        buffer.drawBox(box, title: "First run", titleRole: .prompt)
        for (offset, line) in lines.prefix(box.height - 2).enumerated() {
            buffer.write(line.0, in: Rect(x: box.x + 2, y: box.y + 1 + offset, width: box.width - 4, height: 1), role: line.1)
        }
    }
}

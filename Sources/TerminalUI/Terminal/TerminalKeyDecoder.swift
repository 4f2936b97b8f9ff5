/// Turns what `wget_wch` returned into a `Key`. Pure, with the curses key codes as plain
/// numbers (curses.h, "Function keys"), so it is tested without a terminal.
public enum TerminalKeyDecoder {
    /// What `wget_wch` reports: a character (`OK`) or a function-key code (`KEY_CODE_YES`).
    public enum RawKey: Sendable, Hashable {
        case character(UInt32)
        case functionKey(Int32)
    }

    // curses.h key codes (octal there).
    static let keyDown: Int32 = 0o402, keyUp: Int32 = 0o403, keyLeft: Int32 = 0o404, keyRight: Int32 = 0o405
    static let keyHome: Int32 = 0o406, keyBackspace: Int32 = 0o407, keyF0: Int32 = 0o410
    static let keyDelete: Int32 = 0o512, keyInsert: Int32 = 0o513, keyNextPage: Int32 = 0o522
    static let keyPreviousPage: Int32 = 0o523, keyEnter: Int32 = 0o527, keyBackTab: Int32 = 0o541
    static let keyEnd: Int32 = 0o550
    /// `KEY_RESIZE`: the terminal changed size; the caller re-reads the size and relayouts.
    public static let keyResize: Int32 = 0o632

    public static func decode(_ raw: RawKey) -> Key? {
        switch raw {
        case .character(let code): return character(code)
        case .functionKey(let code): return functionKey(code)
        }
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return nil }
            return .control(Character(scalar))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case keyUp: return .up
        case keyDown: return .down
        case keyLeft: return .left
        case keyRight: return .right
        case keyHome: return .home
        case keyEnd: return .end
        case keyBackspace: return .backspace
        case keyDelete: return .delete
        case keyInsert: return .insert
        case keyNextPage: return .pageDown
        case keyPreviousPage: return .pageUp
        case keyEnter: return .enter
        case keyBackTab: return .backTab
        case (keyF0 + 1)...(keyF0 + 24): return .function(Int(code - keyF0))
        default: return nil
        }
    }
}

import Foundation

/// Everything that can change the UI: a key, a new terminal size, the clock moving on, or a
/// new snapshot from the engine. The UI redraws after each, and only then (no polling).
public enum UIInput: Sendable, Hashable {
    case key(Key)
    case resize(columns: Int, rows: Int)
    case tick(Date)
    case snapshot(PhoneSnapshot)
}

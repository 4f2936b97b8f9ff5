import Foundation
import TestSupport
@testable import Themes

/// Loads `text` as `t.toml` against the built-in default.
func load(_ text: String) -> ThemeLoadResult {
    ThemeLoader.load(text: text, fileName: "t.toml")
}

/// The repository's top-level directory (which holds the shipped `themes/`).
let repositoryRoot = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

/// The shipped `themes/` directory.
let shippedThemes = repositoryRoot.appendingPathComponent("themes", isDirectory: true)

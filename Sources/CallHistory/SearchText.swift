import Foundation

/// The folded text that call search matches against, and the LIKE pattern for a needle.
///
/// Search is a substring match with LIKE, not FTS5: people search for a fragment of a number
/// ("0100") or of a host, and FTS5 matches whole tokens or prefixes only. History stays small
/// (thousands of rows), so a scan of one column is fast enough. SQLite's LIKE folds ASCII case
/// only, so both sides are folded here (case and diacritics, so "jose" finds "José").
enum SearchText {
    /// The escape character declared in every `LIKE … ESCAPE` clause.
    static let escape: Character = "\\"

    /// The stored search column: display name, URI and reason phrase, folded, one per line.
    static func column(displayName: String?, uri: String, reasonPhrase: String?) -> String {
        [displayName, uri, reasonPhrase].compactMap { $0 }.map(fold).joined(separator: "\n")
    }

    /// A LIKE pattern that matches `needle` literally anywhere: `%`, `_` and the escape
    /// character itself are escaped so "50%" does not match "500".
    static func containsPattern(_ needle: String) -> String {
        var pattern = "%"
        for character in fold(needle) {
            if character == "%" || character == "_" || character == escape {
                pattern.append(escape)
            }
            pattern.append(character)
        }
        pattern.append("%")
        return pattern
    }

    /// Case- and diacritic-insensitive form, locale-independent so the stored column does not
    /// depend on the user's locale at write time.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

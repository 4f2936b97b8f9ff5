import TOMLLines

/// "Did you mean" for misspelt command and action names: the same edit-distance rule as the
/// configuration's diagnostics (TOMLLines, a dependency-free module the command language can
/// keep when it moves below the UI).
typealias NameSuggestion = Suggestion

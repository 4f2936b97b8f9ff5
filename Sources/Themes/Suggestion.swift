/// "Did you mean" hints for misspelt role, colour, attribute and key names.
enum Suggestion {
    /// The candidate nearest to `word` by Levenshtein distance (case-insensitive), if it is close
    /// enough to be a plausible typo: at most one edit per three characters of `word`, at least
    /// one, at most three. Ties go to the earlier candidate, so results are stable.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        let lowered = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(lowered, Array(candidate.lowercased()))
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost one.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

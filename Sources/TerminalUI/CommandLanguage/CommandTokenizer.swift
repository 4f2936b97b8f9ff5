/// Splits a command line into words: spaces separate, double quotes group (`"hello there"`),
/// a backslash inside quotes escapes the next character. `key=value` words stay one word and
/// are told apart by the parser.
enum CommandTokenizer {
    static func tokenize(_ line: String) -> Result<[String], CommandError> {
        var words: [String] = []
        var current = ""
        var inWord = false
        var inQuotes = false
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if inQuotes {
                switch character {
                case "\\": escaped = true
                case "\"": inQuotes = false
                default: current.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inQuotes || escaped { return .failure(.unterminatedQuote) }
        if inWord { words.append(current) }
        return .success(words)
    }
}

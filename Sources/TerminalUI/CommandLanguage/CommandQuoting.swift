/// Writing a word so `CommandTokenizer` reads it back unchanged.
public enum CommandQuoting {
    public static func quoted(_ word: String) -> String {
        let needsQuotes = word.isEmpty || word.contains { $0 == " " || $0 == "\"" || $0 == "\\" || $0 == "\t" }
        guard needsQuotes else { return word }
        var escaped = ""
        for character in word {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"" + escaped + "\""
    }
}

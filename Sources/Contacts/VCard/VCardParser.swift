/// What a vCard file held: the cards that parsed, and one error per card or stray run of lines
/// that did not.
public struct VCardParseResult: Hashable, Sendable {
    public var cards: [VCard]
    public var errors: [VCardParseError]

    public init(cards: [VCard] = [], errors: [VCardParseError] = []) {
        self.cards = cards
        self.errors = errors
    }
}

/// Reads vCard 4.0 (RFC 6350), 3.0 (RFC 2426) and, leniently, 2.1 text: a pure function over the
/// text, so every rule is testable without files.
///
/// Recovery is per card: a card with a malformed line is dropped and reported with the line
/// number, and parsing resumes at its `END:VCARD`; a card with no `END` is reported and parsing
/// resumes at the next `BEGIN:VCARD`. A card without `VERSION` is read as 3.0, the most common
/// version among files that omit it.
public enum VCardParser {
    public static func parse(_ text: String, file: String) -> VCardParseResult {
        parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses a file's bytes: UTF-8, with or without a byte order mark; lines that are not UTF-8
    /// are read as Latin-1 (see `VCardLineReader`).
    public static func parse(bytes: [UInt8], file: String) -> VCardParseResult {
        var result = VCardParseResult()
        var current: CardInProgress?
        var inStrayRun = false
        for line in VCardLineReader.logicalLines(bytes) {
            if isFraming(line, "BEGIN") {
                if let unfinished = current {
                    result.errors.append(VCardParseError(file: file, line: unfinished.beginLine, problem: .missingEnd))
                }
                current = CardInProgress(beginLine: line.number)
                inStrayRun = false
            } else if var card = current {
                if isFraming(line, "END") {
                    card.finish(into: &result)
                    current = nil
                } else {
                    card.add(line, file: file)
                    current = card
                }
            } else if !inStrayRun {
                result.errors.append(VCardParseError(file: file, line: line.number, problem: .missingBegin))
                inStrayRun = true
            }
        }
        if let unfinished = current {
            result.errors.append(VCardParseError(file: file, line: unfinished.beginLine, problem: .missingEnd))
        }
        return result
    }

    /// Parses one unfolded content line: `[group "."] name *(";" param) ":" value` (RFC 6350 §3.3).
    /// The first colon outside a quoted parameter value ends the parameters.
    static func parseProperty(_ line: VCardLine, file: String) throws(VCardParseError) -> VCardProperty {
        func failure(_ problem: VCardParseError.Problem) -> VCardParseError {
            VCardParseError(file: file, line: line.number, problem: problem)
        }
        let text = line.text
        let scalars = text.unicodeScalars
        var index = scalars.firstIndex { $0 == ";" || $0 == ":" } ?? scalars.endIndex
        guard index < scalars.endIndex else { throw failure(.missingColon) }
        guard let (group, name) = splitGroup(text[..<index]) else { throw failure(.missingPropertyName) }
        var parameters: [VCardParameter] = []
        while scalars[index] == ";" {
            let start = scalars.index(after: index)
            var quoted = false
            index = start
            while index < scalars.endIndex {
                let scalar = scalars[index]
                if scalar == "\"" { quoted.toggle() } else if !quoted && (scalar == ";" || scalar == ":") { break }
                index = scalars.index(after: index)
            }
            guard index < scalars.endIndex else { throw failure(quoted ? .unterminatedQuote : .missingColon) }
            if start < index { parameters.append(parameter(text[start..<index])) }
        }
        let value = String(text[scalars.index(after: index)...])
        return VCardProperty(group: group, name: name, parameters: parameters, rawValue: value)
    }

    /// `item1.TEL` → ("item1", "TEL"); `TEL` → (nil, "TEL"); nil when a part is empty.
    private static func splitGroup(_ text: Substring) -> (String?, String)? {
        guard let dot = text.firstIndex(of: ".") else {
            return text.isEmpty ? nil : (nil, String(text))
        }
        let group = text[..<dot], name = text[text.index(after: dot)...]
        guard !group.isEmpty, !name.isEmpty else { return nil }
        return (String(group), String(name))
    }

    private static func parameter(_ text: Substring) -> VCardParameter {
        guard let equals = text.firstIndex(of: "=") else { return VCardParameter(name: String(text), rawValue: nil) }
        return VCardParameter(name: String(text[..<equals]), rawValue: String(text[text.index(after: equals)...]))
    }

    /// `BEGIN:VCARD` / `END:VCARD`, in any case, ignoring trailing blanks.
    private static func isFraming(_ line: VCardLine, _ keyword: String) -> Bool {
        var text = Substring(line.text)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text).equalsIgnoringASCIICase(keyword + ":VCARD")
    }
}

/// A card between its `BEGIN` and `END`: the properties so far, or the first error that condemns it.
private struct CardInProgress {
    var beginLine: Int
    var version: VCardVersion?
    var properties: [VCardProperty] = []
    var failure: VCardParseError?

    init(beginLine: Int) {
        self.beginLine = beginLine
    }

    mutating func add(_ line: VCardLine, file: String) {
        guard failure == nil else { return }
        do {
            let property = try VCardParser.parseProperty(line, file: file)
            guard property.isNamed("VERSION"), property.group == nil else {
                properties.append(property)
                return
            }
            let number = property.rawValue.trimmingSpaces
            guard let parsed = VCardVersion(rawValue: number) else {
                failure = VCardParseError(file: file, line: line.number, problem: .unsupportedVersion(number))
                return
            }
            version = version ?? parsed
        } catch {
            failure = error
        }
    }

    func finish(into result: inout VCardParseResult) {
        if let failure {
            result.errors.append(failure)
        } else {
            result.cards.append(VCard(version: version ?? .v3_0, properties: properties))
        }
    }
}

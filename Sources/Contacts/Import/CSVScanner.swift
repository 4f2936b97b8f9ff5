/// A record that could not be read, and the line it starts on.
struct CSVRecordFailure: Error, Hashable, Sendable {
    var line: Int
    var problem: CSVError.Problem
}

/// Reads CSV records one at a time over Unicode scalars (not Characters: Swift treats CRLF as one
/// Character, which would hide the line structure). Tracks physical line numbers.
struct CSVScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1

    init(_ text: String) {
        let all = Array(text.unicodeScalars)
        scalars = all.first == "\u{FEFF}" ? Array(all.dropFirst()) : all
    }

    /// The next record, a failure, or nil at the end of the text.
    mutating func nextRecord() -> Result<CSVRecord, CSVRecordFailure>? {
        guard index < scalars.count else { return nil }
        let start = (index: index, line: line)
        var fields: [String] = []
        while true {
            let field: String
            if scalars[index...].first == "\"" {
                guard let quoted = readQuotedField() else {
                    resume(afterLineOf: start)
                    return .failure(CSVRecordFailure(line: start.line, problem: .unterminatedQuote))
                }
                guard isAtFieldEnd else {
                    skipRestOfLine()
                    return .failure(CSVRecordFailure(line: start.line, problem: .textAfterClosingQuote))
                }
                field = quoted
            } else {
                guard let plain = readPlainField() else {
                    skipRestOfLine()
                    return .failure(CSVRecordFailure(line: start.line, problem: .quoteInUnquotedField))
                }
                field = plain
            }
            fields.append(field)
            guard index < scalars.count, scalars[index] == "," else {
                consumeLineBreak()
                return .success(CSVRecord(line: start.line, fields: fields))
            }
            index += 1
        }
    }

    private var isAtFieldEnd: Bool {
        index == scalars.count || scalars[index] == "," || scalars[index] == "\r" || scalars[index] == "\n"
    }

    /// Reads `"…"` with `""` as a quote; nil if the closing quote never comes.
    private mutating func readQuotedField() -> String? {
        var field = String.UnicodeScalarView()
        index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\"" {
                guard index < scalars.count, scalars[index] == "\"" else { return String(field) }
                field.append("\"")
                index += 1
            } else if scalar == "\r", index < scalars.count, scalars[index] == "\n" {
                continue  // CRLF inside quotes becomes LF, appended with the LF
            } else {
                if scalar == "\n" { line += 1 }
                field.append(scalar)
            }
        }
        return nil
    }

    /// Reads up to a comma or line break; nil if a quote appears in the field.
    private mutating func readPlainField() -> String? {
        var field = String.UnicodeScalarView()
        while !isAtFieldEnd {
            if scalars[index] == "\"" { return nil }
            field.append(scalars[index])
            index += 1
        }
        return String(field)
    }

    private mutating func consumeLineBreak() {
        if index < scalars.count, scalars[index] == "\r" { index += 1 }
        if index < scalars.count, scalars[index] == "\n" { index += 1 }
        line += 1
    }

    private mutating func skipRestOfLine() {
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        consumeLineBreak()
    }

    /// After an unterminated quote, restart on the line after the one the record began on:
    /// the rest of the file was swallowed by the quote, and is probably fine.
    private mutating func resume(afterLineOf start: (index: Int, line: Int)) {
        index = start.index
        line = start.line
        skipRestOfLine()
    }
}

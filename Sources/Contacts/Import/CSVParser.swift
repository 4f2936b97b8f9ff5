/// One CSV record: its fields and the physical line it starts on (1-based).
public struct CSVRecord: Hashable, Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV file split into a header and records, with the records that could not be read.
public struct CSVTable: Hashable, Sendable {
    public var header: [String]
    public var records: [CSVRecord]
    public var errors: [CSVError]
}

/// RFC 4180 CSV: fields separated by commas, records by CRLF (a bare LF is accepted), fields
/// with commas, quotes or line breaks enclosed in double quotes, a quote inside doubled.
///
/// A pure function over text. A malformed record is reported with the line it starts on and
/// skipped; reading resumes on the next line, so one bad row never costs the rest of the file.
/// Blank lines are skipped. Line breaks inside quoted fields are returned as LF.
public enum CSVParser {
    public static func parse(_ text: String, file: String) -> CSVTable {
        var scanner = CSVScanner(text)
        var table = CSVTable(header: [], records: [], errors: [])
        var sawHeader = false
        while let outcome = scanner.nextRecord() {
            switch outcome {
            case .success(let record) where record.fields == [""]:
                continue
            case .success(let record) where !sawHeader:
                table.header = record.fields.map(\.trimmingSpaces)
                sawHeader = true
            case .success(let record) where record.fields.count != table.header.count:
                let problem = CSVError.Problem.fieldCount(expected: table.header.count, found: record.fields.count)
                table.errors.append(CSVError(file: file, line: record.line, problem: problem))
            case .success(let record):
                table.records.append(record)
            case .failure(let failure) where !sawHeader:
                // Without a header no column has a meaning: report the header and stop.
                table.errors.append(CSVError(file: file, line: failure.line, problem: failure.problem))
                return table
            case .failure(let failure):
                table.errors.append(CSVError(file: file, line: failure.line, problem: failure.problem))
            }
        }
        if !sawHeader { table.errors.append(CSVError(file: file, line: 1, problem: .missingHeader)) }
        return table
    }
}

/// Why a CSV record or file could not be imported; names file and line like `VCardParseError`.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// A quoted field runs to the end of the file.
        case unterminatedQuote
        /// A `"` inside a field that does not start with one (RFC 4180 §2.5).
        case quoteInUnquotedField
        /// Something other than a comma or line break after a closing quote.
        case textAfterClosingQuote
        /// The record has a different number of fields than the header (RFC 4180 §2.4).
        case fieldCount(expected: Int, found: Int)
        /// The file has no header row.
        case missingHeader
        /// No column of the header is one Dialtone knows (name, phone, e-mail, SIP…).
        case noKnownColumns
        /// The row has no name, number, SIP address or e-mail to make a contact from.
        case noContactData
    }

    public var file: String
    public var line: Int
    public var problem: Problem

    public init(file: String, line: Int, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        let reason = switch problem {
        case .unterminatedQuote: "quoted field is never closed; row skipped"
        case .quoteInUnquotedField: "quote inside an unquoted field; row skipped"
        case .textAfterClosingQuote: "text after a closing quote; row skipped"
        case .fieldCount(let expected, let found): "\(found) fields where the header has \(expected); row skipped"
        case .missingHeader: "no header row"
        case .noKnownColumns: "no known column (name, phone, e-mail, sip…) in the header"
        case .noContactData: "row has no name, phone, e-mail or SIP address; skipped"
        }
        return "\(file):\(line): \(reason)"
    }
}

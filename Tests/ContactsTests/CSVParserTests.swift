@testable import Contacts
import TestSupport
import Testing

@Suite struct CSVParserTests {
    @Test func quotedFieldsWithCommasDoubledQuotesAndLineBreaks() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nplain,,\"\"\r\n"
        let table = CSVParser.parse(text, file: "t.csv")
        #expect(table.errors == [])
        #expect(table.header == ["a", "b", "c"])
        #expect(table.records == [
            CSVRecord(line: 2, fields: ["x, y", "say \"hi\"", "two\nlines"]),
            CSVRecord(line: 4, fields: ["plain", "", ""]),
        ])
    }

    @Test func lineFeedsByteOrderMarkBlankLinesAndNoFinalNewline() {
        let text = "\u{FEFF}name,phone\n\nAnn,1\n\"B\nC\",2\n\nDee,3"
        let table = CSVParser.parse(text, file: "t.csv")
        #expect(table.errors == [])
        #expect(table.header == ["name", "phone"])
        #expect(table.records == [
            CSVRecord(line: 3, fields: ["Ann", "1"]),
            CSVRecord(line: 4, fields: ["B\nC", "2"]),
            CSVRecord(line: 7, fields: ["Dee", "3"]),
        ])
    }

    @Test func trailingCommaIsAnEmptyLastField() {
        #expect(CSVParser.parse("a,b\n1,\n", file: "t.csv").records == [CSVRecord(line: 2, fields: ["1", ""])])
    }

    @Test func corruptRowsAreReportedWithTheirLineAndTheRestImports() throws {
        let text = String(decoding: try Fixtures.bytes("csv/corrupt.csv"), as: UTF8.self)
        let table = CSVParser.parse(text, file: "corrupt.csv")
        #expect(table.records.map(\.line) == [2, 7, 8, 10, 12])
        #expect(table.records.map { $0.fields[0] } == ["Good One", "", "Multi\nLine Name", "Good Two", "Good Three"])
        #expect(table.errors == [
            CSVError(file: "corrupt.csv", line: 3, problem: .quoteInUnquotedField),
            CSVError(file: "corrupt.csv", line: 4, problem: .textAfterClosingQuote),
            CSVError(file: "corrupt.csv", line: 5, problem: .fieldCount(expected: 4, found: 5)),
            CSVError(file: "corrupt.csv", line: 6, problem: .fieldCount(expected: 4, found: 2)),
            CSVError(file: "corrupt.csv", line: 11, problem: .unterminatedQuote),
        ])
        #expect(table.errors[4].description == "corrupt.csv:11: quoted field is never closed; row skipped")
    }

    @Test func aBrokenHeaderStopsTheFileAndAnEmptyFileHasNoHeader() {
        let broken = CSVParser.parse("na\"me,phone\nAnn,1\n", file: "h.csv")
        #expect(broken.header == [])
        #expect(broken.records == [])
        #expect(broken.errors == [CSVError(file: "h.csv", line: 1, problem: .quoteInUnquotedField)])
        #expect(CSVParser.parse("", file: "e.csv").errors == [CSVError(file: "e.csv", line: 1, problem: .missingHeader)])
    }

    @Test func anUnterminatedQuoteOnTheLastLineDoesNotLoop() {
        let table = CSVParser.parse("a\n\"open", file: "u.csv")
        #expect(table.errors == [CSVError(file: "u.csv", line: 2, problem: .unterminatedQuote)])
        #expect(table.records == [])
    }
}

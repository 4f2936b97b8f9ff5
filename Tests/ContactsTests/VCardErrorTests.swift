@testable import Contacts
import TestSupport
import Testing

@Suite struct VCardErrorTests {
    @Test func corruptFixtureReportsEveryBrokenCardWithItsLineAndKeepsTheGoodOnes() throws {
        let parsed = VCardParser.parse(bytes: try Fixtures.bytes("vcard/corrupt.vcf"), file: "corrupt.vcf")
        #expect(parsed.cards.compactMap { $0.first("UID")?.text } == ["good-one", "good-two", "good-three"])
        #expect(parsed.errors == [
            VCardParseError(file: "corrupt.vcf", line: 9, problem: .missingColon),
            VCardParseError(file: "corrupt.vcf", line: 12, problem: .missingBegin),
            VCardParseError(file: "corrupt.vcf", line: 14, problem: .missingEnd),
            VCardParseError(file: "corrupt.vcf", line: 27, problem: .unterminatedQuote),
            VCardParseError(file: "corrupt.vcf", line: 31, problem: .unsupportedVersion("5.0")),
            VCardParseError(file: "corrupt.vcf", line: 37, problem: .missingPropertyName),
            VCardParseError(file: "corrupt.vcf", line: 44, problem: .missingEnd),
        ])
    }

    @Test func errorDescriptionNamesFileLineAndProblem() {
        let error = VCardParseError(file: "contacts/alice.vcf", line: 7, problem: .missingColon)
        #expect(error.description == "contacts/alice.vcf:7: content line has no ':'; card skipped")
    }

    @Test func missingEndBeforeEndOfFile() {
        let parsed = VCardParser.parse("BEGIN:VCARD\nVERSION:4.0\nFN:Cut\n", file: "cut.vcf")
        #expect(parsed.cards == [])
        #expect(parsed.errors == [VCardParseError(file: "cut.vcf", line: 1, problem: .missingEnd)])
    }

    @Test func endWithoutBeginIsAStrayLine() {
        let parsed = VCardParser.parse("FN:Orphan\nEND:VCARD\nBEGIN:VCARD\nFN:Kept\nEND:VCARD\n", file: "orphan.vcf")
        #expect(parsed.errors == [VCardParseError(file: "orphan.vcf", line: 1, problem: .missingBegin)])
        #expect(parsed.cards.count == 1)
    }

    @Test func lineNumbersCountPhysicalLinesThroughFoldsAndBlankLines() {
        let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:folded\r\n  over\r\n  three lines\r\n\r\nBROKEN LINE\r\nEND:VCARD\r\n"
        let parsed = VCardParser.parse(text, file: "n.vcf")
        #expect(parsed.errors == [VCardParseError(file: "n.vcf", line: 7, problem: .missingColon)])
    }

    @Test func emptyGroupOrNameIsMissingPropertyName() {
        for line in [":value", "item1.:value", ".TEL:1", ";TYPE=x:1"] {
            let parsed = VCardParser.parse("BEGIN:VCARD\n\(line)\nEND:VCARD\n", file: "g.vcf")
            #expect(parsed.errors == [VCardParseError(file: "g.vcf", line: 2, problem: .missingPropertyName)], "\(line)")
        }
    }

    @Test func emptyAndGarbageInputNeverCrash() {
        #expect(VCardParser.parse("", file: "e.vcf") == VCardParseResult())
        #expect(VCardParser.parse("\r\n\r\n", file: "e.vcf") == VCardParseResult())
        let garbage: [UInt8] = [0xFF, 0xFE, 0x00, 0x0A, 0x3A, 0x3B, 0x22, 0x0D, 0x0A, 0x20, 0x3D]
        #expect(VCardParser.parse(bytes: garbage, file: "g.vcf").cards == [])
    }
}

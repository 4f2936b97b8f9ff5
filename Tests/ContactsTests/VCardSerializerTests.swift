@testable import Contacts
import TestSupport
import Testing

@Suite struct VCardSerializerTests {
    static let fixtures = ["vcard/apple-3.0.vcf", "vcard/rfc6350-4.0.vcf", "vcard/nokia-2.1.vcf"]

    /// The physical lines of serialized text, as bytes, without their CRLF.
    private func physicalLines(_ text: String) -> [[UInt8]] {
        var bytes = Array(text.utf8)
        #expect(bytes.suffix(2) == [13, 10])
        bytes.removeLast(2)
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append([])
                index += 2
            } else {
                #expect(bytes[index] != 10 && bytes[index] != 13, "bare CR or LF in output")
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        return lines
    }

    @Test func writesCRLFFramingAndPropertiesInOrder() {
        let card = VCard(version: .v4_0, properties: [
            VCardProperty(name: "FN", text: "Alice, the first"),
            VCardProperty(group: "item1", name: "TEL", parameters: [VCardParameter("TYPE", values: ["cell", "voice"])],
                          rawValue: "+1 555 0100"),
        ])
        #expect(VCardSerializer.serialize(card)
            == "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alice\\, the first\r\nitem1.TEL;TYPE=cell,voice:+1 555 0100\r\nEND:VCARD\r\n")
    }

    @Test(arguments: ["a", "é", "€", "😀", "ë\u{301}"])
    func foldsAt75OctetsWithoutSplittingUTF8(_ unit: String) throws {
        for length in [60, 74, 75, 76, 149, 150, 151, 400] {
            let value = String(repeating: unit, count: length)
            let text = VCardSerializer.serialize(VCard(version: .v4_0, properties: [VCardProperty(name: "NOTE", rawValue: value)]))
            for line in physicalLines(text) {
                #expect(line.count <= 75)
                #expect(String(validating: line, as: UTF8.self) != nil, "a fold split a UTF-8 sequence")
            }
            let reparsed = VCardParser.parse(text, file: "fold.vcf")
            #expect(reparsed.cards.first?.first("NOTE")?.rawValue == value)
        }
    }

    @Test func continuationLinesStartWithOneSpaceAndKeepLeadingSpacesOfTheValue() {
        let value = String(repeating: "x", count: 71) + "  y"
        let folded = VCardSerializer.fold("NOTE:" + value)
        #expect(folded == "NOTE:" + String(repeating: "x", count: 70) + "\r\n x  y\r\n")
        #expect(VCardLineReader.logicalLines(Array(folded.utf8)).map(\.text) == ["NOTE:" + value])
    }

    @Test(arguments: fixtures)
    func everyFixtureCardSurvivesSerializeAndParseUnchanged(_ fixture: String) throws {
        let original = VCardParser.parse(bytes: try Fixtures.bytes(fixture), file: fixture)
        #expect(original.errors == [])
        #expect(!original.cards.isEmpty)
        let reparsed = VCardParser.parse(VCardSerializer.serialize(original.cards), file: fixture)
        #expect(reparsed.errors == [])
        #expect(reparsed.cards == original.cards)
    }

    @Test func unknownPropertiesAreWrittenBackAsTheOriginalLogicalLine() throws {
        let bytes = try Fixtures.bytes("vcard/apple-3.0.vcf")
        let originalLines = VCardLineReader.logicalLines(bytes).map(\.text)
        let cards = VCardParser.parse(bytes: bytes, file: "apple").cards
        let written = VCardLineReader.logicalLines(Array(VCardSerializer.serialize(cards).utf8)).map(\.text)
        let photo = try #require(originalLines.first { $0.hasPrefix("PHOTO;ENCODING=b;TYPE=JPEG:") })
        #expect(photo.count > 150)
        #expect(written.contains(photo))
        #expect(written.contains("X-SOCIALPROFILE;type=mastodon;x-user=alice:https://social.example.com/@alice"))
        #expect(written.contains("item2.ADR;type=HOME;type=pref:;;42 Rabbit Hole Lane;Oxford;;OX1 1AA;United Kingdom"))
        #expect(written == originalLines)
    }
}

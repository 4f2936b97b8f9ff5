@testable import Contacts
import Testing

@Suite struct VCardParserTests {
    private func card(_ lines: String..., version: String = "4.0") throws -> VCard {
        let text = (["BEGIN:VCARD", "VERSION:\(version)"] + lines + ["END:VCARD"]).joined(separator: "\r\n")
        let result = VCardParser.parse(text, file: "test.vcf")
        #expect(result.errors == [])
        return try #require(result.cards.first)
    }

    @Test func unfoldsCRLFAndLFContinuationsWithSpaceOrTab() throws {
        let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:This is a long\r\n  note that\n\tcontinues\r\n here\r\nEND:VCARD\r\n"
        let parsed = VCardParser.parse(text, file: "f.vcf")
        #expect(parsed.errors == [])
        #expect(parsed.cards.first?.first("NOTE")?.text == "This is a long note thatcontinueshere")
    }

    @Test func readsGroupsNamesAndParametersAsWritten() throws {
        let vcard = try card("item1.TEL;type=CELL;X-Custom=\"a;b:c\":+1 555 0100", "item1.X-ABLabel:Mobile")
        let tel = try #require(vcard.first("tel"))
        #expect(tel.group == "item1")
        #expect(tel.name == "TEL")
        #expect(tel.parameters == [VCardParameter(name: "type", rawValue: "CELL"),
                                   VCardParameter(name: "X-Custom", rawValue: "\"a;b:c\"")])
        #expect(tel.parameterValues("x-custom") == ["a;b:c"])
        #expect(tel.rawValue == "+1 555 0100")
        #expect(vcard.properties(named: "X-ABLABEL").first?.group == "item1")
    }

    @Test func parameterListsQuotedOrNotAndRepeated() throws {
        let vcard = try card("TEL;TYPE=home,work;TYPE=\"voice,text\";PREF=1;VALUE=uri:tel:+1-555-0100")
        let tel = try #require(vcard.first("TEL"))
        #expect(tel.parameterValues("TYPE") == ["home", "work", "voice,text"])
        #expect(tel.parameterValues("PREF") == ["1"])
        #expect(tel.uri == "tel:+1-555-0100")
    }

    @Test func caretEscapesInParameterValuesFollowRFC6868() throws {
        let vcard = try card("ADR;LABEL=\"Mr. John Q. Public^nFlat ^'3^'^^2\":;;123 Main;Any Town;;;")
        #expect(vcard.first("ADR")?.parameterValues("LABEL") == ["Mr. John Q. Public\nFlat \"3\"^2"])
        #expect(VCardParameter("LABEL", values: ["a\n\"b\"", "x,y"]).rawValue == "a^n^'b^',\"x,y\"")
    }

    @Test func textValuesAreUnescaped() throws {
        let vcard = try card(#"NOTE:Line one\nLine two\, with comma\; semicolon \\ backslash \N end"#)
        #expect(vcard.first("NOTE")?.text == "Line one\nLine two, with comma; semicolon \\ backslash \n end")
    }

    @Test func uriValuesDropOnlyStrayEscapesOfSeparators() throws {
        let vcard = try card(#"URL:http\://example.com/a\,b\;c\\d\e"#, #"NOTE:trailing \"#)
        #expect(vcard.first("URL")?.uri == #"http://example.com/a,b;c\d\e"#)
        #expect(vcard.first("NOTE")?.text == #"trailing \"#)
    }

    @Test func structuredValuesSplitBeforeUnescaping() throws {
        let vcard = try card(#"N:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P."#,
                             #"ADR;TYPE=work:;Suite 5\, Floor 2;1 Physics Road;Uppsala;;752 37;Sweden"#)
        #expect(vcard.first("N")?.components == [["Stevenson"], ["John"], ["Philip", "Paul"], ["Dr."], ["Jr.", "M.D.", "A.C.P."]])
        let address = try #require(vcard.first("ADR")?.components)
        #expect(address.count == 7)
        #expect(address[1] == ["Suite 5, Floor 2"])
        #expect(address[3] == ["Uppsala"])
        #expect(address[6] == ["Sweden"])
    }

    @Test func valueKeepsEveryColonAfterTheFirst() throws {
        let vcard = try card("URL:http://example.com:8080/a:b", "X-P;X-Q=\"x:y\":v:w")
        #expect(vcard.first("URL")?.rawValue == "http://example.com:8080/a:b")
        #expect(vcard.first("X-P")?.rawValue == "v:w")
    }

    @Test func bareVersion21ParametersAreKept() throws {
        let vcard = try card("TEL;CELL;PREF:+49 555 0140", version: "2.1")
        #expect(vcard.version == .v2_1)
        #expect(vcard.first("TEL")?.parameters.map(\.description) == ["CELL", "PREF"])
    }

    @Test func quotedPrintableWithSoftBreaksAndCharset() throws {
        let text = "BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Gr=C3=BC=\n=C3=9Fe=0D=0Aund =\nmehr\nEND:VCARD\n"
        let parsed = VCardParser.parse(text, file: "qp.vcf")
        #expect(parsed.errors == [])
        let note = try #require(parsed.cards.first?.first("NOTE"))
        #expect(note.isQuotedPrintable)
        #expect(note.text == "Grüße\nund mehr")
        #expect(VCardProperty(name: "X", parameters: [VCardParameter(name: "QUOTED-PRINTABLE", rawValue: nil),
                                                      VCardParameter(name: "CHARSET", rawValue: "ISO-8859-1")],
                              rawValue: "Ren=E9e =ZZ").text == "Renée =ZZ")
    }

    @Test func severalCardsInOneFileAndCaseInsensitiveFraming() {
        let text = "begin:vcard\r\nversion:3.0\r\nFN:A\r\nend:vcard\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\nEND:VCARD  \r\n"
        let parsed = VCardParser.parse(text, file: "two.vcf")
        #expect(parsed.errors == [])
        #expect(parsed.cards.map(\.version) == [.v3_0, .v4_0])
        #expect(parsed.cards.compactMap { $0.first("FN")?.text } == ["A", "B"])
    }

    @Test func byteOrderMarkAndMissingVersion() {
        let parsed = VCardParser.parse("\u{FEFF}BEGIN:VCARD\nFN:No Version\nEND:VCARD\n", file: "bom.vcf")
        #expect(parsed.errors == [])
        #expect(parsed.cards == [VCard(version: .v3_0, properties: [VCardProperty(name: "FN", rawValue: "No Version")])])
    }

    @Test func bytesThatAreNotUTF8AreReadAsLatin1() {
        let bytes: [UInt8] = Array("BEGIN:VCARD\nVERSION:2.1\nFN:Ren".utf8) + [0xE9] + Array("e\nEND:VCARD\n".utf8)
        let parsed = VCardParser.parse(bytes: bytes, file: "latin1.vcf")
        #expect(parsed.cards.first?.first("FN")?.text == "Renée")
    }

    @Test func aFoldInsideAUTF8SequenceIsRepairedByUnfolding() {
        let line = Array("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zo".utf8) + [0xC3] + Array("\r\n ".utf8) + [0xAB] + Array("\r\nEND:VCARD\r\n".utf8)
        #expect(VCardParser.parse(bytes: line, file: "split.vcf").cards.first?.first("FN")?.text == "Zoë")
    }
}

import Contacts
import Testing

/// A card read and written back by Dialtone keeps the groups and parameters of FN, N,
/// CATEGORIES and NOTE (issue 8: "keep unknown properties untouched on save").
@Suite struct PropertyShapeTests {
    let card = """
        BEGIN:VCARD\r
        VERSION:4.0\r
        UID:urn:uuid:shape-1\r
        FN;LANGUAGE=ja;ALTID=1:山田太郎\r
        N;SORT-AS="Yamada,Taro":山田;太郎;;;\r
        item1.CATEGORIES;PID=1.1:work,family\r
        NOTE;LANGUAGE=en:first note\r
        NOTE:second note\r
        END:VCARD\r

        """

    @Test func shapesSurviveARoundTrip() throws {
        let parsed = VCardParser.parse(card, file: "shape.vcf")
        #expect(parsed.errors.isEmpty)
        let contact = Contact(vCard: try #require(parsed.cards.first), uidIfMissing: "x")
        let written = VCardSerializer.serialize(contact.vCard)
        #expect(written.contains("FN;LANGUAGE=ja;ALTID=1:山田太郎\r\n"), "\(written)")
        #expect(written.contains("N;SORT-AS=\"Yamada,Taro\":山田;太郎;;;\r\n"), "\(written)")
        #expect(written.contains("item1.CATEGORIES;PID=1.1:work,family\r\n"), "\(written)")
        #expect(written.contains("NOTE;LANGUAGE=en:first note\r\nNOTE:second note\r\n"), "\(written)")
    }

    @Test func editedValuesKeepTheirShape() throws {
        var contact = Contact(vCard: try #require(VCardParser.parse(card, file: "shape.vcf").cards.first), uidIfMissing: "x")
        contact.formattedName = "Taro Yamada"
        contact.notes.append("third note")
        let written = VCardSerializer.serialize(contact.vCard)
        #expect(written.contains("FN;LANGUAGE=ja;ALTID=1:Taro Yamada\r\n"))
        #expect(written.contains("NOTE:third note\r\n"))
    }
}

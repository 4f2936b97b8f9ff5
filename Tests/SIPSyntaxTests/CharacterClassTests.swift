@testable import SIPSyntax
import Testing

/// The literal masks must equal the character lists of RFC 3261 §25.1 they stand for.
@Suite struct CharacterClassTests {
    static let alphanumerics = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

    @Test func masksMatchTheGrammarLists() {
        let cases: [(SIPCharacterClass, String)] = [
            (.digit, "0123456789"), (.alpha, String(Self.alphanumerics.dropFirst(10))),
            (.hex, "0123456789abcdefABCDEF"), (.alphanumeric, Self.alphanumerics),
            (.token, Self.alphanumerics + "-.!%*_+`'~"), (.unreserved, Self.alphanumerics + "-_.!~*'()"),
            (.userUnreserved, "&=+$,;?/"), (.passwordExtra, "&=+$,"), (.paramUnreserved, "[]/:&+$"),
            (.hnvUnreserved, "[]/?:+$"), (.reserved, ";/?:@&=+$,"),
            (.word, Self.alphanumerics + "-.!%*_+`'~()<>:\\\"/[]?{}"), (.scheme, Self.alphanumerics + "+-."),
        ]
        for (set, list) in cases {
            let members = (0...255).map(UInt8.init).filter(set.contains)
            #expect(members == Array(list.utf8).sorted(), "\(list)")
        }
    }
}

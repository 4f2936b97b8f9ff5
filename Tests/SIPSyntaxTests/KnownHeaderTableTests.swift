@testable import SIPSyntax
import Testing

/// The known-header table must line up: each case's spelling maps back to that case, both
/// through `SIPHeaderName.init` and through the parser's byte look-up.
@Suite struct KnownHeaderTableTests {
    @Test func everyCaseRoundTripsThroughItsSpelling() {
        for header in SIPKnownHeader.allCases {
            #expect(SIPHeaderName(header.spelling).storage == .known(header), "\(header)")
            #expect(header.key == header.spelling.lowercased())
            let bytes = Array(header.spelling.uppercased().utf8)
            let found = bytes.withUnsafeBufferPointer { SIPHeaderNameTable.shared.find($0, 0..<$0.count) }
            #expect(found == header, "\(header)")
        }
        #expect(SIPHeaderName.canonicalNames.count == SIPKnownHeader.allCases.count)
    }
}

import SIPSyntax
import Testing
@testable import SIPDialog

@Suite struct InstantMessageTests {
    @Test func builtMessageHasNoContactAndAFreshTag() throws {
        var random = SeededCallRandomSource(seed: 3)
        let message = InstantMessage.makeRequest(to: Party.bob, from: Party.alice, text: "Grüße", random: &random)
        #expect(message.method == .message && message.uri == Party.bob)
        #expect(message.headers[.contact] == nil)
        #expect(try message.headers.from?.tag?.count == 10)
        #expect(message.headers[.contentType] == "text/plain;charset=UTF-8")
        #expect(message.headers[.contentLength] == String("Grüße".utf8.count))
        let (response, received) = InstantMessage.receive(message)
        #expect(response.statusCode == 200)
        #expect(received?.text == "Grüße" && received?.contentType == "text/plain")
    }

    @Test func unreadableMessagesAreRefused() {
        let html = Wire.request("""
            MESSAGE sip:alice@192.0.2.10 SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.20;branch=z9hG4bKm1
            From: <sip:bob@biloxi.example.com>;tag=9
            To: <sip:alice@atlanta.example.com>
            Call-ID: m1
            CSeq: 1 MESSAGE
            Content-Type: application/im-iscomposing+xml
            """, body: "<x/>")
        #expect(InstantMessage.receive(html).response.statusCode == 415)
        var binary = html
        binary.headers.set(.contentType, "text/plain")
        binary.body = [0xC3, 0x28]
        let (response, message) = InstantMessage.receive(binary)
        #expect(response.statusCode == 400 && message == nil)
    }
}

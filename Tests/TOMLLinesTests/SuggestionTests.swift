import Testing
import TOMLLines

@Suite struct SuggestionTests {
    @Test func editDistance() {
        #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.distance(Array(""), Array("abc")) == 3)
        #expect(Suggestion.distance(Array("tls"), Array("tls")) == 0)
        #expect(Suggestion.distance(Array("tsl"), Array("tls")) == 1)
        #expect(Suggestion.distance(Array("magneta"), Array("magenta")) == 1)
    }

    @Test func nearestIsCloseEnoughOrNothing() {
        let attributes = ["bold", "dim", "italic", "underline", "reverse"]
        #expect(Suggestion.nearest(to: "underlin", in: attributes) == "underline")
        #expect(Suggestion.nearest(to: "zzzz", in: attributes) == nil)
        #expect(Suggestion.nearest(to: "tsl", in: ["udp", "tcp", "tls", "auto"]) == "tls")
        #expect(Suggestion.nearest(to: "pasword_command", in: ["password", "password_command"]) == "password_command")
    }
}

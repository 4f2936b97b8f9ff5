/// An Event value (RFC 6665 §8.2.1, RFC 3265): the event package, its templates, parameters.
public struct SIPEventHeader: Hashable, Sendable, CustomStringConvertible {
    /// event-type = event-package *( "." event-template ), as written (e.g. "presence.winfo").
    public var eventType: String
    public var parameters: [Parameter]

    public init(eventType: String, parameters: [Parameter] = []) {
        self.eventType = eventType
        self.parameters = parameters
    }

    /// The package name: event-type up to the first ".".
    public var package: String { String(eventType.split(separator: ".", maxSplits: 1).first ?? "") }

    /// The `id` parameter that tells subscriptions of one dialog apart (RFC 6665 §4.1.2.1).
    public var id: String? { parameters.value("id") ?? nil }

    public var serialized: String { eventType + parameters.map { ";" + $0.description }.joined() }
    public var description: String { serialized }

    /// Event = ( "Event" / "o" ) HCOLON event-type *( SEMI event-param )
    public static func parse(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPEventHeader {
        var scanner = SIPScanner(text, mode: mode, context: .header("Event"))
        scanner.skipWhitespace()
        let eventType = try scanner.token("an event package")
        if scanner.isStrict, eventType.hasPrefix(".") || eventType.hasSuffix(".") || eventType.contains("..") {
            throw scanner.failure("'\(eventType)' is not event-package *(\".\" event-template)")
        }
        let parameters = try SIPListGrammar.genericParameters(&scanner)
        return SIPEventHeader(eventType: eventType, parameters: parameters)
    }
}

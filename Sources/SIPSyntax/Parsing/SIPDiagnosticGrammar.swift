/// Strict recognisers for headers the stack never interprets but `sip-lint` checks: Date,
/// Warning and Retry-After (RFC 3261 §20.17, §20.43, §20.33). They validate and return nothing.
public enum SIPDiagnosticGrammar {
    /// Date = rfc1123-date; rfc1123-date = wkday "," SP date1 SP time SP "GMT"
    /// date1 = 2DIGIT SP month SP 4DIGIT; time = 2DIGIT ":" 2DIGIT ":" 2DIGIT
    /// (RFC 4475 §3.1.2.12: only GMT is allowed).
    public static func checkDate(_ text: String) throws(SIPParseError) {
        var scanner = SIPScanner(text, mode: .strict, context: .header("Date"))
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        try word(&scanner, from: days, "a week day (Mon–Sun)")
        try scanner.expect(UInt8(ascii: ","), "',' after the week day")
        try scanner.expect(0x20, "SP")
        try digits(&scanner, 2)
        try scanner.expect(0x20, "SP")
        try word(&scanner, from: months, "a month (Jan–Dec)")
        try scanner.expect(0x20, "SP")
        try digits(&scanner, 4)
        try scanner.expect(0x20, "SP")
        try digits(&scanner, 2)
        try scanner.expect(UInt8(ascii: ":"), "':'")
        try digits(&scanner, 2)
        try scanner.expect(UInt8(ascii: ":"), "':'")
        try digits(&scanner, 2)
        try scanner.expect(0x20, "SP")
        let zone = scanner.position
        guard scanner.remainingText == "GMT" else {
            throw scanner.failure("time zone '\(scanner.remainingText)' is not GMT, the only zone SIP allows (RFC 3261 §20.17)", at: zone)
        }
    }

    /// Warning = warning-value *(COMMA warning-value)
    /// warning-value = warn-code SP warn-agent SP warn-text; warn-code = 3DIGIT
    /// warn-agent = hostport / pseudonym; warn-text = quoted-string
    public static func checkWarning(_ text: String) throws(SIPParseError) {
        let scanner = SIPScanner(text, mode: .strict, context: .header("Warning"))
        for range in try SIPListGrammar.elements(scanner) {
            var element = scanner.restricted(to: range)
            let code = element.scan(while: SIPCharacterClass.isDigit)
            guard code.count == 3 else {
                throw element.failure("warn-code '\(element.text(code))' is not three digits (RFC 3261 §20.43)", at: code.lowerBound)
            }
            try element.expect(0x20, "SP after the warn-code")
            let agent = element.scan { $0 != 0x20 }
            guard !agent.isEmpty else { throw element.failure("missing warn-agent") }
            try element.expect(0x20, "SP after the warn-agent")
            _ = try element.quotedString()
            guard element.isAtEnd else { throw element.failure("unexpected text after the warn-text") }
        }
    }

    /// Retry-After = delta-seconds [ comment ] *( SEMI retry-param ); delta-seconds < 2^32.
    public static func checkRetryAfter(_ text: String) throws(SIPParseError) {
        var scanner = SIPScanner(text, mode: .strict, context: .header("Retry-After"))
        _ = try scanner.number("delta-seconds", maximum: UInt64(UInt32.max))
    }

    private static func word(_ scanner: inout SIPScanner, from choices: [String], _ what: String) throws(SIPParseError) {
        let range = scanner.scan(while: SIPCharacterClass.isAlpha)
        guard choices.contains(scanner.text(range)) else { throw scanner.failure("expected \(what)", at: range.lowerBound) }
    }

    private static func digits(_ scanner: inout SIPScanner, _ count: Int) throws(SIPParseError) {
        let range = scanner.scan(while: SIPCharacterClass.isDigit)
        guard range.count == count else { throw scanner.failure("expected \(count) digits", at: range.lowerBound) }
    }
}

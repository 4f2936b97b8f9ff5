/// Throughput figures for `ContactIndex`, for `Benchmarks/` to print (run in release mode).
/// It only measures and reports; no test asserts on time, since shared CI machines make
/// timings noisy. Uses the real clock by design: elapsed time is what it measures.
public enum ContactIndexBenchmark {
    /// Builds an index of `count` synthetic contacts and times building, URI/number lookup in
    /// three incoming forms, name-prefix search and substring search. One line per figure.
    public static func run(count: Int = 10_000) -> String {
        let contacts = (0..<count).map(syntheticContact)
        let clock = ContinuousClock()
        var index = ContactIndex(contacts: [])
        let buildTime = clock.measure { index = ContactIndex(contacts: contacts) }

        let lookups = max(count, 1) * 10
        var found = 0
        let lookupTime = clock.measure {
            for iteration in 0..<lookups {
                found += index.contacts(matching: incomingForm(iteration, count: count)).count
            }
        }
        let searches = 1_000
        var prefixHits = 0
        let prefixTime = clock.measure {
            for iteration in 0..<searches { prefixHits += index.search("family\(iteration % 500)").count }
        }
        var substringHits = 0
        let substringTime = clock.measure {
            for _ in 0..<10 { substringHits += index.search("ily49").count }
        }
        return """
            contacts: \(count)
            index build: \(format(buildTime))
            lookup by URI or number: \(format(lookupTime / lookups)) per lookup (\(lookups) lookups, \(found) matches)
            name prefix search: \(format(prefixTime / searches)) per search (\(prefixHits) results)
            name substring search: \(format(substringTime / 10)) per search (\(substringHits / 10) results)
            """
    }

    /// "Given123 Family123" with a number, a tel: URI and a SIP URI, all distinct per contact.
    private static func syntheticContact(_ number: Int) -> Contact {
        var contact = Contact(uid: "bench-\(number)", formattedName: "Given\(number) Family\(number % 1000)")
        let digits = String(number).leftPadded(to: 7)
        contact.phoneNumbers = [ContactField("+1 (555) \(digits)", types: ["cell"]),
                                ContactField("tel:+44-555-\(digits)", types: ["work"])]
        contact.sipAddresses = [ContactField("sip:user\(number)@example.com")]
        return contact
    }

    /// The forms a caller arrives in: a SIP URI with a telephone-number user, a tel: URI, a
    /// SIP address with upper-case host and parameters.
    private static func incomingForm(_ iteration: Int, count: Int) -> String {
        let number = iteration % max(count, 1)
        let digits = String(number).leftPadded(to: 7)
        switch iteration % 3 {
        case 0: return "sip:+1-555-\(digits)@carrier.example;user=phone"
        case 1: return "tel:+44555\(digits)"
        default: return "<sip:user\(number)@EXAMPLE.COM;transport=tcp>;tag=1"
        }
    }

    private static func format(_ duration: Duration) -> String {
        let nanoseconds = Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
        if nanoseconds < 1_000 { return "\(rounded(nanoseconds)) ns" }
        if nanoseconds < 1_000_000 { return "\(rounded(nanoseconds / 1e3)) µs" }
        return "\(rounded(nanoseconds / 1e6)) ms"
    }

    private static func rounded(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}

/// The outcome of a parser that works on a growing buffer (stream transports): either a value
/// and how many bytes it used, or a request for more bytes. Malformed input is not a result but
/// a thrown `SIPParseError`, so "wait" and "give up" can never be confused (swift-nio-imap style).
public enum SIPParseResult<Value> {
    case complete(Value, consumed: Int)
    case needMoreData
}

extension SIPParseResult: Sendable where Value: Sendable {}
extension SIPParseResult: Equatable where Value: Equatable {}

/// How forgiving a grammar function is.
///
/// The stack parses `.liberal`ly, following RFC 3261 §1's robustness advice and the tolerances
/// RFC 4475 and RFC 5118 allow ("liberal elements may …"). `sip-lint` parses `.strict`ly, so
/// every deviation from the RFC 3261 §25 grammar is reported. What `.liberal` accepts beyond
/// the grammar, exactly:
/// - runs of white space between start-line elements and after the version (RFC 4475 §3.1.2.9–10);
/// - a Request-URI wrapped in `< >` (RFC 4475 §3.1.2.7), which is stripped;
/// - a status line without the SP before an empty reason phrase;
/// - white space inside `< >` around an addr-spec (RFC 4475 §3.1.2.14);
/// - an addr-spec outside `< >` that contains `?headers` or a comma (RFC 4475 §3.1.2.13);
/// - an IPv6 address without `[ ]` as a URI or Via host (RFC 5118 §4.2 forbids it; real
///   phones send `sip:4321@fec0:0:0:0:216:d3ff:fe0d:22c:5060`), when exactly one reading
///   exists: the whole text is an address (no port), or the text before the last colon is an
///   address and the rest a decimal port. `2001:db8::10:5070` fits both and is refused as
///   ambiguous. The host is stored without brackets and always written back with them;

/// - a CSeq number from 2^31 to 2^32-1 (RFC 3261 §8.1.1.5 says "less than 2**31");
/// - host names outside the strict label grammar (underscores, digit-first top label);
/// - a local tel number without `phone-context` (RFC 3966 §5.1.5);
/// - a Call-ID that is any run of visible characters rather than `word ["@" word]`;
/// - empty elements in comma-separated lists (`a, , b`).
public enum SIPParsingMode: Hashable, Sendable {
    case liberal
    case strict
}

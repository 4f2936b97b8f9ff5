/// One Via value (RFC 3261 §20.42): where a request has been and where its responses go.
public struct SIPVia: Hashable, Sendable, CustomStringConvertible {
    /// "SIP" for every real element; kept as written.
    public var protocolName: String
    /// "2.0"; RFC 4475 §3.1.2.16 (badvers) shows other values, which must still parse.
    public var protocolVersion: String
    /// "UDP", "TCP", "TLS", "SCTP", "WS", "WSS" or any token (RFC 4475 §3.1.1.10); as written.
    public var transport: String
    public var host: Host
    public var port: UInt16?
    /// via-params, values as written.
    public var parameters: [Parameter]

    public init(
        protocolName: String = "SIP", protocolVersion: String = "2.0", transport: String,
        host: Host, port: UInt16? = nil, parameters: [Parameter] = []
    ) {
        self.protocolName = protocolName
        self.protocolVersion = protocolVersion
        self.transport = transport
        self.host = host
        self.port = port
        self.parameters = parameters
    }

    /// The transaction id (RFC 3261 §8.1.1.7); RFC 3261 branches start with `z9hG4bK`.
    public var branch: String? { parameters.value("branch") ?? nil }

    /// Whether the branch carries the RFC 3261 magic cookie, so it can key a transaction
    /// (§17.2.3); otherwise RFC 2543 matching applies (RFC 4475 §3.2.1: `z9hG4bK` alone counts).
    public var hasRFC3261Branch: Bool { branch?.hasPrefix("z9hG4bK") ?? false }

    /// The `received` address (RFC 3261 §18.2.1), with or without `[ ]` around IPv6 (RFC 5118
    /// §4.5 asks receivers to take both); nil when absent or not an IP address.
    public var received: Host? {
        guard let value = parameters.value("received") ?? nil else { return nil }
        return SIPVia.ipAddress(value)
    }

    /// `rport` (RFC 3581): `.some(nil)` when present without a value (a request asking for it),
    /// `.some(port)` in a response.
    public var rport: UInt16?? {
        guard let value = parameters.value("rport") else { return nil }
        return .some(value.flatMap { UInt16($0) })
    }

    public var maddr: String? { parameters.value("maddr") ?? nil }

    /// ttl = 1*3DIGIT ; 0 to 255
    public var ttl: UInt8? { (parameters.value("ttl") ?? nil).flatMap { UInt8($0) } }

    /// `SIP/2.0/UDP host:port;params`
    public var serialized: String {
        var text = "\(protocolName)/\(protocolVersion)/\(transport) \(host)"
        if let port { text += ":\(port)" }
        for parameter in parameters { text += ";" + parameter.description }
        return text
    }

    public var description: String { serialized }

    /// Parses one via-parm.
    public static func parse(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPVia {
        var scanner = SIPScanner(text, mode: mode, context: .header("Via"))
        return try SIPViaGrammar.via(&scanner)
    }

    /// Parses a whole Via value: via-parm *(COMMA via-parm).
    public static func parseList(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> [SIPVia] {
        let scanner = SIPScanner(text, mode: mode, context: .header("Via"))
        var vias: [SIPVia] = []
        for range in try SIPListGrammar.elements(scanner) {
            var element = scanner.restricted(to: range)
            vias.append(try SIPViaGrammar.via(&element))
        }
        guard !vias.isEmpty else { throw scanner.failure("empty Via") }
        return vias
    }

    static func ipAddress(_ value: String) -> Host? {
        let bytes = Array(value.utf8)
        if HostParser.isIPv4(bytes, bytes.indices) { return .ipv4(value) }
        if HostParser.ipv6Form(bytes, bytes.indices) != nil { return .ipv6(value) }
        if bytes.count > 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"),
           HostParser.ipv6Form(bytes, 1..<bytes.count - 1) != nil {
            return .ipv6(String(decoding: bytes[1..<bytes.count - 1], as: UTF8.self))
        }
        return nil
    }
}

/// via-parm = sent-protocol LWS sent-by *( SEMI via-params )
/// sent-protocol = protocol-name SLASH protocol-version SLASH transport; SLASH = SWS "/" SWS
/// sent-by = host [ COLON port ]; COLON = SWS ":" SWS
enum SIPViaGrammar {
    static func via(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPVia {
        scanner.skipWhitespace()
        let name = try scanner.token("protocol name (SIP)")
        guard scanner.consumeSeparator(UInt8(ascii: "/")) else { throw scanner.failure("expected '/' after the protocol name") }
        let version = try scanner.token("protocol version")
        guard scanner.consumeSeparator(UInt8(ascii: "/")) else { throw scanner.failure("expected '/' after the protocol version") }
        let transport = try scanner.token("transport")
        guard let space = scanner.current, SIPCharacterClass.isWhitespace(space) else {
            throw scanner.failure(scanner.isAtEnd ? "Via lacks the sent-by host" : "expected white space before the sent-by host")
        }
        scanner.skipWhitespace()
        let (host, port) = try sentBy(&scanner)
        let parameters = try SIPListGrammar.genericParameters(&scanner, bareIPv6: ["received"])
        if scanner.isStrict { try checkParameters(parameters, scanner) }
        return SIPVia(protocolName: name, protocolVersion: version, transport: transport, host: host, port: port, parameters: parameters)
    }

    /// sent-by up to the first ";" (white space allowed around its colon).
    private static func sentBy(_ scanner: inout SIPScanner) throws(SIPParseError) -> (Host, UInt16?) {
        let end = scanner.bytes[scanner.position..<scanner.end].firstIndex(of: UInt8(ascii: ";")) ?? scanner.end
        let range = SIPListGrammar.trimmed(scanner.bytes, scanner.position..<end)
        let compact = scanner.bytes[range].filter { !SIPCharacterClass.isWhitespace($0) }
        if compact.count != range.count {
            // host SWS ":" SWS port: re-scan without the white space, keeping error columns near.
            var spaced = SIPScanner(bytes: compact, mode: scanner.mode, context: scanner.context, line: scanner.line, columnBase: range.lowerBound + scanner.columnBase)
            let result = try HostParser.hostPort(&spaced)
            scanner.position = end
            return result
        }
        let result = try scanner.within(range) { s throws(SIPParseError) in try HostParser.hostPort(&s) }
        scanner.position = end
        return result
    }

    /// via-ttl = "ttl" EQUAL ttl; via-maddr = "maddr" EQUAL host; via-branch = "branch" EQUAL token;
    /// via-received = "received" EQUAL (IPv4address / IPv6address); rport [EQUAL 1*DIGIT] (RFC 3581).
    private static func checkParameters(_ parameters: [Parameter], _ scanner: SIPScanner) throws(SIPParseError) {
        for parameter in parameters {
            let value = parameter.value
            switch parameter.name.lowercased() {
            case "ttl":
                guard let value, let ttl = UInt16(value), ttl <= 255, value.count <= 3 else { throw scanner.failure("ttl must be 0–255") }
            case "received":
                guard let value, SIPVia.ipAddress(value) != nil else { throw scanner.failure("received must be an IPv4 or IPv6 address") }
            case "branch":
                guard let value, value.utf8.allSatisfy(SIPCharacterClass.isToken) else { throw scanner.failure("branch must be a token") }
            case "rport":
                if let value { guard UInt16(value) != nil else { throw scanner.failure("rport must be a port number") } }
            case "maddr":
                guard value != nil else { throw scanner.failure("maddr needs a host") }
            default:
                continue
            }
        }
    }
}

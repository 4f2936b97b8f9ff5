import SIPServerLocation
import SIPSyntax
import SIPTransport

/// Small builders shared by the tests.
enum Make {
    static func ip(_ text: String) -> IPAddress { IPAddress(literal: text)! }

    static func target(_ transport: SIPTransport, _ address: String, _ port: UInt16, host: String = "sip.example.test") -> ResolvedTarget {
        ResolvedTarget(transport: transport, address: ip(address), port: port, hostName: host, via: [])
    }

    static func parse(_ text: String) -> SIPMessage {
        try! SIPMessageParser.parse(datagram: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    static func request(_ text: String) -> SIPRequest {
        guard case .request(let request) = parse(text) else { fatalError("not a request") }
        return request
    }

    /// An OPTIONS without Via, as a TU hands it to the transaction layer.
    static func options(to uri: String = "sip:127.0.0.1", padding: Int = 0) -> SIPRequest {
        var headers: SIPHeaders = [
            (.maxForwards, "70"), (.from, "<sip:test@dialtone.invalid>;tag=t1"), (.to, "<\(uri)>"),
            (.callID, "call-\(UInt32.random(in: 0...UInt32.max))"), (.cseq, "1 OPTIONS"),
        ]
        if padding > 0 { headers.append("X-Padding", String(repeating: "p", count: padding)) }
        headers.append(.contentLength, "0")
        return SIPRequest(method: .options, uri: try! URI(parsing: uri), headers: headers)
    }

    /// The 2xx/5xx a raw test peer answers with.
    static func response(to bytes: [UInt8], status: Int, reason: String, server: String) -> [UInt8] {
        guard case .request(let request) = try! SIPMessageParser.parse(datagram: bytes) else { fatalError() }
        return ResponseFactory.response(to: request, statusCode: status, reasonPhrase: reason, toTag: "peer", server: server).serialized()
    }
}

/// A fixed sequence for deterministic jitter and tokens.
struct CountingRandom: RandomNumberGenerator, Sendable {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

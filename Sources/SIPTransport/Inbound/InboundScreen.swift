import SIPSyntax

/// What to do with a message that arrived, decided without I/O.
enum InboundVerdict: Sendable, Hashable {
    /// Hand it up; a request's top Via now carries `received`/`rport`.
    case deliver(SIPMessage)
    /// Answer statelessly on the flow it came on.
    case reject(SIPResponse)
    /// Discard, recording why.
    case drop(String)
}

/// The checks every received message passes before the transaction layer sees it
/// (RFC 3261 §18.3 framing, §8.2 validation, §18.1.2 and §18.2.1 Via handling).
enum InboundScreen {
    /// One UDP datagram: parse it whole (RFC 3261 §18.3), then screen it. A datagram that does
    /// not parse has no usable Via or Call-ID to answer with, so it is dropped.
    static func datagram(
        _ bytes: [UInt8], from source: SIPSocketAddress, limits: SIPParserLimits, server: String?
    ) -> InboundVerdict {
        let message: SIPMessage
        do throws(SIPParseError) {
            message = try SIPMessageParser.parse(datagram: bytes, limits: limits)
        } catch {
            return .drop("unparsable \(bytes.count)-byte datagram: \(error)")
        }
        return screen(message, from: source, server: server)
    }

    /// A parsed message: a malformed request gets a 400 (or 505) naming the fault; a malformed
    /// response is dropped (RFC 3261 §18.1.2: the client transport discards it); a good request
    /// gets `received`/`rport` on its top Via.
    static func screen(_ message: SIPMessage, from source: SIPSocketAddress, server: String?) -> InboundVerdict {
        let fault = SIPMessageValidator.faults(in: message).first
        switch message {
        case .request(let request):
            if let fault {
                return .reject(ResponseFactory.rejection(of: request, fault: fault, server: server))
            }
            return .deliver(.request(ReceivedStamp.apply(to: request, source: source)))
        case .response(let response):
            if let fault { return .drop("malformed response \(response.statusCode): \(fault.reasonPhrase)") }
            return .deliver(message)
        }
    }
}

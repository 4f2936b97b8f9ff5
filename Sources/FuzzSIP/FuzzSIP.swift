import SIPSyntax

/// libFuzzer entry point for the SIP parser; built and run by scripts/fuzz.sh.
///
/// Every input goes through everything that reads bytes from the network: the datagram parser,
/// the stream framer (whole and split in two, which must agree), the validator and every typed
/// header accessor. Whatever parses must serialize and parse back to the same message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSIP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let message = try? SIPMessageParser.parse(datagram: bytes) {
        exerciseTypedHeaders(message)
        let reparsed = try? SIPMessageParser.parse(datagram: message.serialized())
        precondition(reparsed == message, "SIP round trip changed the message")
    }
    let whole = frame([bytes[...]])
    let split = frame([bytes[..<(size / 2)], bytes[(size / 2)...]])
    precondition(whole == split, "framing depends on how the stream was split")
    return 0
}

/// The messages a stream yields until it needs more data or fails.
private func frame(_ chunks: [ArraySlice<UInt8>]) -> [SIPMessage] {
    var framer = SIPStreamFramer()
    var messages: [SIPMessage] = []
    for chunk in chunks {
        framer.append(chunk)
        while let event = try? framer.next() {
            switch event {
            case .message(let message): messages.append(message)
            case .keepAlivePing, .keepAlivePong: continue
            }
        }
    }
    return messages
}

private func exerciseTypedHeaders(_ message: SIPMessage) {
    _ = try? SIPMessageValidator.validate(message)
    let headers = message.headers
    _ = try? headers.via
    _ = try? headers.from
    _ = try? headers.to
    _ = try? headers.cseq
    _ = try? headers.callID
    _ = try? headers.maxForwards
    _ = try? headers.contentLength
    _ = try? headers.expires
    _ = try? headers.contact
    _ = try? headers.route
    _ = try? headers.recordRoute
    _ = try? headers.contentType
    _ = try? headers.require
    _ = try? headers.supported
    _ = try? headers.event
    _ = try? headers.subscriptionState
    _ = try? headers.rack
    _ = try? headers.referTo
}

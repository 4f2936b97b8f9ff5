import SDP

/// libFuzzer entry point for the SDP parser; built and run by scripts/fuzz.sh.
/// Whatever parses must serialize, parse again to the same value, and survive being answered
/// (the offer/answer code reads every attribute the parser accepted).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSDP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let session = try? SessionDescription.parse(bytes) else { return 0 }
    let reparsed = try? SessionDescription.parse(session.serialized())
    precondition(reparsed == session, "SDP round trip changed the description")
    _ = try? OfferAnswer.makeAnswer(
        to: session, capabilities: FuzzCapabilities.audio, origin: FuzzCapabilities.origin)
    return 0
}

/// Fixed local capabilities for answering fuzzed offers: every codec and SRTP optional with one
/// key of each common suite, so every negotiation branch is reachable. Fixed keys are fine here:
/// nothing is ever sent.
enum FuzzCapabilities {
    static let audio: LocalMediaCapabilities = {
        var capabilities = LocalMediaCapabilities(address: "127.0.0.1", rtpPort: 40000)
        capabilities.srtp = .optional
        capabilities.sdesKeys = [
            SDESKey(suite: .aesCM128HMACSHA1_80, keySalt: Array(repeating: 7, count: 30)),
            SDESKey(suite: .aeadAES128GCM, keySalt: Array(repeating: 9, count: 28)),
        ]
        return capabilities
    }()

    static let origin = Origin(sessionID: "1", sessionVersion: "1", addressType: .ipv4, address: "127.0.0.1")
}

#if canImport(Glibc)
import Glibc
#endif
import MediaCore
import MediaEngine
import SDP
import Testing
import TestSupport

/// An account's Opus settings (`opus_fec`, `opus_dtx`, …) reach both our SDP and the encoder
/// of a real call: with DTX on, a silent microphone sends almost nothing (RFC 7587 §3.1.3).
@Suite(.timeLimit(.minutes(2))) struct OpusSettingsCallTests {
    @Test func theAccountsOpusSettingsShapeTheOfferAndWhatIsSent() async throws {
        var quiet = OpusCodec.Configuration()
        quiet.dtx = true
        quiet.inbandFEC = false
        quiet.complexity = 7
        let withDTX = try await silentOpusCall(opus: quiet)
        #expect(withDTX.formatParameters == "minptime=10;usedtx=1")
        let usual = try await silentOpusCall(opus: nil)
        #expect(usual.formatParameters == "minptime=10;useinbandfec=1")
        // Two seconds of silence: 100 packets without DTX; with it, a refresh every 400 ms or so.
        #expect(usual.packets >= 60, "\(usual.packets) packets without DTX")
        #expect(withDTX.packets <= 25 && withDTX.packets < usual.packets / 3, "\(withDTX.packets) packets with DTX")
    }

    /// A call whose microphone is silent, answered by a bare probe; counts what reaches the probe in 2 s.
    private func silentOpusCall(opus: OpusCodec.Configuration?) async throws -> (formatParameters: String?, packets: Int) {
        let probe = try RTPProbe()
        defer { probe.close() }
        var request = CallMediaRequest(localAddress: "127.0.0.1", codecs: ["opus"], srtp: .off, audio: .null, noMediaTimeout: 0)
        request.opus = opus
        let session = try await RTPCallMediaFactory().prepare(request)
        let offered = session.capabilities.codecs.first { $0.encodingName.lowercased() == "opus" }
        var ours = LocalSDPSession(sessionID: 1)
        let offer = try ours.makeOffer(session.capabilities)
        let probeSide = LocalMediaCapabilities(address: "127.0.0.1", rtpPort: probe.port, codecs: [.opus(formatParameters: "minptime=10")])
        let answer = try OfferAnswer.makeAnswer(
            to: offer, capabilities: probeSide,
            origin: Origin(username: "-", sessionID: "2", sessionVersion: "2", addressType: .ipv4, address: "127.0.0.1"))
        try await session.apply(try ours.processAnswer(answer.answer, toOffer: offer))
        let packets = try await OffPool.run { probe.countPackets(payloadType: 111, for: .seconds(2)) }
        _ = await session.stop()
        return (offered?.formatParameters, packets)
    }
}

extension RTPProbe {
    /// RTP packets of `payloadType` received during `duration`.
    func countPackets(payloadType: UInt8, for duration: Duration) -> Int {
        let clock = ContinuousClock()
        let end = clock.now + duration
        var buffer = [UInt8](repeating: 0, count: 2048)
        var count = 0
        while clock.now < end {
            let received = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard received > 12, let parsed = try? RTPHeader.parse(Array(buffer[0..<received])) else { continue }
            if parsed.header.payloadType == payloadType { count += 1 }
        }
        return count
    }
}

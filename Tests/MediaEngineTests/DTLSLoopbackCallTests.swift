import Foundation
import MediaEngine
import SDP
import Testing
import TestSupport

/// Two RTP sessions on 127.0.0.1 keyed by DTLS-SRTP: A offers `UDP/TLS/RTP/SAVP` with its
/// fingerprint and `setup:actpass`, B answers, the handshake runs on the RTP ports, then A's
/// tone file reaches B's recording through SRTP.
private struct DTLSLoopbackCall {
    let a: RTPCallMediaSession
    let b: RTPCallMediaSession
    let directory: TemporaryDirectory
    var aMedia: NegotiatedMedia
    var bMedia: NegotiatedMedia

    /// `answerSetup`: B's role when A leaves the choice (active = B is the DTLS client).
    static func prepare(codec: String, answerSetup: SetupRole = .active, handshakeTimeout: Duration = .seconds(20)) async throws -> DTLSLoopbackCall {
        let directory = try TemporaryDirectory(prefix: "dtls")
        let samples = AudioAnalysis.sine(frequency: 1000, sampleRate: 48000, count: 48000 * 3 / 2)
        try WAVFile(sampleRate: 48000, samples: samples).write(path: directory.file("tone.wav"))
        var configuration = RTPCallMediaFactory.Configuration()
        configuration.dtlsHandshakeTimeout = handshakeTimeout
        let factory = RTPCallMediaFactory(configuration: configuration)
        let a = try #require(try await factory.prepare(CallMediaRequest(
            localAddress: "127.0.0.1", codecs: [codec], srtp: .mandatory,
            audio: .files(play: directory.file("tone.wav"), record: nil), portRange: 20000...40000, noMediaTimeout: 0)) as? RTPCallMediaSession)
        let b = try #require(try await factory.prepare(CallMediaRequest(
            localAddress: "127.0.0.1", codecs: [codec], srtp: .mandatory,
            audio: .files(play: nil, record: directory.file("heard.wav")), portRange: 20000...40000, noMediaTimeout: 0)) as? RTPCallMediaSession)
        // A offers DTLS only (no SDES keys), as a WebRTC-style peer would.
        var offerCapabilities = a.capabilities
        offerCapabilities.sdesKeys = []
        var answerCapabilities = b.capabilities
        answerCapabilities.dtls?.answerSetup = answerSetup
        var offerer = LocalSDPSession(sessionID: 1)
        var answerer = LocalSDPSession(sessionID: 2)
        let offer = try offerer.makeOffer(offerCapabilities)
        #expect(offer.media.first?.transport == .udpTLSRTPSAVP)
        let answer = try answerer.makeAnswer(to: offer, capabilities: answerCapabilities)
        let bMedia = try #require(answer.media)
        let aMedia = try offerer.processAnswer(answer.answer, toOffer: offer)
        return DTLSLoopbackCall(a: a, b: b, directory: directory, aMedia: aMedia, bMedia: bMedia)
    }

    func apply() async throws {
        try await b.apply(bMedia)
        try await a.apply(aMedia)
    }

    func waitForPackets(_ packets: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while await b.diagnostics().packetsReceived < packets, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// The first `.failed` among a session's events, or nil when none comes within 30 s.
private func firstFailure(_ session: RTPCallMediaSession) async -> String? {
    let deadline = Task {
        try await Task.sleep(for: .seconds(30))
        _ = await session.stop()
    }
    defer { deadline.cancel() }
    for await event in session.events {
        if case .failed(let reason) = event { return reason }
    }
    return nil
}

private func role(_ media: NegotiatedMedia) -> DTLSRole? {
    if case .dtls(let keying) = media.security { return keying.role }
    return nil
}

@Suite("DTLS-SRTP calls on loopback")
struct DTLSLoopbackCallTests {
    @Test("a tone reaches the other side through a DTLS-keyed SRTP session",
          arguments: [("pcmu", SetupRole.active), ("opus", SetupRole.passive)])
    func tone(codec: String, answerSetup: SetupRole) async throws {
        let call = try await DTLSLoopbackCall.prepare(codec: codec, answerSetup: answerSetup)
        #expect(role(call.bMedia) == (answerSetup == .active ? .client : .server))
        #expect(role(call.aMedia) == (answerSetup == .active ? .server : .client))
        try await call.apply()
        try await call.waitForPackets(90)
        let summaryB = await call.b.stop()
        let summaryA = await call.a.stop()
        #expect(summaryA.encryption == "DTLS-SRTP (AEAD_AES_256_GCM)", "\(summaryA.encryption)")
        #expect(summaryB.encryption == "DTLS-SRTP (AEAD_AES_256_GCM)", "\(summaryB.encryption)")
        let statistics = try #require(summaryB.statistics)
        #expect(statistics.packetsReceived >= 90)
        #expect(statistics.encryption == "DTLS-SRTP (AEAD_AES_256_GCM)")
        let heard = AudioAnalysis.trimLeadingSilence(try WAVFile.read(path: call.directory.file("heard.wav")).mono(at: 48000))
        #expect(heard.count > 40000, "heard \(heard.count) samples")
        checkTone(heard, frequency: 1000, label: "DTLS \(codec)")
    }

    @Test("a certificate that does not match the SDP fingerprint ends the media with a clear reason; nothing is heard")
    func fingerprintMismatch() async throws {
        var call = try await DTLSLoopbackCall.prepare(codec: "pcmu")
        // A man in the middle rewrote B's fingerprint in the answer A received.
        let mallory = try DTLSCertificate(commonName: "mallory")
        guard case .dtls(var keying) = call.aMedia.security else { Issue.record("not DTLS"); return }
        keying.remoteFingerprints = [mallory.fingerprint]
        call.aMedia.security = .dtls(keying)
        try await call.apply()
        let reason = await firstFailure(call.a)
        #expect(reason == "DTLS: the peer's certificate does not match the fingerprint in its SDP (sha-256)")
        // B hears A's alert and gives up too.
        let peerReason = await firstFailure(call.b)
        #expect(peerReason?.hasPrefix("DTLS: handshake failed") == true, "\(peerReason ?? "nil")")
        let diagnostics = await call.b.diagnostics()
        let summaryA = await call.a.stop()
        _ = await call.b.stop()
        #expect(diagnostics.packetsReceived == 0)
        #expect(summaryA.statistics?.packetsSent ?? 0 == 0, "no RTP may leave before the keys exist")
    }

    @Test("a peer that never answers the handshake fails the media after the timeout")
    func handshakeTimeout() async throws {
        let call = try await DTLSLoopbackCall.prepare(codec: "pcmu", handshakeTimeout: .seconds(2))
        // Only A starts: B's socket is bound but never answers DTLS.
        try await call.a.apply(call.aMedia)
        let reason = await firstFailure(call.a)
        #expect(reason == "DTLS: no handshake after 2 s")
        _ = await call.a.stop()
        _ = await call.b.stop()
    }
}

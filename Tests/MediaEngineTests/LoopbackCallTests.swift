import Foundation
import MediaEngine
import NIOPosix
import SDP
import Testing
import TestSupport

/// Two RTP sessions on 127.0.0.1 negotiated through SDP's offer/answer, A playing a tone file
/// and B recording what it hears, as two phones would.
private struct LoopbackCall {
    let a: any CallMediaSession
    let b: any CallMediaSession
    let directory: TemporaryDirectory

    static func start(codec: String, srtp: SRTPPolicy = .off, tone: Double, aPlays: Bool = true) async throws -> LoopbackCall {
        let directory = try TemporaryDirectory(prefix: "rtp")
        let samples = AudioAnalysis.sine(frequency: tone, sampleRate: 48000, count: 48000 * 3 / 2)
        try WAVFile(sampleRate: 48000, samples: samples).write(path: directory.file("tone.wav"))
        let factory = RTPCallMediaFactory()
        let a = try await factory.prepare(CallMediaRequest(
            localAddress: "127.0.0.1", codecs: [codec], srtp: srtp,
            audio: .files(play: aPlays ? directory.file("tone.wav") : nil, record: nil), portRange: 20000...40000, noMediaTimeout: 0))
        let b = try await factory.prepare(CallMediaRequest(
            localAddress: "127.0.0.1", codecs: [codec], srtp: srtp,
            audio: .files(play: nil, record: directory.file("heard.wav")), portRange: 20000...40000, noMediaTimeout: 0))
        var offerer = LocalSDPSession(sessionID: 1)
        var answerer = LocalSDPSession(sessionID: 2)
        let offer = try offerer.makeOffer(a.capabilities)
        let answer = try answerer.makeAnswer(to: offer, capabilities: b.capabilities)
        let bMedia = try #require(answer.media)
        let aMedia = try offerer.processAnswer(answer.answer, toOffer: offer)
        try await b.apply(bMedia)
        try await a.apply(aMedia)
        return LoopbackCall(a: a, b: b, directory: directory)
    }

    /// Waits (30 s at most) until B has received `packets` packets.
    func waitForPackets(_ packets: Int) async throws {
        let session = try #require(b as? RTPCallMediaSession)
        let deadline = ContinuousClock.now + .seconds(30)
        while await session.diagnostics().packetsReceived < packets, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    func heard() throws -> [Int16] {
        try WAVFile.read(path: directory.file("heard.wav")).mono(at: 48000)
    }
}

@Suite("RTP sessions on loopback")
struct LoopbackCallTests {
    @Test("a tone sent by A is heard by B", arguments: [("pcmu", 1000.0), ("pcma", 1000.0), ("g722", 5000.0), ("opus", 700.0)])
    func tone(codec: String, frequency: Double) async throws {
        let call = try await LoopbackCall.start(codec: codec, tone: frequency)
        try await call.waitForPackets(90)
        let summaryA = await call.a.stop()
        let summaryB = await call.b.stop()
        #expect(summaryA.codec?.lowercased() == codec && summaryA.encryption == "none")
        let statistics = try #require(summaryB.statistics)
        #expect(statistics.packetsReceived >= 90)
        #expect(statistics.mos >= 1 && statistics.mos <= 4.5)
        let heard = AudioAnalysis.trimLeadingSilence(try call.heard())
        #expect(heard.count > 40000, "heard \(heard.count) samples")
        checkTone(heard, frequency: frequency, label: codec)
    }

    @Test("SDES-SRTP end to end; tampered packets are dropped and counted", arguments: ["pcmu", "opus"])
    func srtp(codec: String) async throws {
        let call = try await LoopbackCall.start(codec: codec, srtp: .mandatory, tone: 1000)
        let port = call.b.capabilities.rtpPort
        try await call.waitForPackets(60)
        // A forged packet: an RTP header and junk where the payload and tag should be.
        let forged: [UInt8] = [0x80, 0x00, 0x12, 0x34, 0, 0, 1, 0, 0xde, 0xad, 0xbe, 0xef] + Array(repeating: 7, count: 180)
        try sendUDP(forged, to: port)
        try await call.waitForPackets(90)
        let b = try #require(call.b as? RTPCallMediaSession)
        var diagnostics = await b.diagnostics()
        let deadline = ContinuousClock.now + .seconds(30)
        while diagnostics.srtpFailures == 0, ContinuousClock.now < deadline {
            // UDP may drop it when the receiver is starved of CPU: send again until counted.
            try sendUDP(forged, to: port)
            try await Task.sleep(for: .milliseconds(100))
            diagnostics = await b.diagnostics()
        }
        let summary = await call.b.stop()
        _ = await call.a.stop()
        #expect(summary.encryption.hasPrefix("SRTP (AEAD_AES_256_GCM"), "\(summary.encryption)")
        #expect(diagnostics.srtpFailures >= 1)
        checkTone(AudioAnalysis.trimLeadingSilence(try call.heard()), frequency: 1000, label: codec)
    }

    @Test("RFC 4733 DTMF end to end")
    func dtmf() async throws {
        let call = try await LoopbackCall.start(codec: "pcmu", tone: 1000, aPlays: false)
        #expect(await call.a.sendDTMF("1#9*"))
        // Stopping B ends its event stream: the deadline for the digits to arrive.
        let deadline = Task { [b = call.b] in
            try await Task.sleep(for: .seconds(30))
            _ = await b.stop()
        }
        var received: [Character] = []
        for await event in call.b.events {
            if case .dtmfReceived(let digit, let duration) = event {
                received.append(digit)
                #expect(duration >= 80 && duration <= 120, "\(duration) ms")
            }
            if received.count == 4 { break }
        }
        deadline.cancel()
        #expect(received == ["1", "#", "9", "*"])
        _ = await call.a.stop()
        _ = await call.b.stop()
    }

    @Test("no RTP from the peer is reported, and its return")
    func watchdog() async throws {
        let factory = RTPCallMediaFactory()
        let a = try await factory.prepare(CallMediaRequest(localAddress: "127.0.0.1", codecs: ["pcmu"], srtp: .off, audio: .null, noMediaTimeout: 1))
        let b = try await factory.prepare(CallMediaRequest(localAddress: "127.0.0.1", codecs: ["pcmu"], srtp: .off, audio: .null, noMediaTimeout: 1))
        var offerer = LocalSDPSession(sessionID: 1)
        var answerer = LocalSDPSession(sessionID: 2)
        let offer = try offerer.makeOffer(a.capabilities)
        let answer = try answerer.makeAnswer(to: offer, capabilities: b.capabilities)
        var aMedia = try offerer.processAnswer(answer.answer, toOffer: offer)
        // B never starts, so A hears nothing.
        try await a.apply(aMedia)
        // Stopping A ends its event stream (next() returns nil): the deadline for the events.
        let deadline = Task {
            try await Task.sleep(for: .seconds(30))
            _ = await a.stop()
        }
        defer { deadline.cancel() }
        var events = a.events.makeAsyncIterator()
        var first = await events.next()
        while case .statistics = first { first = await events.next() }
        #expect(first == .noMediaReceived(seconds: 1))
        try await b.apply(try #require(answer.media))
        var next = await events.next()
        while case .statistics = next { next = await events.next() }
        #expect(next == .mediaRestored)
        aMedia.direction = .sendonly
        try await a.apply(aMedia)
        _ = await a.stop()
        _ = await b.stop()
    }
}

/// The tone must be there, at its frequency and level, in the best 200 ms of the recording.
/// Not the whole recording: with the full suite running on two shared cores, the media clock
/// is sometimes starved long enough for a gap or a concealed stretch (a finding, see the
/// issue note); this checks that the audio path carries the tone, not the machine's load.
func checkTone(_ heard: [Int16], frequency: Double, label: String) {
    let window = 9600
    var best: (share: Double, start: Int) = (0, 0)
    for start in stride(from: 0, to: max(heard.count - window, 0), by: 960) {
        let share = AudioAnalysis.powerShare(at: frequency, in: Array(heard[start..<start + window]), sampleRate: 48000)
        if share > best.share { best = (share, start) }
    }
    #expect(best.share > 0.9, "\(label): best power share \(best.share)")
    guard heard.count >= best.start + window else { return }
    let segment = Array(heard[best.start..<best.start + window])
    let measured = AudioAnalysis.zeroCrossingFrequency(segment, sampleRate: 48000)
    #expect(abs(measured - frequency) < frequency * 0.01, "\(label): \(measured) Hz")
    #expect(abs(AudioAnalysis.rms(segment) - 0.354) < 0.06, "\(label): RMS \(AudioAnalysis.rms(segment))")
}

/// One datagram from a throwaway socket.
private func sendUDP(_ bytes: [UInt8], to port: UInt16) throws {
    let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let sent = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard sent == bytes.count else { throw POSIXError(.EIO) }
}


#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MediaCore
import MediaEngine
import SDP
import Synchronization
import Testing
import TestSupport

/// The delay Dialtone itself adds (issue 6's figure; a benchmark, not a timed test): a raw RTP
/// probe in this process sends PCMU with a 1 kHz burst every second to a real call session whose
/// audio runs through a PulseAudio server started here, playing into a null sink whose monitor
/// is the session's microphone. Each burst therefore goes packet → jitter buffer → decoder →
/// playback queue → sound server → capture queue → encoder → packet, and the probe times it from
/// the packet it sent to the first packet that carries it back: Dialtone's receive plus send
/// pipeline, with the sound server's own buffering. Run by scripts/bench-media.sh (set
/// MEDIA_LATENCY_BENCH=1); skipped otherwise.
@Suite("Media latency benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["MEDIA_LATENCY_BENCH"] != nil))
struct MediaLatencyBenchmarkTests {
    @Test func roundTripThroughTheSoundServer() async throws {
        let pulse = try await PulseAudioServer(sinkName: "latency_sink")
        defer { pulse.stop() }
        let probe = try RTPProbe()
        defer { probe.close() }
        let factory = RTPCallMediaFactory(configuration: .init(pulseServer: pulse.server))
        let session = try await factory.prepare(CallMediaRequest(
            localAddress: "127.0.0.1", codecs: ["pcmu"], srtp: .off,
            audio: .device(playback: pulse.sinkName, capture: pulse.monitorName), noMediaTimeout: 0))
        var ours = LocalSDPSession(sessionID: 1)
        let offer = try ours.makeOffer(session.capabilities)
        let probeSide = LocalMediaCapabilities(address: "127.0.0.1", rtpPort: probe.port, codecs: [.pcmu])
        let answer = try OfferAnswer.makeAnswer(
            to: offer, capabilities: probeSide,
            origin: Origin(username: "-", sessionID: "2", sessionVersion: "2", addressType: .ipv4, address: "127.0.0.1"))
        try await session.apply(try ours.processAnswer(answer.answer, toOffer: offer))

        let bursts = Int(ProcessInfo.processInfo.environment["MEDIA_LATENCY_BURSTS"] ?? "15") ?? 15
        let delays = try await OffPool.run { probe.run(bursts: bursts, to: session.capabilities.rtpPort) }
        _ = await session.stop()
        try #require(delays.count >= bursts / 2, "only \(delays.count) of \(bursts) bursts came back\n\(pulse.process.log())")
        let sorted = delays.sorted()
        let median = sorted[sorted.count / 2]
        // After the first five seconds the queues have worked off any start-up backlog.
        let settled = delays.dropFirst(5).sorted()
        let settledMedian = settled.isEmpty ? median : settled[settled.count / 2]
        print("BENCH latency round_trip_ms median=\(Self.ms(median)) settled_median=\(Self.ms(settledMedian)) min=\(Self.ms(sorted.first!)) max=\(Self.ms(sorted.last!)) bursts=\(delays.count)/\(bursts) (receive+send pipeline incl. PulseAudio, PCMU, default settings)")
    }

    static func ms(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
    }
}

/// A bare RTP endpoint on a blocking UDP socket: sends 20 ms PCMU packets (silence with a
/// 100 ms burst of 1 kHz at the start of every second) and times when each burst comes back.
final class RTPProbe: @unchecked Sendable {
    let socket: Int32
    let port: UInt16

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        self.socket = socket
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw CallMediaError.noPortAvailable(range: 0...0) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        var timeout = timeval(tv_sec: 0, tv_usec: 2000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() { _ = Glibc.close(socket) }

    /// Sends one PCMU packet carrying `samples` (8 kHz) to 127.0.0.1:`port`.
    func sendPCMU(_ samples: [Int16], sequence: Int, timestamp: Int, ssrc: UInt32, to port: UInt16) {
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_addr.s_addr = inet_addr("127.0.0.1")
        remote.sin_port = port.bigEndian
        var packet: [UInt8] = []
        let header = RTPHeader(marker: sequence == 0, payloadType: 0, sequenceNumber: UInt16(truncatingIfNeeded: sequence),
                               timestamp: UInt32(truncatingIfNeeded: timestamp), ssrc: ssrc)
        try? header.write(to: &packet)
        packet += G711.encode(samples, law: .muLaw)
        _ = packet.withUnsafeBytes { bytes in
            withUnsafePointer(to: &remote) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(socket, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// Sends for `bursts` seconds (plus a lead-in) and returns one round trip per burst heard back.
    func run(bursts: Int, to remotePort: UInt16) -> [Duration] {
        let clock = ContinuousClock()
        let start = clock.now + .milliseconds(100)
        let leadIn = 50  // one second of silence first: the jitter buffer and the streams settle
        let total = leadIn + bursts * 50 + 50
        // Burst k plays frequency k % 8, so a burst heard back is matched to the one sent even if
        // the delay exceeded the spacing or a burst was lost.
        let frequencies: [Double] = [500, 700, 900, 1100, 1300, 1500, 1700, 1900]
        var sentBursts: [(frequency: Int, at: ContinuousClock.Instant)] = []
        var delays: [Duration] = []
        var loud = false
        var onset: ContinuousClock.Instant?
        // 100 ms of each burst's frequency, made once.
        let tones = frequencies.map { AudioAnalysis.sine(frequency: $0, sampleRate: 8000, count: 800, amplitude: 0.5) }
        var receiveBuffer = [UInt8](repeating: 0, count: 2048)
        for index in 0..<total {
            let due = start + .milliseconds(20 * index)
            // Receive until this packet is due.
            while clock.now < due {
                let count = receiveBuffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                guard count > 12, let parsed = try? RTPHeader.parse(Array(receiveBuffer[0..<count])),
                      parsed.header.payloadType == 0 else { continue }
                let samples = G711.decode(Array(receiveBuffer[parsed.payloadRange]), law: .muLaw)
                let isLoud = AudioAnalysis.rms(samples) > 0.05
                if isLoud, !loud {
                    onset = clock.now
                } else if isLoud, let heardAt = onset {
                    // The packet after the onset is loud throughout: tell which burst it is.
                    let shares = frequencies.map { AudioAnalysis.powerShare(at: $0, in: samples, sampleRate: 8000) }
                    let which = shares.indices.max { shares[$0] < shares[$1] }!
                    if shares[which] > 0.5, let sent = sentBursts.last(where: { $0.frequency == which && $0.at < heardAt }) {
                        delays.append(heardAt - sent.at)
                    }
                    onset = nil
                }
                loud = isLoud
            }
            let burstIndex = (index - leadIn) / 50
            let inBurst = index >= leadIn && (index - leadIn) % 50 < 5 && index < leadIn + bursts * 50
            var samples = [Int16](repeating: 0, count: 160)
            if inBurst {
                let frame = (index - leadIn) % 50
                samples = Array(tones[burstIndex % 8][frame * 160..<(frame + 1) * 160])
                if frame == 0 { sentBursts.append((burstIndex % 8, clock.now)) }
            }
            sendPCMU(samples, sequence: index, timestamp: index * 160, ssrc: 0x1234_5678, to: remotePort)
        }
        return delays
    }
}

import Foundation
import MediaEngine
import NIOPosix
import SDP
import Testing
import TestSupport

/// CPU per call-second (issue 6's benchmark, not a timed test): two sessions in this process
/// call each other on loopback for `MEDIA_BENCH_SECONDS` with file audio both ways, and
/// getrusage's user+system time is divided by the seconds and by two (two call ends).
/// Run through scripts/bench-media.sh; skipped otherwise.
@Suite("Media benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["MEDIA_BENCH_SECONDS"] != nil))
struct MediaBenchmarkTests {
    @Test("CPU per call-second", arguments: [("pcmu", SRTPPolicy.off), ("pcmu", .mandatory), ("opus", .off), ("opus", .mandatory)])
    func cpu(codec: String, srtp: SRTPPolicy) async throws {
        let seconds = Double(ProcessInfo.processInfo.environment["MEDIA_BENCH_SECONDS"] ?? "10") ?? 10
        let directory = try TemporaryDirectory(prefix: "bench")
        let tone = AudioAnalysis.sine(frequency: 440, sampleRate: 48000, count: Int(48000 * (seconds + 1)))
        try WAVFile(sampleRate: 48000, samples: tone).write(path: directory.file("tone.wav"))
        let factory = RTPCallMediaFactory()
        func request() -> CallMediaRequest {
            CallMediaRequest(localAddress: "127.0.0.1", codecs: [codec], srtp: srtp,
                             audio: .files(play: directory.file("tone.wav"), record: nil), noMediaTimeout: 0)
        }
        let before = usage()
        let a = try await factory.prepare(request())
        let b = try await factory.prepare(request())
        var offerer = LocalSDPSession(sessionID: 1)
        var answerer = LocalSDPSession(sessionID: 2)
        let offer = try offerer.makeOffer(a.capabilities)
        let answer = try answerer.makeAnswer(to: offer, capabilities: b.capabilities)
        try await b.apply(try #require(answer.media))
        try await a.apply(try offerer.processAnswer(answer.answer, toOffer: offer))
        try await Task.sleep(for: .seconds(seconds))
        let summary = await b.stop()
        _ = await a.stop()
        let cpu = usage() - before
        let perCallSecond = cpu / seconds / 2 * 1000
        print("BENCH codec=\(codec) srtp=\(summary.encryption) seconds=\(seconds) cpu_ms_per_call_second=\(String(format: "%.2f", perCallSecond)) (\(String(format: "%.2f", perCallSecond / 10)) % of one core)")
        #expect((summary.statistics?.packetsReceived ?? 0) > 0)
    }

    private func usage() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

import MediaEngine
import Testing
import TestSupport

@Suite("Codecs")
struct CodecTests {
    /// Encodes and decodes one second of a tone in 20 ms frames; the decoded second half
    /// (past any codec start-up) is returned.
    private func roundTrip(_ codec: any AudioCodec, frequency: Double) throws -> [Int16] {
        let tone = AudioAnalysis.sine(frequency: frequency, sampleRate: codec.sampleRate, count: codec.sampleRate)
        var decoded: [Int16] = []
        for start in stride(from: 0, to: tone.count, by: codec.frameSamples) {
            let payload = try codec.encode(Array(tone[start..<start + codec.frameSamples]))
            #expect(!payload.isEmpty)
            decoded += try codec.decode(payload)
        }
        #expect(decoded.count == tone.count)
        return Array(decoded.suffix(codec.sampleRate / 2))
    }

    private func checkTone(_ samples: [Int16], frequency: Double, sampleRate: Int) {
        let measured = AudioAnalysis.zeroCrossingFrequency(samples, sampleRate: sampleRate)
        #expect(abs(measured - frequency) < 5, "measured \(measured) Hz")
        let level = AudioAnalysis.rms(samples)
        // A sine of peak 0.5 has RMS 0.354.
        #expect(level > 0.3 && level < 0.4, "RMS \(level)")
        #expect(AudioAnalysis.powerShare(at: frequency, in: samples, sampleRate: sampleRate) > 0.9)
    }

    @Test("PCMU and PCMA keep a 1 kHz tone", arguments: ["PCMU", "PCMA"])
    func g711(name: String) throws {
        let codec = try CodecFactory().make(name: name)
        #expect(codec.sampleRate == 8000 && codec.rtpClockRate == 8000 && codec.timestampsPerFrame == 160)
        checkTone(try roundTrip(codec, frequency: 1000), frequency: 1000, sampleRate: 8000)
    }

    @Test("G.722 keeps a 5 kHz tone (wideband) and counts RTP time at 8 kHz")
    func g722() throws {
        let codec = try CodecFactory().make(name: "G722")
        #expect(codec.sampleRate == 16000 && codec.rtpClockRate == 8000)
        #expect(codec.timestampsPerFrame == 160 && codec.frameSamples == 320)
        #expect(try codec.encode([Int16](repeating: 0, count: 320)).count == 160)
        checkTone(try roundTrip(codec, frequency: 5000), frequency: 5000, sampleRate: 16000)
    }

    @Test("Opus keeps a 440 Hz and a 7 kHz tone")
    func opus() throws {
        for frequency in [440.0, 7000.0] {
            let codec = try CodecFactory().make(name: "opus")
            #expect(codec.sampleRate == 48000 && codec.timestampsPerFrame == 960)
            checkTone(try roundTrip(codec, frequency: frequency), frequency: frequency, sampleRate: 48000)
        }
    }

    @Test("Opus fmtp: FEC only when the peer can use it, DTX, bitrate cap")
    func opusParameters() throws {
        let parameters = OpusParameters(formatParameters: "minptime=10; useinbandfec=1;usedtx=1;maxaveragebitrate=20000;stereo=0;bogus")
        #expect(parameters == OpusParameters(useInbandFEC: true, useDTX: true, maxAverageBitrate: 20000, stereo: false))
        #expect(OpusParameters(formatParameters: "maxaveragebitrate=99") == OpusParameters())
        let withFEC = try OpusCodec(peer: parameters)
        #expect(withFEC.effectiveFEC && withFEC.effectiveDTX && withFEC.effectiveBitrate == 20000)
        let without = try OpusCodec(peer: OpusParameters(formatParameters: nil))
        #expect(!without.effectiveFEC && !without.effectiveDTX && without.effectiveBitrate == 32000)
    }

    @Test("Opus DTX sends nothing for silence")
    func opusDTX() throws {
        let codec = try OpusCodec(configuration: .init(dtx: true))
        let silence = [Int16](repeating: 0, count: 960)
        var empty = 0
        for _ in 0..<50 where try codec.encode(silence).isEmpty { empty += 1 }
        #expect(empty > 30)
    }

    @Test("Opus recovers a lost frame from the next packet's FEC, else conceals")
    func opusFEC() throws {
        let sender = try OpusCodec(peer: OpusParameters(useInbandFEC: true))
        let receiver = try OpusCodec()
        let tone = AudioAnalysis.sine(frequency: 440, sampleRate: 48000, count: 48000)
        var payloads: [[UInt8]] = []
        for start in stride(from: 0, to: tone.count, by: 960) { payloads.append(try sender.encode(Array(tone[start..<start + 960]))) }
        var output: [Int16] = []
        for index in 0..<40 { output += try receiver.decode(payloads[index]) }
        let recovered = receiver.conceal(next: payloads[41])
        #expect(recovered.count == 960)
        // FEC carries a lower-rate copy of the frame: quieter than the original, far from silent.
        #expect(AudioAnalysis.rms(recovered) > 0.15, "FEC frame RMS \(AudioAnalysis.rms(recovered))")
        output += recovered + (try receiver.decode(payloads[41]))
        let concealed = receiver.conceal(next: nil)
        #expect(concealed.count == 960)
        checkTone(Array(output.suffix(19200)), frequency: 440, sampleRate: 48000)
    }

    @Test("G.711 and G.722 conceal a loss without silence, then fade out")
    func concealment() throws {
        for name in ["PCMU", "G722"] {
            let codec = try CodecFactory().make(name: name)
            _ = try roundTrip(codec, frequency: 400)
            let first = codec.conceal(next: nil)
            #expect(first.count == codec.frameSamples)
            #expect(AudioAnalysis.rms(first) > 0.2, "\(name) first concealed frame")
            var last = first
            for _ in 0..<10 { last = codec.conceal(next: nil) }
            #expect(AudioAnalysis.rms(last) < 0.05, "\(name) long loss fades")
        }
    }

    @Test("malformed payloads and wrong frame sizes are errors")
    func errors() throws {
        #expect(throws: AudioCodecError.self) { try CodecFactory().make(name: "speex") }
        let opus = try CodecFactory().make(name: "opus")
        #expect(throws: AudioCodecError.self) { try opus.decode([]) }
        #expect(throws: AudioCodecError.self) { try opus.encode([0, 1, 2]) }
        // A TOC byte announcing a code-3 packet with no frame count byte is invalid (RFC 6716 §3.2.5).
        #expect(throws: AudioCodecError.self) { try opus.decode([0x03]) }
        let g722 = try CodecFactory().make(name: "G722")
        #expect(throws: AudioCodecError.self) { try g722.decode([]) }
    }

    @Test("the resampler keeps frequency and level across 8, 16 and 48 kHz", arguments: [(8000, 48000), (48000, 8000), (16000, 48000), (48000, 16000), (44100, 48000)])
    func resampler(rates: (Int, Int)) throws {
        let resampler = try Resampler(from: rates.0, to: rates.1)
        let tone = AudioAnalysis.sine(frequency: 1000, sampleRate: rates.0, count: rates.0)
        var output: [Int16] = []
        for start in stride(from: 0, to: tone.count, by: rates.0 / 50) {
            output += resampler.process(Array(tone[start..<min(start + rates.0 / 50, tone.count)]))
        }
        #expect(abs(output.count - rates.1) < rates.1 / 50, "\(output.count) samples")
        checkTone(Array(output.suffix(rates.1 / 2)), frequency: 1000, sampleRate: rates.1)
    }
}

import Foundation
import MediaEngine
import Testing
import TestSupport

@Suite("WAV files")
struct WAVFileTests {
    @Test("serialize then parse gives the same file, mono and stereo")
    func roundTrip() throws {
        for channels in [1, 2] {
            let file = WAVFile(sampleRate: 16000, channels: channels, samples: (0..<640).map { Int16($0 * 37 % 30000 - 15000) })
            #expect(try WAVFile.parse(file.serialized()) == file)
        }
    }

    @Test("the canonical header is what sox writes")
    func header() {
        let bytes = WAVFile(sampleRate: 8000, samples: [1, -1]).serialized()
        #expect(bytes.count == 48)
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[36..<40]) == Array("data".utf8))
        #expect(bytes[22] == 1 && bytes[24] == 0x40 && bytes[25] == 0x1F && bytes[34] == 16)
    }

    @Test("a stereo 44.1 kHz file becomes mono at the device rate, keeping its tone")
    func conversion() throws {
        let left = AudioAnalysis.sine(frequency: 1000, sampleRate: 44100, count: 44100)
        let stereo = WAVFile(sampleRate: 44100, channels: 2, samples: left.flatMap { [$0, $0] })
        let mono = try stereo.mono(at: 48000)
        #expect(abs(mono.count - 48000) < 100)
        let tail = Array(mono.suffix(24000))
        #expect(abs(AudioAnalysis.zeroCrossingFrequency(tail, sampleRate: 48000) - 1000) < 5)
        #expect(abs(AudioAnalysis.rms(tail) - 0.354) < 0.03)
    }

    @Test("sox's files parse (extra chunks, WAVE_FORMAT_EXTENSIBLE)")
    func soxFile() throws {
        let directory = try TemporaryDirectory(prefix: "wav")
        let path = directory.file("sox.wav")
        let sox = Process()
        sox.executableURL = URL(fileURLWithPath: "/usr/bin/sox")
        sox.arguments = ["-n", "-r", "22050", "-c", "2", "-b", "16", path, "synth", "0.5", "sine", "700"]
        try sox.run()
        sox.waitUntilExit()
        let file = try WAVFile.read(path: path)
        #expect(file.sampleRate == 22050 && file.channels == 2 && file.frameCount == 11025)
        let mono = try file.mono(at: 8000)
        #expect(abs(AudioAnalysis.zeroCrossingFrequency(mono, sampleRate: 8000) - 700) < 5)
    }

    @Test("bad files are clear errors", arguments: [
        ([UInt8](), "not a RIFF/WAVE file"),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEdata\u{4}\u{0}\u{0}\u{0}abcd".utf8), "no fmt  chunk"),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt \u{10}\u{0}\u{0}\u{0}\u{1}\u{0}".utf8), "truncated fmt  chunk"),
    ])
    func errors(bytes: [UInt8], message: String) {
        #expect { try WAVFile.parse(bytes) } throws: { ($0 as? WAVFile.ParseError)?.description == message }
    }

    @Test("8-bit and float files are refused with the reason")
    func unsupported() {
        var float = WAVFile(sampleRate: 8000, samples: [0, 0]).serialized()
        float[20] = 3
        #expect { try WAVFile.parse(float) } throws: { ($0 as? WAVFile.ParseError) == .unsupportedFormat(tag: 3, bitsPerSample: 16) }
        #expect(throws: CallMediaError.file(path: "/nonexistent.wav", reason: "cannot read")) { try WAVFile.read(path: "/nonexistent.wav") }
    }

    @Test("random bytes after a valid header never crash the parser")
    func garbage() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var bytes = WAVFile(sampleRate: 8000, samples: [1, 2, 3]).serialized()
            for _ in 0..<4 { bytes[Int.random(in: 12..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            bytes.removeLast(Int.random(in: 0..<30, using: &generator))
            _ = try? WAVFile.parse(bytes)
        }
    }
}

import Foundation
@testable import MediaEngine
import Testing
import TestSupport

/// Recordings are streamed: the file on disk is a valid WAV after every chunk (what a crash
/// leaves behind), and stereo recordings keep the two directions apart.
@Suite struct WAVStreamWriterTests {
    @Test func theFileIsPlayableAfterEveryChunkAndCompleteAfterFinish() throws {
        let directory = try TemporaryDirectory(prefix: "wav-stream")
        let path = directory.file("call.wav")
        let writer = try WAVStreamWriter(path: path, sampleRate: 8000, flushEvery: .milliseconds(100))
        #expect(try WAVFile.read(path: path).samples.isEmpty, "a header alone is an empty, valid WAV")
        let tone = AudioAnalysis.sine(frequency: 440, sampleRate: 8000, count: 8000)
        for start in stride(from: 0, to: 4000, by: 160) { writer.append(Array(tone[start..<start + 160])) }
        writer.waitUntilWritten()
        // 4000 samples appended, flushed in chunks of 800: all of them are on disk and the
        // header's sizes say so, with no finish() — as if the process had been killed here.
        let partial = try WAVFile.read(path: path)
        #expect(partial.samples == Array(tone[0..<4000]))
        let header = try #require(FileManager.default.contents(atPath: path))
        #expect(header.count == 44 + 8000)
        #expect(Array(header[40..<44]) == [0x40, 0x1F, 0, 0], "data size 8000 bytes")
        writer.append(Array(tone[4000..<4100]))
        #expect(writer.finish() == nil)
        #expect(try WAVFile.read(path: path).samples == Array(tone[0..<4100]))
    }

    @Test func aFileThatCannotBeCreatedIsAnErrorNamingIt() {
        #expect(throws: CallMediaError.self) {
            try WAVStreamWriter(path: "/nonexistent-directory/call.wav", sampleRate: 8000)
        }
    }

    @Test func stereoKeepsOursLeftAndTheirsRightWhileMixedSumsThem() throws {
        let directory = try TemporaryDirectory(prefix: "wav-layout")
        let ours = [Int16](repeating: 1000, count: 960)
        let theirs = [Int16](repeating: -300, count: 960)
        let stereo = try CallRecorder(path: directory.file("stereo.wav"), sampleRate: 48000, layout: .stereo)
        stereo.add(sent: ours, heard: theirs)
        #expect(stereo.finish() == nil)
        let stereoFile = try WAVFile.read(path: directory.file("stereo.wav"))
        #expect(stereoFile.channels == 2 && stereoFile.frameCount == 960)
        #expect(stereoFile.samples.prefix(4) == [1000, -300, 1000, -300])
        let mixed = try CallRecorder(path: directory.file("mixed.wav"), sampleRate: 48000, layout: .mixed)
        mixed.add(sent: ours, heard: theirs)
        #expect(mixed.finish() == nil)
        let mixedFile = try WAVFile.read(path: directory.file("mixed.wav"))
        #expect(mixedFile.channels == 1 && mixedFile.samples.allSatisfy { $0 == 700 })
    }
}

import MediaEngine
import Testing

/// The echo test's far end: each played frame comes back as capture exactly `delay` later.
@Suite struct DelayLineAudioDeviceTests {
    @Test func aPlayedFrameIsCapturedAfterTheDelay() {
        let device = DelayLineAudioDevice(sampleRate: 8000, delayMilliseconds: 60)
        #expect(device.delayFrames == 3)
        var captured: [[Int16]] = []
        for tick in 0..<6 {
            captured.append(device.capture() ?? [])
            device.play([Int16](repeating: Int16(tick + 1), count: 160))
        }
        // Three ticks of silence, then frames 1, 2, 3 in order.
        #expect(captured.map { $0.first ?? -1 } == [0, 0, 0, 1, 2, 3])
        #expect(captured.allSatisfy { $0.count == 160 })
    }

    @Test func theDelayCannotGrowWhenCapturesAreSkipped() {
        let device = DelayLineAudioDevice(sampleRate: 8000, delayMilliseconds: 40)
        for tick in 0..<50 { device.play([Int16](repeating: Int16(tick), count: 160)) }
        var drained = 0
        while device.capture() != nil { drained += 1 }
        #expect(drained == 4, "at most twice the delay is kept")
        #expect(device.capture() == nil)
    }
}

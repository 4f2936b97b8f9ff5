import Foundation
import Testing
import TestSupport
@testable import DialtoneConfig

@Suite struct AudioSettingsTests {
    @Test func leftOutEverythingFollowsTheDefaultsWithTheBuiltInRing() throws {
        let audio = try parse(minimalAccount).0.audio
        #expect(audio == AudioSettings())
        #expect(audio.playbackDevice == nil && audio.captureDevice == nil && audio.ringtoneDevice == nil)
        #expect(audio.ringtone == .builtIn)
        #expect(audio.callWaitingTone)
    }

    @Test func devicesRingtoneAndCallWaitingAreRead() throws {
        let directory = try TemporaryDirectory(prefix: "audio-config")
        let ring = directory.file("ring.wav")
        FileManager.default.createFile(atPath: ring, contents: Data([0x52, 0x49, 0x46, 0x46]))
        let text = """
            [audio]
            playback_device = "alsa_output.usb-headset"
            capture_device = "alsa_input.usb-headset"
            ringtone_device = "alsa_output.speakers"
            ringtone = "\(ring)"
            call_waiting_tone = false
            recording = "stereo"

            """ + minimalAccount
        let audio = try parse(text).0.audio
        #expect(audio.recordsStereo)
        #expect(audio.playbackDevice == "alsa_output.usb-headset")
        #expect(audio.captureDevice == "alsa_input.usb-headset")
        #expect(audio.ringtoneDevice == "alsa_output.speakers")
        #expect(audio.ringtone == .file(ring))
        #expect(!audio.callWaitingTone)
        #expect(try parse("[audio]\nringtone = \"off\"\n" + minimalAccount).0.audio.ringtone == .off)
    }

    @Test func mistakesNameTheKeyAndLine() {
        let text = """
            [audio]
            playback_device = ""
            ringtone = "/nonexistent/ring.wav"
            call_waiting_tone = "yes"
            ringtone_devise = "x"
            recording = "both"

            """ + minimalAccount
        let found = problems(text)
        #expect(found.map(\.key).sorted() == [
            "audio.call_waiting_tone", "audio.playback_device", "audio.recording", "audio.ringtone", "audio.ringtone_devise",
        ])
        #expect(problem(text, key: "audio.playback_device")?.line == 2)
        #expect(problem(text, key: "audio.ringtone")?.message.contains("does not exist") == true)
        #expect(problem(text, key: "audio.ringtone_devise")?.suggestion == "ringtone_device")
    }
}

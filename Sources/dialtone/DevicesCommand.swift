import ArgumentParser
import Foundation
import MediaEngine
import PhoneEngine

/// `dialtone devices [--json]`: the sound server's playback and capture devices, by the names
/// `[audio] playback_device`, `capture_device` and `ringtone_device` take.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List the sound devices (PulseAudio or PipeWire's pulse server) by the names the config takes.",
        discussion: "Exit status: 0 listed, 1 no sound server reachable.")

    @Flag(help: "One JSON object: sinks, sources, and the defaults.")
    var json = false

    func run() throws {
        let list: AudioDeviceList
        do {
            list = try PulseAudioDirectory.list()
        } catch {
            FileHandle.standardError.write(Data("dialtone devices: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print(json ? Self.json(list) : Self.text(list), terminator: "")
    }

    static func text(_ list: AudioDeviceList) -> String {
        func lines(_ devices: [AudioDeviceInfo], defaultName: String?) -> String {
            guard !devices.isEmpty else { return "  (none)\n" }
            return devices.map { device in
                let mark = device.name == defaultName ? "*" : " "
                let monitor = device.isMonitor ? " (monitor)" : ""
                return " \(mark) \(device.name)  —  \(device.description)\(monitor)\n"
            }.joined()
        }
        return "Playback (playback_device, ringtone_device):\n" + lines(list.sinks, defaultName: list.defaultSink)
            + "Capture (capture_device):\n" + lines(list.sources, defaultName: list.defaultSource)
            + "* the server's default, used when the config names none\n"
    }

    static func json(_ list: AudioDeviceList) -> String {
        func devices(_ devices: [AudioDeviceInfo]) -> String {
            "[" + devices.map { device in
                JSONLine.render([
                    ("name", .string(device.name)), ("description", .string(device.description)),
                    ("monitor", .bool(device.isMonitor)),
                ])
            }.joined(separator: ",") + "]"
        }
        return "{\"sinks\":\(devices(list.sinks)),\"sources\":\(devices(list.sources)),"
            + "\"default_sink\":\(JSONLine.text(.optionalString(list.defaultSink))),"
            + "\"default_source\":\(JSONLine.text(.optionalString(list.defaultSource)))}\n"
    }
}

import Foundation

/// The sounds a phone makes by itself: the ringtone for an incoming call, and the call-waiting
/// tone heard when a second call arrives during a conversation. Generated as 20 ms frames so a
/// player can stream them at any device rate; pure, so cadence and pitch are unit-tested.
public enum AlertSound: Sendable, Hashable {
    /// Dual tone 440 + 480 Hz, 2 s on, 4 s off: the ringback cadence of ITU-T E.180's North
    /// American plan, recognisable as "a phone ringing" without a sound file.
    case ringtone
    /// 440 Hz for 300 ms every 5 s (the common call-waiting tone): short and quiet enough not
    /// to drown the conversation.
    case callWaiting
    /// A WAV file's samples (already at the player's rate), repeated with `pause` seconds of
    /// silence between plays.
    case samples([Int16], pause: Double)

    /// Frame `index` (20 ms each) of the repeating pattern at `sampleRate`.
    public func frame(_ index: Int, sampleRate: Int) -> [Int16] {
        let count = sampleRate / 50
        let start = index * count
        switch self {
        case .ringtone:
            return Self.tone(start: start, count: count, sampleRate: sampleRate, frequencies: [440, 480],
                             amplitude: 0.25, on: 2.0, period: 6.0)
        case .callWaiting:
            return Self.tone(start: start, count: count, sampleRate: sampleRate, frequencies: [440],
                             amplitude: 0.12, on: 0.3, period: 5.0)
        case .samples(let samples, let pause):
            let period = samples.count + Int(pause * Double(sampleRate))
            guard period > 0 else { return [Int16](repeating: 0, count: count) }
            return (start..<start + count).map { position in
                let offset = position % period
                return offset < samples.count ? samples[offset] : 0
            }
        }
    }

    /// Sines summed over the "on" part of each period; each burst starts and ends with a 5 ms
    /// ramp so it does not click.
    static func tone(start: Int, count: Int, sampleRate: Int, frequencies: [Double], amplitude: Double,
                     on: Double, period: Double) -> [Int16] {
        let rate = Double(sampleRate)
        let ramp = 0.005
        return (start..<start + count).map { position in
            let time = Double(position) / rate
            let phase = time.truncatingRemainder(dividingBy: period)
            guard phase < on else { return 0 }
            let envelope = min(1, phase / ramp, (on - phase) / ramp)
            let value = frequencies.reduce(0.0) { $0 + sin(2 * .pi * $1 * time) } / Double(frequencies.count)
            return Int16(clamping: Int((value * amplitude * envelope * 32767).rounded()))
        }
    }
}

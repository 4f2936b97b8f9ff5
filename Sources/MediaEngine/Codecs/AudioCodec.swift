/// One voice codec: 20 ms frames of mono 16-bit PCM in, RTP payloads out, and back.
///
/// A codec object holds both directions' state (encoder and decoder history), so one object
/// serves one call; it is not thread-safe and lives on the call's event loop.
public protocol AudioCodec: AnyObject {
    /// The name as in SDP's rtpmap, e.g. "PCMU", "G722", "opus".
    var name: String { get }
    /// Rate of the PCM the codec consumes and produces.
    var sampleRate: Int { get }
    /// Rate of the RTP timestamp, which differs from `sampleRate` for G.722 (8000 vs 16000,
    /// RFC 3551 §4.5.2) and may for Opus (always 48000, RFC 7587 §4.1).
    var rtpClockRate: Int { get }
    /// Encodes one frame of `frameSamples` samples. An empty result means "nothing worth
    /// sending" (Opus DTX): the caller skips the packet but advances the timeline.
    func encode(_ pcm: [Int16]) throws(AudioCodecError) -> [UInt8]
    /// Decodes one payload into PCM at `sampleRate`.
    func decode(_ payload: [UInt8]) throws(AudioCodecError) -> [Int16]
    /// A frame is missing: fills it by concealment, or — when the codec carries redundancy
    /// (Opus in-band FEC, RFC 7587 §3.3) and the following packet is at hand — recovers it.
    func conceal(next payload: [UInt8]?) -> [Int16]
}

extension AudioCodec {
    /// Samples in one 20 ms frame at the codec's PCM rate.
    public var frameSamples: Int { sampleRate / 50 }
    /// RTP timestamp units in one 20 ms frame.
    public var timestampsPerFrame: UInt32 { UInt32(rtpClockRate / 50) }
}

public enum AudioCodecError: Error, Sendable, Hashable, CustomStringConvertible {
    case unsupported(String)
    case wrongFrameLength(expected: Int, got: Int)
    case library(String)
    case malformedPayload(String)

    public var description: String {
        switch self {
        case .unsupported(let name): "unsupported codec \(name)"
        case .wrongFrameLength(let expected, let got): "frame of \(got) samples, expected \(expected)"
        case .library(let message): "codec library: \(message)"
        case .malformedPayload(let reason): "malformed payload: \(reason)"
        }
    }
}

import CSpanDSP
import MediaCore

/// G.722 at 64 kbit/s (ITU-T G.722) through spandsp: 16 kHz audio, 160 bytes per 20 ms, but
/// an RTP clock of 8000 — an error in RFC 1890 that RFC 3551 §4.5.2 keeps for compatibility.
public final class G722Codec: AudioCodec {
    public var name: String { "G722" }
    public var sampleRate: Int { 16000 }
    public var rtpClockRate: Int { 8000 }
    private let encoder: OpaquePointer
    private let decoder: OpaquePointer
    /// spandsp has no G.722 concealment: the pitch concealer G.711 uses, at 16 kHz.
    private var concealer = PitchConcealer(frameLength: 320, sampleRate: 16000)

    public init() throws(AudioCodecError) {
        guard let encoder = g722_encode_init(nil, 64000, 0) else { throw .library("g722_encode_init failed") }
        guard let decoder = g722_decode_init(nil, 64000, 0) else {
            g722_encode_free(encoder)
            throw .library("g722_decode_init failed")
        }
        self.encoder = encoder
        self.decoder = decoder
    }

    deinit {
        g722_encode_free(encoder)
        g722_decode_free(decoder)
    }

    public func encode(_ pcm: [Int16]) throws(AudioCodecError) -> [UInt8] {
        guard pcm.count == frameSamples else { throw .wrongFrameLength(expected: frameSamples, got: pcm.count) }
        var out = [UInt8](repeating: 0, count: pcm.count / 2)
        let written = out.withUnsafeMutableBufferPointer { buffer in
            pcm.withUnsafeBufferPointer { g722_encode(encoder, buffer.baseAddress, $0.baseAddress, Int32($0.count)) }
        }
        out.removeLast(max(out.count - Int(written), 0))
        return out
    }

    public func decode(_ payload: [UInt8]) throws(AudioCodecError) -> [Int16] {
        guard !payload.isEmpty, payload.count <= 1920 else { throw .malformedPayload("G.722 payload of \(payload.count) bytes") }
        var pcm = [Int16](repeating: 0, count: payload.count * 2)
        let produced = pcm.withUnsafeMutableBufferPointer { buffer in
            payload.withUnsafeBufferPointer { g722_decode(decoder, buffer.baseAddress, $0.baseAddress, Int32($0.count)) }
        }
        pcm.removeLast(max(pcm.count - Int(produced), 0))
        // Whole 20 ms frames only, as for G.711: other ptimes play as they come.
        if pcm.count == frameSamples { concealer.received(&pcm) }
        return pcm
    }

    public func conceal(next payload: [UInt8]?) -> [Int16] {
        concealer.conceal()
    }
}

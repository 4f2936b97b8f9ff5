import COpus
import CShim

/// Opus (RFC 6716, RTP per RFC 7587) through libopus: mono at 48 kHz, 20 ms frames, the
/// VoIP application mode. In-band FEC and DTX follow the local configuration and the peer's
/// fmtp; lost frames are recovered from the next packet's FEC when it is there
/// (`opus_decode(..., decode_fec: 1)`), else concealed by the decoder's own PLC.
public final class OpusCodec: AudioCodec {
    public struct Configuration: Sendable, Hashable {
        /// Our own wish; the peer's `useinbandfec=1` is needed too (RFC 7587 §6.1).
        public var inbandFEC: Bool
        /// Our own wish; used when we want it or the peer says `usedtx=1`.
        public var dtx: Bool
        public var bitrate: Int
        /// Expected loss, which sizes the FEC the encoder adds.
        public var expectedLossPercent: Int
        public var complexity: Int

        public init(inbandFEC: Bool = true, dtx: Bool = false, bitrate: Int = 32000, expectedLossPercent: Int = 5, complexity: Int = 3) {
            self.inbandFEC = inbandFEC
            self.dtx = dtx
            self.bitrate = bitrate
            self.expectedLossPercent = expectedLossPercent
            self.complexity = complexity
        }
    }

    public var name: String { "opus" }
    public var sampleRate: Int { 48000 }
    public var rtpClockRate: Int { 48000 }
    /// What the encoder was set to after the peer's fmtp was honoured.
    public let effectiveFEC: Bool
    public let effectiveDTX: Bool
    public let effectiveBitrate: Int
    private let encoder: OpaquePointer
    private let decoder: OpaquePointer
    private var packet = [UInt8](repeating: 0, count: 1500)

    public init(configuration: Configuration = Configuration(), peer: OpusParameters = OpusParameters()) throws(AudioCodecError) {
        var error: Int32 = 0
        guard let encoder = opus_encoder_create(48000, 1, OPUS_APPLICATION_VOIP, &error), error == OPUS_OK else {
            throw .library("opus_encoder_create: \(error)")
        }
        guard let decoder = opus_decoder_create(48000, 1, &error), error == OPUS_OK else {
            opus_encoder_destroy(encoder)
            throw .library("opus_decoder_create: \(error)")
        }
        self.encoder = encoder
        self.decoder = decoder
        effectiveFEC = configuration.inbandFEC && peer.useInbandFEC
        effectiveDTX = configuration.dtx || peer.useDTX
        effectiveBitrate = min(configuration.bitrate, peer.maxAverageBitrate ?? .max)
        _ = dt_opus_set_bitrate(encoder, Int32(effectiveBitrate))
        _ = dt_opus_set_inband_fec(encoder, effectiveFEC ? 1 : 0)
        _ = dt_opus_set_packet_loss_percent(encoder, Int32(effectiveFEC ? configuration.expectedLossPercent : 0))
        _ = dt_opus_set_dtx(encoder, effectiveDTX ? 1 : 0)
        _ = dt_opus_set_complexity(encoder, Int32(configuration.complexity))
    }

    deinit {
        opus_encoder_destroy(encoder)
        opus_decoder_destroy(decoder)
    }

    public func encode(_ pcm: [Int16]) throws(AudioCodecError) -> [UInt8] {
        guard pcm.count == frameSamples else { throw .wrongFrameLength(expected: frameSamples, got: pcm.count) }
        let count = packet.withUnsafeMutableBufferPointer { out in
            pcm.withUnsafeBufferPointer { opus_encode(encoder, $0.baseAddress!, Int32(frameSamples), out.baseAddress!, Int32(out.count)) }
        }
        guard count >= 0 else { throw .library("opus_encode: \(count)") }
        // RFC 7587 §3.1.3: with DTX the encoder emits 1–2 byte frames for silence; not sending them
        // is what saves the bandwidth (the receiver conceals, then plays silence).
        if effectiveDTX, count <= 2 { return [] }
        return Array(packet[0..<Int(count)])
    }

    public func decode(_ payload: [UInt8]) throws(AudioCodecError) -> [Int16] {
        guard !payload.isEmpty else { throw .malformedPayload("empty Opus payload") }
        return try run(payload, fec: false)
    }

    public func conceal(next payload: [UInt8]?) -> [Int16] {
        // FEC in what we receive depends on the peer's encoder, not ours; libopus falls back
        // to PLC when the packet carries none.
        if let payload, !payload.isEmpty, let recovered = try? run(payload, fec: true) {
            return recovered
        }
        return (try? run(nil, fec: false)) ?? [Int16](repeating: 0, count: frameSamples)
    }

    /// Up to 120 ms (5760 samples) per packet, the most one Opus packet can hold (RFC 6716 §3.2.5).
    private func run(_ payload: [UInt8]?, fec: Bool) throws(AudioCodecError) -> [Int16] {
        let capacity = fec ? frameSamples : 5760
        var pcm = [Int16](repeating: 0, count: capacity)
        let produced = pcm.withUnsafeMutableBufferPointer { out in
            if let payload {
                return payload.withUnsafeBufferPointer {
                    opus_decode(decoder, $0.baseAddress, Int32($0.count), out.baseAddress!, Int32(capacity), fec ? 1 : 0)
                }
            }
            return opus_decode(decoder, nil, 0, out.baseAddress!, Int32(frameSamples), 0)
        }
        guard produced >= 0 else { throw .malformedPayload("opus_decode: \(produced)") }
        pcm.removeLast(capacity - Int(produced))
        return pcm
    }
}

import MediaCore

/// PCMU or PCMA (ITU-T G.711, RFC 3551 §4.5.14) with MediaCore's concealer (G.711 Appendix I
/// style) for lost frames.
public final class G711Codec: AudioCodec {
    public let law: G711.Law
    public var name: String { law == .muLaw ? "PCMU" : "PCMA" }
    public var sampleRate: Int { 8000 }
    public var rtpClockRate: Int { 8000 }
    private var concealer = PitchConcealer(frameLength: 160, sampleRate: 8000)

    public init(law: G711.Law) {
        self.law = law
    }

    public func encode(_ pcm: [Int16]) throws(AudioCodecError) -> [UInt8] {
        guard pcm.count == frameSamples else { throw .wrongFrameLength(expected: frameSamples, got: pcm.count) }
        return G711.encode(pcm, law: law)
    }

    public func decode(_ payload: [UInt8]) throws(AudioCodecError) -> [Int16] {
        var pcm = G711.decode(payload, law: law)
        // The concealer needs whole frames of history; odd-sized packets (other ptimes) are
        // played as they come and not fed to it.
        if pcm.count == frameSamples { concealer.received(&pcm) }
        return pcm
    }

    public func conceal(next payload: [UInt8]?) -> [Int16] {
        concealer.conceal()
    }
}

import CSpeexDSP

/// Converts mono PCM between two rates with speexdsp's band-limited resampler, keeping its
/// filter state across calls so consecutive frames join without seams.
public final class Resampler {
    public let inputRate: Int
    public let outputRate: Int
    private let state: OpaquePointer?

    /// `quality` 0…10 (speexdsp's scale; 3 is its VoIP default, 5 its desktop default).
    public init(from inputRate: Int, to outputRate: Int, quality: Int32 = 5) throws(AudioCodecError) {
        self.inputRate = inputRate
        self.outputRate = outputRate
        guard inputRate != outputRate else {
            state = nil
            return
        }
        guard (1000...384_000).contains(inputRate), (1000...384_000).contains(outputRate) else {
            throw .unsupported("resampling \(inputRate) Hz to \(outputRate) Hz")
        }
        var error: Int32 = 0
        guard let state = speex_resampler_init(1, UInt32(inputRate), UInt32(outputRate), quality, &error), error == 0 else {
            throw .library("speex_resampler_init: \(error)")
        }
        self.state = state
    }

    deinit {
        if let state { speex_resampler_destroy(state) }
    }

    /// Resamples one block; the output has `input.count × outputRate / inputRate` samples
    /// give or take one (the filter's fractional position carries over to the next block).
    public func process(_ input: [Int16]) -> [Int16] {
        guard let state, !input.isEmpty else { return input }
        var output = [Int16](repeating: 0, count: input.count * outputRate / inputRate + 16)
        var consumed = UInt32(input.count)
        var produced = UInt32(output.count)
        _ = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer {
                speex_resampler_process_int(state, 0, $0.baseAddress, &consumed, out.baseAddress, &produced)
            }
        }
        output.removeLast(output.count - Int(produced))
        return output
    }

    /// Samples the filter holds back (its group delay), which the pipeline's delay figure includes.
    public var latencySamples: Int {
        guard let state else { return 0 }
        return Int(speex_resampler_get_output_latency(state))
    }
}

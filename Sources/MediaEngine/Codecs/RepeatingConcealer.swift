/// The simplest concealment that does not click: repeat the last good frame, halving its
/// level with each further loss, silent after the fourth (80 ms). For codecs without a PLC
/// of their own (G.722: spandsp has none).
struct RepeatingConcealer {
    let frameLength: Int
    private var last: [Int16]
    private var losses = 0

    init(frameLength: Int) {
        self.frameLength = frameLength
        last = [Int16](repeating: 0, count: frameLength)
    }

    mutating func received(_ frame: [Int16]) {
        if frame.count == frameLength { last = frame }
        losses = 0
    }

    mutating func conceal() -> [Int16] {
        losses += 1
        guard losses <= 4 else { return [Int16](repeating: 0, count: frameLength) }
        let shift = losses - 1
        // Reversing the repeated frame keeps its spectrum but avoids a waveform jump at the seam.
        return last.reversed().map { $0 >> Int16(shift) }
    }
}

/// A listening-quality estimate (MOS-CQE) from loss, jitter and round-trip time, through a
/// simplified ITU-T G.107 E-model. It ranks calls and flags bad ones; it is not a measurement.
///
/// The formula, with G.107's default values for everything not measured here:
///
///     R   = R0 − Is − Id − Ie,eff              R0 − Is = 93.2 (G.107 defaults, A = 0)
///     d   = RTT/2 + 2·jitter + framing          one-way mouth-to-ear delay in ms; the jitter
///                                               buffer is assumed to hold about twice the jitter
///     Id  = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3)       (Cole & Rosenbluth's fit of G.107's Idd)
///     Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl / BurstR + Bpl)   (G.107 §3.6, Ppl in percent)
///     MOS = 1 + 0.035·R + R·(R − 60)·(100 − R)·7·10⁻⁶  for 0 < R < 100 (G.107 Annex B)
///
/// Codec constants (G.113 Appendix I): G.711 with PLC Ie = 0, Bpl = 25.1; loss is taken as
/// random (BurstR = 1). With nothing impaired R = 92.7 and MOS ≈ 4.40.
public struct MOSEstimate: Hashable, Sendable {
    /// The equipment impairment constants of one codec.
    public struct Codec: Hashable, Sendable {
        public var equipmentImpairment: Double
        public var packetLossRobustness: Double
        /// Packetisation and algorithmic delay in ms.
        public var framingDelay: Double

        public init(equipmentImpairment: Double, packetLossRobustness: Double, framingDelay: Double) {
            self.equipmentImpairment = equipmentImpairment
            self.packetLossRobustness = packetLossRobustness
            self.framingDelay = framingDelay
        }

        /// G.711 with packet loss concealment, 20 ms frames.
        public static let g711 = Codec(equipmentImpairment: 0, packetLossRobustness: 25.1, framingDelay: 20)
    }

    public var rFactor: Double
    public var mos: Double

    /// - Parameters:
    ///   - lossFraction: 0…1, e.g. `fractionLost / 256` from a report block.
    ///   - jitter: interarrival jitter in seconds.
    ///   - roundTrip: seconds; nil when unknown (counted as zero).
    public init(lossFraction: Double, jitter: Double, roundTrip: Double?, codec: Codec = .g711) {
        let loss = min(max(lossFraction.isFinite ? lossFraction : 0, 0), 1) * 100
        let jitterMilliseconds = max(jitter.isFinite ? jitter : 0, 0) * 1000
        let roundTripMilliseconds = max(roundTrip.flatMap { $0.isFinite ? $0 : nil } ?? 0, 0) * 1000
        let delay = roundTripMilliseconds / 2 + 2 * jitterMilliseconds + codec.framingDelay
        let delayImpairment = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0)
        let ie = codec.equipmentImpairment
        let lossImpairment = ie + (95 - ie) * loss / (loss + codec.packetLossRobustness)
        rFactor = 93.2 - delayImpairment - lossImpairment
        mos = Self.mos(fromR: rFactor)
    }

    /// G.107 Annex B's mapping from R to MOS-CQE.
    public static func mos(fromR r: Double) -> Double {
        if r <= 0 { return 1 }
        if r >= 100 { return 4.5 }
        return 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6
    }
}

/// What a bad network does to one direction of a media stream, decided packet by packet from
/// a seeded generator (so a failing run can be replayed): losses in bursts (a two-state
/// Gilbert model, the usual shape of real loss), random extra delay (jitter), and now and then
/// a packet held back behind the next ones (reordering). Pure: no clock, no sockets.
public struct NetworkImpairment: Sendable {
    public struct Plan: Sendable, Hashable {
        /// Chance per packet that a loss burst starts.
        public var burstStartProbability: Double
        /// A burst loses 1…`maximumBurst` packets in a row.
        public var maximumBurst: Int
        /// Each delivered packet is delayed by 0…this many milliseconds.
        public var maximumJitterMilliseconds: Int
        /// Every `reorderEvery`-th packet is delayed by `reorderDelayMilliseconds` more, so the
        /// next packets overtake it (0: never).
        public var reorderEvery: Int
        public var reorderDelayMilliseconds: Int
        public var seed: UInt64

        public init(burstStartProbability: Double = 0.035, maximumBurst: Int = 3, maximumJitterMilliseconds: Int = 30,
                    reorderEvery: Int = 37, reorderDelayMilliseconds: Int = 45, seed: UInt64 = 6) {
            self.burstStartProbability = burstStartProbability
            self.maximumBurst = max(maximumBurst, 1)
            self.maximumJitterMilliseconds = max(maximumJitterMilliseconds, 0)
            self.reorderEvery = max(reorderEvery, 0)
            self.reorderDelayMilliseconds = reorderDelayMilliseconds
            self.seed = seed
        }
    }

    public enum Decision: Sendable, Hashable {
        case drop
        case deliver(afterMilliseconds: Int, reordered: Bool)
    }

    public let plan: Plan
    private var random: SplitMix64
    private var burstLeft = 0
    /// A burst never starts right after one: two would merge into one longer than `maximumBurst`.
    private var previousDropped = false
    private var index = 0

    public init(_ plan: Plan) {
        self.plan = plan
        random = SplitMix64(seed: plan.seed)
    }

    public mutating func next() -> Decision {
        index += 1
        if burstLeft == 0, !previousDropped, random.unit() < plan.burstStartProbability {
            burstLeft = 1 + Int(random.next() % UInt64(plan.maximumBurst))
        }
        previousDropped = burstLeft > 0
        if burstLeft > 0 {
            burstLeft -= 1
            return .drop
        }
        var delay = Int(random.next() % UInt64(plan.maximumJitterMilliseconds + 1))
        let reordered = plan.reorderEvery > 0 && index % plan.reorderEvery == 0
        if reordered { delay += plan.reorderDelayMilliseconds }
        return .deliver(afterMilliseconds: delay, reordered: reordered)
    }
}


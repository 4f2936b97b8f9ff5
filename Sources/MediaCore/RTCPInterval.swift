/// The deterministic-plus-random RTCP transmission interval of RFC 3550 §6.3.1 and A.7.
public enum RTCPInterval {
    /// Session facts the interval depends on.
    public struct Session: Hashable, Sendable {
        public var members: Int
        public var senders: Int
        /// The RTCP share of the session bandwidth, in octets per second (5 % by default, §6.2).
        public var rtcpBandwidth: Double
        public var weSent: Bool
        /// The smoothed size of RTCP packets, octets including UDP/IP overhead.
        public var averagePacketSize: Double
        /// True before the first report: the minimum is halved (A.7).
        public var initial: Bool

        public init(members: Int, senders: Int, rtcpBandwidth: Double, weSent: Bool, averagePacketSize: Double, initial: Bool) {
            self.members = members
            self.senders = senders
            self.rtcpBandwidth = rtcpBandwidth
            self.weSent = weSent
            self.averagePacketSize = averagePacketSize
            self.initial = initial
        }
    }

    /// A.7's minimum: 5 s, halved before the first report.
    public static let minimum = 5.0

    /// The deterministic interval Td (A.7 before randomisation), in seconds.
    public static func deterministic(_ session: Session) -> Double {
        var bandwidth = session.rtcpBandwidth
        var members = Double(max(session.members, 1))
        let senders = Double(max(session.senders, 0))
        // Senders get a quarter of the RTCP bandwidth when they are a quarter or less of members.
        if senders > 0, senders <= members * 0.25 {
            if session.weSent {
                bandwidth *= 0.25
                members = senders
            } else {
                bandwidth *= 0.75
                members -= senders
            }
        }
        let minimum = session.initial ? minimum / 2 : minimum
        guard bandwidth > 0, bandwidth.isFinite, session.averagePacketSize.isFinite else { return minimum }
        return max(session.averagePacketSize * members / bandwidth, minimum)
    }

    /// The next interval: Td × a random factor in [0.5, 1.5), divided by e − 3/2 to make up
    /// for timer reconsideration (A.7). `random` injects the randomness.
    public static func next(_ session: Session, using random: inout some RandomNumberGenerator) -> MediaTime {
        let factor = Double.random(in: 0.5..<1.5, using: &random)
        return .seconds(deterministic(session) * factor / compensation)
    }

    /// e − 3/2 (A.7's COMPENSATION).
    public static let compensation = 2.718_281_828_459_045 - 1.5
}

/// Reception statistics for every remote source of a session, keyed by SSRC (RFC 3550 §6.4):
/// a new SSRC starts its own A.1 probation, and RR/SR report blocks list every valid source.
public struct RTPReceptionStatistics: Sendable {
    public let clockRate: Int
    public private(set) var sources: [UInt32: RTPSourceStatistics] = [:]
    /// Sources beyond this many are ignored, so a flood of forged SSRCs cannot grow memory.
    public let maximumSources: Int

    public init(clockRate: Int, maximumSources: Int = 31) {
        self.clockRate = clockRate
        self.maximumSources = maximumSources
    }

    /// Feeds one RTP packet; nil when the source table is full and the SSRC is new.
    @discardableResult
    public mutating func receive(_ header: RTPHeader, arrival: MediaTime) -> RTPSourceStatistics.Verdict? {
        if sources[header.ssrc] == nil {
            guard sources.count < maximumSources else { return nil }
            sources[header.ssrc] = RTPSourceStatistics(ssrc: header.ssrc, clockRate: clockRate, firstSequence: header.sequenceNumber)
        }
        return sources[header.ssrc]?.receive(sequence: header.sequenceNumber, timestamp: header.timestamp, arrival: arrival)
    }

    /// Records an SR's NTP timestamp for the LSR/DLSR of the next block about its sender.
    public mutating func senderReportReceived(_ report: RTCPSenderReport, at arrival: MediaTime) {
        sources[report.ssrc]?.senderReportReceived(report.senderInfo.ntpTimestamp, at: arrival)
    }

    /// Forgets a source that said BYE (RFC 3550 §6.6).
    public mutating func remove(ssrc: UInt32) {
        sources[ssrc] = nil
    }

    /// One block per source that has passed probation, in SSRC order, at most 31 (§6.4).
    public mutating func makeReportBlocks(at now: MediaTime) -> [RTCPReportBlock] {
        var blocks: [RTCPReportBlock] = []
        for ssrc in sources.keys.sorted() where blocks.count < 31 {
            guard let source = sources[ssrc], source.received > 0 else { continue }
            if let block = sources[ssrc]?.makeReportBlock(at: now) { blocks.append(block) }
        }
        return blocks
    }
}

/// Round-trip time from a report block (RFC 3550 §6.4.1): A − LSR − DLSR, all in the middle 32
/// bits of NTP time, where A is when the report arrived.
public enum RoundTripTime {
    /// Seconds, or nil when the block carries no LSR (no SR received yet) or the result is
    /// negative (clocks or a bogus report).
    public static func seconds(reportArrival: NTPTimestamp, block: RTCPReportBlock) -> Double? {
        guard block.lastSenderReport != 0 else { return nil }
        let units = reportArrival.middle32 &- block.lastSenderReport &- block.delaySinceLastSenderReport
        let signed = Int32(bitPattern: units)
        return signed < 0 ? nil : Double(signed) / 65536
    }
}

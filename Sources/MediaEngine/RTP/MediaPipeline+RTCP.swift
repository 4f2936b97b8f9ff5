import MediaCore
import NIOCore
import SDP

extension MediaPipeline {
    /// A compound report (RFC 3550 §6.1): SR when we have sent since the start, else RR, then
    /// SDES with our CNAME; also refreshes the statistics the call reports.
    func makeReport(at now: MediaTime, ntp: NTPTimestamp, goodbye: Bool = false) -> OutgoingDatagram? {
        let blocks = reception.makeReportBlocks(at: now)
        updateStatistics(blocks)
        var packets: [RTCPPacket] = []
        if sender.packetCount > 0 {
            packets.append(.senderReport(RTCPSenderReport(ssrc: sender.ssrc, senderInfo: sender.senderInfo(ntp: ntp, at: now), reportBlocks: blocks)))
        } else {
            packets.append(.receiverReport(RTCPReceiverReport(ssrc: sender.ssrc, reportBlocks: blocks)))
        }
        packets.append(.sourceDescription(RTCPSourceDescription(chunks: [.init(ssrc: sender.ssrc, items: [.cname(configuration.cname)])])))
        if goodbye { packets.append(.goodbye(RTCPGoodbye(ssrcs: [sender.ssrc]))) }
        guard !protection.isAwaitingKeys, var bytes = try? RTCPCompoundPacket.serialize(packets) else { return nil }
        if let srtp {
            guard let protected = srtp.outbound.protectRTCP(bytes) else { return nil }
            bytes = protected
        }
        return OutgoingDatagram(bytes: bytes, destination: rtcpDestination, fromRTCPSocket: !media.isRTCPMultiplexed)
    }

    func receiveRTCP(_ bytes: [UInt8], from source: SocketAddress, at now: MediaTime) {
        var packet = bytes
        if let srtp {
            guard let clear = srtp.inbound.unprotectRTCP(bytes) else {
                counters.srtpFailures += 1
                return
            }
            packet = clear
        }
        guard let packets = try? RTCPCompoundPacket.parse(packet) else {
            counters.malformed += 1
            return
        }
        for packet in packets {
            switch packet {
            case .senderReport(let report):
                reception.senderReportReceived(report, at: now)
                noteRoundTrip(report.reportBlocks, at: now)
            case .receiverReport(let report):
                noteRoundTrip(report.reportBlocks, at: now)
            case .sourceDescription, .goodbye, .other:
                continue
            }
        }
    }

    private func noteRoundTrip(_ blocks: [RTCPReportBlock], at now: MediaTime) {
        guard let block = blocks.first(where: { $0.ssrc == sender.ssrc }), let ntp = ntpClock(now) else { return }
        if let seconds = RoundTripTime.seconds(reportArrival: ntp, block: block) { roundTrip = seconds }
    }

    private func updateStatistics(_ blocks: [RTCPReportBlock]) {
        lastStatistics = statistics(blocks)
    }

    /// The statistics the call shows: counts from our reception tables, loss and jitter from
    /// the latest report blocks, RTT from the peer's blocks about us, MOS from all three.
    func statistics(_ blocks: [RTCPReportBlock]? = nil) -> CallMediaStatistics {
        let sources = reception.sources.values
        let received = sources.reduce(0) { $0 + Int($1.received) }
        let lost = sources.reduce(0) { $0 + Int(max($1.cumulativeLost, 0)) }
        let block = blocks?.first
        let lossFraction = block.map { Double($0.fractionLost) / 256 } ?? lastStatistics?.lossFraction ?? 0
        let jitterUnits = sources.map(\.jitter).max() ?? 0
        let jitter = jitterUnits / Double(max(reception.clockRate, 1))
        let mos = MOSEstimate(lossFraction: lossFraction, jitter: jitter, roundTrip: roundTrip)
        return CallMediaStatistics(
            codec: media.codec.encodingName, encryption: encryptionDescription, packetsSent: Int(sender.packetCount),
            packetsReceived: received, packetsLost: lost, lossFraction: lossFraction, jitterMilliseconds: jitter * 1000,
            roundTripMilliseconds: roundTrip.map { $0 * 1000 }, mos: (mos.mos * 100).rounded() / 100)
    }
}

/// The sending side of one RTP stream (RFC 3550 §5.1, RFC 3551 §4.1): numbering, the media
/// timeline, talkspurt markers and the counts an SR reports. It builds headers; the caller
/// appends payloads and sends.
public struct RTPSender: Sendable {
    public let ssrc: UInt32
    public let clockRate: Int
    public private(set) var payloadType: UInt8
    public private(set) var nextSequenceNumber: UInt16
    /// The media timeline: the RTP timestamp the next audio frame will carry.
    public private(set) var nextTimestamp: UInt32
    /// RFC 3551 §4.1: the first packet after silence (and the very first) carries the marker.
    public private(set) var startsTalkspurt = true
    /// SR counts (§6.4.1): packets and payload octets sent since the stream started (mod 2^32).
    public private(set) var packetCount: UInt32 = 0
    public private(set) var octetCount: UInt32 = 0
    /// The last audio frame's timestamp and send time, which anchor the SR's RTP timestamp.
    private var anchor: (timestamp: UInt32, time: MediaTime)?

    /// RFC 3550 §5.1: SSRC, first sequence number and first timestamp are random, here from an
    /// injected generator (the engine passes the system one, tests a seeded one).
    public init(clockRate: Int, payloadType: UInt8, using random: inout some RandomNumberGenerator) {
        ssrc = UInt32.random(in: 0...UInt32.max, using: &random)
        nextSequenceNumber = UInt16.random(in: 0...UInt16.max, using: &random)
        nextTimestamp = UInt32.random(in: 0...UInt32.max, using: &random)
        self.clockRate = min(max(clockRate, 1), 1_000_000)
        self.payloadType = payloadType & 0x7F
    }

    /// The header for the next audio frame of `samples` samples and `payloadCount` octets,
    /// sent at `now`; advances the timeline by the frame.
    public mutating func nextAudioHeader(samples: UInt32, payloadCount: Int, at now: MediaTime) -> RTPHeader {
        let header = RTPHeader(
            marker: startsTalkspurt, payloadType: payloadType, sequenceNumber: nextSequenceNumber,
            timestamp: nextTimestamp, ssrc: ssrc)
        anchor = (nextTimestamp, now)
        nextTimestamp &+= samples
        startsTalkspurt = false
        count(payloadCount)
        return header
    }

    /// DTX or mute: `samples` pass without packets. The timeline still advances (§5.1: the
    /// timestamp reflects sampling time), and the next frame starts a talkspurt.
    public mutating func skipSilence(samples: UInt32) {
        nextTimestamp &+= samples
        startsTalkspurt = true
    }

    /// Switches codec mid-stream (e.g. after a re-INVITE); numbering and timeline continue.
    public mutating func switchPayloadType(to payloadType: UInt8) {
        self.payloadType = payloadType & 0x7F
    }

    /// A header for a packet that keeps its own timestamp (RFC 4733 events reuse the event's
    /// start timestamp) but shares this stream's SSRC and numbering.
    public mutating func nextHeader(payloadType: UInt8, timestamp: UInt32, marker: Bool, payloadCount: Int) -> RTPHeader {
        let header = RTPHeader(
            marker: marker, payloadType: payloadType & 0x7F, sequenceNumber: nextSequenceNumber, timestamp: timestamp, ssrc: ssrc)
        count(payloadCount)
        return header
    }

    private mutating func count(_ payloadCount: Int) {
        nextSequenceNumber &+= 1
        packetCount &+= 1
        octetCount &+= UInt32(truncatingIfNeeded: max(payloadCount, 0))
    }

    /// SR sender info for a report sent at `now`, whose wall-clock reading is `ntp`: the RTP
    /// timestamp is extrapolated from the last frame so receivers can line up streams (§6.4.1).
    public func senderInfo(ntp: NTPTimestamp, at now: MediaTime) -> RTCPSenderInfo {
        var rtpTimestamp = nextTimestamp
        if let anchor {
            let elapsed = now - anchor.time
            let units = elapsed.microseconds / 1_000_000 &* Int64(clockRate) &+ elapsed.microseconds % 1_000_000 * Int64(clockRate) / 1_000_000
            rtpTimestamp = anchor.timestamp &+ UInt32(truncatingIfNeeded: units)
        }
        return RTCPSenderInfo(ntpTimestamp: ntp, rtpTimestamp: rtpTimestamp, packetCount: packetCount, octetCount: octetCount)
    }
}

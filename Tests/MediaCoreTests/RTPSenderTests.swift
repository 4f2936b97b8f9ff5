import MediaCore
import Testing

/// RFC 3550 §5.1 numbering and timeline, RFC 3551 §4.1 talkspurt markers, §6.4.1 SR counts.
@Suite struct RTPSenderTests {
    @Test func randomStartComesFromTheInjectedGenerator() {
        var first = SeededGenerator(seed: 9)
        var again = SeededGenerator(seed: 9)
        var other = SeededGenerator(seed: 10)
        let a = RTPSender(clockRate: 8000, payloadType: 0, using: &first)
        let b = RTPSender(clockRate: 8000, payloadType: 0, using: &again)
        let c = RTPSender(clockRate: 8000, payloadType: 0, using: &other)
        #expect(a.ssrc == b.ssrc && a.nextSequenceNumber == b.nextSequenceNumber && a.nextTimestamp == b.nextTimestamp)
        #expect(a.ssrc != c.ssrc)
    }

    @Test func framesAdvanceSequenceAndTimestampAndWrap() {
        var generator = SeededGenerator(seed: 3)
        var sender = RTPSender(clockRate: 8000, payloadType: 8, using: &generator)
        let firstSequence = sender.nextSequenceNumber
        let firstTimestamp = sender.nextTimestamp
        var headers: [RTPHeader] = []
        for index in 0..<70_000 {
            headers.append(sender.nextAudioHeader(samples: 160, payloadCount: 160, at: .milliseconds(Int64(index) * 20)))
        }
        #expect(headers[0].marker)
        #expect(headers.dropFirst().allSatisfy { !$0.marker })
        #expect(headers.allSatisfy { $0.payloadType == 8 && $0.ssrc == sender.ssrc })
        for (previous, next) in zip(headers, headers.dropFirst()) {
            #expect(next.sequenceNumber == previous.sequenceNumber &+ 1)
            #expect(next.timestamp == previous.timestamp &+ 160)
        }
        #expect(headers[0].sequenceNumber == firstSequence && headers[0].timestamp == firstTimestamp)
        #expect(sender.packetCount == 70_000)
        #expect(sender.octetCount == 70_000 * 160)
    }

    @Test func silenceKeepsTheClockRunningAndMarksTheNextTalkspurt() {
        var generator = SeededGenerator(seed: 4)
        var sender = RTPSender(clockRate: 8000, payloadType: 0, using: &generator)
        let first = sender.nextAudioHeader(samples: 160, payloadCount: 160, at: .zero)
        let second = sender.nextAudioHeader(samples: 160, payloadCount: 160, at: .milliseconds(20))
        for _ in 0..<50 { sender.skipSilence(samples: 160) }  // one second of DTX
        let resumed = sender.nextAudioHeader(samples: 160, payloadCount: 160, at: .milliseconds(1040))
        #expect(first.marker && !second.marker && resumed.marker)
        #expect(resumed.timestamp == second.timestamp &+ 160 * 51)
        #expect(resumed.sequenceNumber == second.sequenceNumber &+ 1)  // no gap in numbering
    }

    @Test func payloadTypeSwitchesAndEventsShareNumbering() {
        var generator = SeededGenerator(seed: 5)
        var sender = RTPSender(clockRate: 8000, payloadType: 0, using: &generator)
        let audio = sender.nextAudioHeader(samples: 160, payloadCount: 160, at: .zero)
        let event = sender.nextHeader(payloadType: 101, timestamp: audio.timestamp, marker: true, payloadCount: 4)
        sender.switchPayloadType(to: 8)
        let switched = sender.nextAudioHeader(samples: 160, payloadCount: 160, at: .milliseconds(20))
        #expect(event.payloadType == 101 && event.marker && event.sequenceNumber == audio.sequenceNumber &+ 1)
        #expect(switched.payloadType == 8 && switched.sequenceNumber == audio.sequenceNumber &+ 2)
        #expect(sender.octetCount == 324)
    }

    @Test func senderInfoPairsTheWallClockWithTheExtrapolatedRTPTime() {
        var generator = SeededGenerator(seed: 6)
        var sender = RTPSender(clockRate: 8000, payloadType: 0, using: &generator)
        let before = sender.senderInfo(ntp: NTPTimestamp(seconds: 1, fraction: 0), at: .zero)
        #expect(before.rtpTimestamp == sender.nextTimestamp && before.packetCount == 0)
        var last = RTPHeader(payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0)
        for index in 0..<10 { last = sender.nextAudioHeader(samples: 160, payloadCount: 160, at: .milliseconds(Int64(index) * 20)) }
        let ntp = NTPTimestamp(seconds: 3_900_000_000, fraction: 0x8000_0000)
        let info = sender.senderInfo(ntp: ntp, at: .milliseconds(180 + 125))  // 125 ms after the last frame
        #expect(info.ntpTimestamp == ntp)
        #expect(info.rtpTimestamp == last.timestamp &+ 1000)
        #expect(info.packetCount == 10 && info.octetCount == 1600)
    }
}

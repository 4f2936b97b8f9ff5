import MediaCore
import Testing

/// RFC 4733 payload, sender machine and receiver; RFC 3389 comfort noise payload.
@Suite struct TelephoneEventTests {
    @Test func payloadLayoutFollowsSection2point3() throws {
        let payload = TelephoneEventPayload(event: 5, isEnd: true, volume: 10, duration: 800)
        #expect(payload.bytes == [0x05, 0x8A, 0x03, 0x20])
        #expect(try TelephoneEventPayload.parse(payload.bytes) == payload)
        // The R bit is ignored on receipt; redundant trailing events are allowed.
        #expect(try TelephoneEventPayload.parse([11, 0x40 | 63, 0xFF, 0xFF, 9, 9, 9, 9]) ==
            TelephoneEventPayload(event: 11, isEnd: false, volume: 63, duration: 65535))
        #expect(throws: TelephoneEventPayload.ParseError.truncated(available: 3)) { try TelephoneEventPayload.parse([1, 2, 3]) }
    }

    @Test func dtmfCharactersMapToEventCodes() {
        #expect("0123456789*#ABCD".compactMap(DTMF.event(for:)) == Array(0...15))
        #expect(DTMF.event(for: "b") == 13)
        #expect(DTMF.event(for: "x") == nil)
        #expect((0...15).compactMap { DTMF.character(for: $0) } == Array("0123456789*#ABCD"))
        #expect(DTMF.character(for: 16) == nil)
    }

    /// Runs the sender until idle, one tick per 50 ms, with the media clock advancing by 400.
    private func transmit(_ digits: String, configuration: TelephoneEventSender.Configuration = .init()) -> [TelephoneEventPacket] {
        var sender = TelephoneEventSender(configuration: configuration)
        #expect(sender.enqueue(digits).isEmpty)
        var packets: [TelephoneEventPacket] = []
        var timestamp: UInt32 = 0xFFFF_FE00  // crosses the 32-bit wrap on the way
        while !sender.isIdle {
            if let packet = sender.tick(timestamp: timestamp) { packets.append(packet) }
            timestamp &+= 400
        }
        return packets
    }

    @Test func senderSendsStartUpdatesAndThreeEnds() {
        let packets = transmit("1", configuration: .init(updateInterval: 400, toneDuration: 1200))
        #expect(packets.map(\.marker) == [true, false, false, false, false])
        #expect(Set(packets.map(\.timestamp)) == [0xFFFF_FE00])
        #expect(packets.map(\.payload.duration) == [400, 800, 1200, 1200, 1200])
        #expect(packets.map(\.payload.isEnd) == [false, false, true, true, true])
        #expect(packets.allSatisfy { $0.payload.event == 1 && $0.payload.volume == 10 })
    }

    @Test func senderPlaysAQueueOfDigitsWithDistinctTimestamps() {
        var sender = TelephoneEventSender()
        #expect(sender.enqueue("12x#") == ["x"])
        var packets: [TelephoneEventPacket] = []
        var timestamp: UInt32 = 0
        var sendingTicks = 0
        while !sender.isIdle {
            if let packet = sender.tick(timestamp: timestamp) { packets.append(packet) }
            if sender.isSending { sendingTicks += 1 }
            timestamp += 400
        }
        let starts = packets.filter(\.marker)
        #expect(starts.map(\.payload.event) == [1, 2, 11])
        #expect(starts.map(\.timestamp) == [0, 1600, 3200])  // start, update/end, 2 more ends: 4 ticks each
        #expect(packets.count == 12)
        #expect(sendingTicks == 9)  // after start and the first two ends, more packets follow
    }

    @Test func receiverReportsOneDigitPerPressThroughDuplicatesAndRetransmittedEnds() {
        var receiver = TelephoneEventReceiver()
        var digits: [TelephoneEventReceiver.Digit] = []
        for packet in transmit("123#") {
            digits += receiver.receive(timestamp: packet.timestamp, payload: packet.payload)
            digits += receiver.receive(timestamp: packet.timestamp, payload: packet.payload)  // duplicated by the network
        }
        #expect(String(digits.compactMap(\.character)) == "123#")
        #expect(digits.allSatisfy { $0.duration == 800 && !$0.endMissing })
        #expect(receiver.flush() == nil)
    }

    @Test func lostStartsAndLostEndsStillYieldEachDigitOnce() {
        let packets = transmit("4567", configuration: .init(updateInterval: 400, toneDuration: 1200))
        var receiver = TelephoneEventReceiver()
        var digits: [TelephoneEventReceiver.Digit] = []
        for (index, packet) in packets.enumerated() {
            let digit = index / 5
            let position = index % 5
            if digit == 0, position == 0 { continue }  // "4": start lost
            if digit == 1, position >= 2 { continue }  // "5": every end packet lost
            if digit == 2, position < 4 { continue }  // "6": only the last end arrives
            digits += receiver.receive(timestamp: packet.timestamp, payload: packet.payload)
            if digit == 3, position == 4 {  // "7": an old update after the end changes nothing
                digits += receiver.receive(timestamp: packet.timestamp, payload: packets[index - 3].payload)
            }
        }
        #expect(String(digits.compactMap(\.character)) == "4567")
        #expect(digits.map(\.duration) == [1200, 800, 1200, 1200])
        #expect(digits.map(\.endMissing) == [false, true, false, false])
    }

    @Test func flushClosesAnEventWhoseEndNeverCame() {
        var receiver = TelephoneEventReceiver()
        #expect(receiver.receive(timestamp: 100, payload: .init(event: 9, isEnd: false, volume: 7, duration: 400)).isEmpty)
        #expect(receiver.hasPendingEvent)
        #expect(receiver.flush() == TelephoneEventReceiver.Digit(event: 9, duration: 400, volume: 7, endMissing: true))
        #expect(receiver.flush() == nil)
        // A straggler of the flushed event does not start it again.
        #expect(receiver.receive(timestamp: 100, payload: .init(event: 9, isEnd: true, volume: 7, duration: 800)).isEmpty)
    }

    @Test func comfortNoisePayload() throws {
        let payload = try ComfortNoisePayload.parse([0x40, 0x12, 0x34])
        #expect(payload.noiseLevel == 64 && payload.levelDBov == -64)
        #expect(payload.reflectionCoefficients == [0x12, 0x34])
        #expect(payload.bytes == [0x40, 0x12, 0x34])
        #expect(try ComfortNoisePayload.parse([127]).levelDBov == -127)
        #expect(throws: ComfortNoisePayload.ParseError.empty) { try ComfortNoisePayload.parse([]) }
        #expect(throws: ComfortNoisePayload.ParseError.reservedBitSet) { try ComfortNoisePayload.parse([0x80]) }
    }
}

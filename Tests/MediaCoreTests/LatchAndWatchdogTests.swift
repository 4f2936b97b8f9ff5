import MediaCore
import Testing

/// Symmetric RTP latching (RFC 4961) and the no-RTP watchdog, as pure decisions.
@Suite struct SymmetricRTPLatchTests {
    private typealias Latch = SymmetricRTPLatch<String>

    private func header(ssrc: UInt32 = 0xA, sequence: UInt16, payloadType: UInt8 = 0) -> RTPHeader {
        RTPHeader(payloadType: payloadType, sequenceNumber: sequence, timestamp: 0, ssrc: ssrc)
    }

    @Test func theFirstValidPacketFromANATtedPeerLatchesAtOnce() {
        var latch = Latch(declaredAddress: "10.0.0.5:4000", acceptedPayloadTypes: [0, 101])
        #expect(latch.received(header(sequence: 1, payloadType: 96), from: "198.51.100.7:61000") == .keep)  // unknown PT
        #expect(latch.received(header(sequence: 1), from: "198.51.100.7:61000") == .switchTo("198.51.100.7:61000"))
        #expect(latch.sendAddress == "198.51.100.7:61000")
        #expect(latch.received(header(sequence: 2), from: "198.51.100.7:61000") == .keep)
    }

    @Test func packetsFromTheDeclaredAddressKeepIt() {
        var latch = Latch(declaredAddress: "192.0.2.1:4000", acceptedPayloadTypes: [0])
        for sequence in UInt16(1)...5 {
            #expect(latch.received(header(sequence: sequence), from: "192.0.2.1:4000") == .keep)
        }
        // A single stray packet from elsewhere with another SSRC does not move the media.
        #expect(latch.received(header(ssrc: 0xBAD, sequence: 900), from: "203.0.113.9:5000") == .keep)
        #expect(latch.received(header(sequence: 6), from: "192.0.2.1:4000") == .keep)
        #expect(latch.received(header(ssrc: 0xBAD, sequence: 901), from: "203.0.113.9:5000") == .keep)
        #expect(latch.sendAddress == "192.0.2.1:4000")
    }

    @Test func aNATRebindingOfTheSameStreamMovesAtOnce() {
        var latch = Latch(declaredAddress: "192.0.2.1:4000", acceptedPayloadTypes: [0])
        _ = latch.received(header(sequence: 100), from: "192.0.2.1:4000")
        #expect(latch.received(header(sequence: 101), from: "192.0.2.1:4444") == .switchTo("192.0.2.1:4444"))
        // The same SSRC but a sequence far away is not a continuation: it needs confirming.
        #expect(latch.received(header(sequence: 30_000), from: "203.0.113.9:5000") == .keep)
    }

    @Test func anotherSourceTakesOverAfterConsecutiveConfirmations() {
        var latch = Latch(declaredAddress: "192.0.2.1:4000", acceptedPayloadTypes: [0], confirmationPackets: 3)
        _ = latch.received(header(sequence: 1), from: "192.0.2.1:4000")
        #expect(latch.received(header(ssrc: 0xB, sequence: 50), from: "192.0.2.2:4000") == .keep)
        #expect(latch.received(header(ssrc: 0xB, sequence: 51), from: "192.0.2.2:4000") == .keep)
        #expect(latch.received(header(ssrc: 0xB, sequence: 52), from: "192.0.2.2:4000") == .switchTo("192.0.2.2:4000"))
        // Interleaved packets from the current address reset a competitor's count.
        #expect(latch.received(header(ssrc: 0xC, sequence: 1), from: "192.0.2.3:4000") == .keep)
        #expect(latch.received(header(ssrc: 0xC, sequence: 2), from: "192.0.2.3:4000") == .keep)
        #expect(latch.received(header(ssrc: 0xB, sequence: 53), from: "192.0.2.2:4000") == .keep)
        #expect(latch.received(header(ssrc: 0xC, sequence: 3), from: "192.0.2.3:4000") == .keep)
        #expect(latch.sendAddress == "192.0.2.2:4000")
    }
}

@Suite struct MediaWatchdogTests {
    @Test func silenceForTheTimeoutReportsOnceAndAPacketRestores() {
        var watchdog = MediaWatchdog(timeout: .seconds(10), start: .zero)
        #expect(watchdog.deadline == .seconds(10))
        #expect(watchdog.packetReceived(at: .seconds(1)) == nil)
        #expect(watchdog.deadline == .seconds(11))
        #expect(watchdog.timerFired(at: .seconds(10)) == nil)  // stale timer: a packet came since
        #expect(watchdog.timerFired(at: MediaTime.seconds(11) - MediaTime(microseconds: 1)) == nil)
        #expect(watchdog.timerFired(at: .seconds(11)) == .mediaTimeout)
        #expect(watchdog.isTimedOut && watchdog.deadline == nil)
        #expect(watchdog.timerFired(at: .seconds(30)) == nil)  // reported once
        #expect(watchdog.packetReceived(at: .seconds(31)) == .mediaRestored)
        #expect(watchdog.deadline == .seconds(41))
        #expect(watchdog.packetReceived(at: .seconds(32)) == nil)
    }

    @Test func noPacketAtAllTimesOutFromTheStart() {
        var watchdog = MediaWatchdog(timeout: .seconds(5), start: .seconds(100))
        #expect(watchdog.timerFired(at: .seconds(105)) == .mediaTimeout)
    }

    @Test func holdPausesWatching() {
        var watchdog = MediaWatchdog(timeout: .seconds(5), start: .zero)
        watchdog.pause()
        #expect(watchdog.deadline == nil)
        #expect(watchdog.timerFired(at: .seconds(60)) == nil)
        #expect(watchdog.packetReceived(at: .seconds(61)) == nil)
        watchdog.resume(at: .seconds(70))
        #expect(watchdog.deadline == .seconds(75))
        #expect(watchdog.timerFired(at: .seconds(75)) == .mediaTimeout)
    }
}

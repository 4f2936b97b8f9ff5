import Foundation
import PhoneEngine
import SIPTransport
import Testing
import TestSupport

/// Two engines, Alice and Bob, calling each other directly on the in-memory network and one
/// virtual clock: the engine's call control and the RFC 3261 timers under it, with no socket,
/// no peer program and no waiting for real time. Each test also checks the SIP the network
/// carried, and every timer rule is checked at its exact virtual time.
@Suite(.timeLimit(.minutes(1))) struct InMemoryCallTests {
    @Test(arguments: [true, false])
    func aCallIsAnsweredAndEndedWithBYEFromEitherSide(callerHangsUp: Bool) async throws {
        let pair = try await InMemoryPair.start()
        let (outgoing, incoming) = try await pair.establish()
        let (hanging, other) = callerHangsUp ? (pair.alice, pair.bob) : (pair.bob, pair.alice)
        let (hangingCall, otherCall) = callerHangsUp ? (outgoing, incoming) : (incoming, outgoing)
        #expect(await hanging.engine.hangUp(hangingCall))
        let ended = try #require(await other.waitFor("ended", call: otherCall))
        if case .ended(_, let reason, let duration) = ended.kind {
            #expect(reason == "Remote party hung up")
            #expect(duration != nil)
        }
        #expect(await hanging.waitFor("ended", call: hangingCall)?.kind.endCode == nil)
        #expect(pair.alice.events(of: outgoing) == ["ringing", "answered", "ended"])
        #expect(pair.bob.events(of: incoming) == ["incoming", "answered", "ended"])
        #expect(await pair.network.wait { $0.contains { $0.isResponse(200, to: "BYE") } })
        let (a, b) = (pair.alice.address.address, pair.bob.address.address)
        let bye = callerHangsUp ? "BYE \(a)→\(b)" : "BYE \(b)→\(a)"
        #expect(pair.requests == ["INVITE \(a)→\(b)", "ACK \(a)→\(b)", bye])
        #expect(pair.responses(180, to: "INVITE").count == 1)
        #expect(pair.responses(200, to: "INVITE").count == 1)  // nothing lost, nothing resent
        #expect(pair.network.carried.allSatisfy { $0.sentAt == .zero })  // no timer was needed
        #expect(pair.network.lost.isEmpty)
        await pair.stop()
    }

    @Test func theCallerCancelsBeforeTheAnswerAndSees487() async throws {
        let pair = try await InMemoryPair.start()
        let outgoing = try await pair.alice.engine.dial(pair.bob.uri)
        let incoming = try #require(await pair.bob.waitFor("incoming"))
        #expect(await pair.alice.waitFor("ringing", call: outgoing) != nil)
        #expect(await pair.alice.engine.hangUp(outgoing))
        #expect(await pair.alice.waitFor("ended", call: outgoing)?.kind.endCode == 487)
        #expect(await pair.bob.waitFor("ended", call: incoming.call)?.kind.endCode == 487)
        #expect(await pair.network.wait { $0.contains { $0.isRequest("ACK") } })
        // RFC 3261 §9.1: CANCEL, its 200, the INVITE's 487, and the ACK of the 487 (§17.1.1.3).
        #expect(pair.requests.map { $0.prefix { $0 != " " } } == ["INVITE", "CANCEL", "ACK"])
        #expect(pair.responses(200, to: "CANCEL").count == 1)
        #expect(pair.responses(487, to: "INVITE").count == 1)
        #expect(pair.responses(200, to: "INVITE").isEmpty)
        await pair.stop()
    }

    @Test(arguments: [(486, "Busy Here"), (603, "Decline")])
    func aRejectedCallEndsWithTheStatusAndReason(code: Int, phrase: String) async throws {
        let pair = try await InMemoryPair.start()
        let outgoing = try await pair.alice.engine.dial(pair.bob.uri)
        let incoming = try #require(await pair.bob.waitFor("incoming"))
        #expect(await pair.bob.engine.reject(incoming.call, statusCode: code, reasonPhrase: phrase))
        let ended = try #require(await pair.alice.waitFor("ended", call: outgoing))
        guard case .ended(let endCode, let reason, let duration) = ended.kind else { return }
        #expect(endCode == code)
        #expect(reason == phrase)
        #expect(duration == nil)
        #expect(await pair.bob.waitFor("ended", call: incoming.call)?.kind.endCode == code)
        #expect(pair.responses(code, to: "INVITE").count == 1)
        #expect(await pair.network.wait { $0.contains { $0.isRequest("ACK") } })
        await pair.stop()
    }

    @Test func holdAndResumeWorkInBothDirections() async throws {
        let pair = try await InMemoryPair.start()
        let (outgoing, incoming) = try await pair.establish()
        // Alice holds Bob, then Bob holds Alice, each followed by a resume (RFC 3264 §8.4).
        let rounds: [(InMemoryPhone, CallID, InMemoryPhone, CallID)] = [
            (pair.alice, outgoing, pair.bob, incoming), (pair.bob, incoming, pair.alice, outgoing),
        ]
        for (holder, held, remote, remoteCall) in rounds {
            #expect(await holder.engine.hold(held))
            #expect(await holder.waitFor("held", call: held) != nil)
            let onHold = try #require(await remote.waitFor("remote_hold", call: remoteCall))
            #expect(onHold.kind == .remoteHold(true))
            #expect(await holder.engine.calls().first?.state == .held)
            #expect(await holder.engine.resume(held))
            #expect(await holder.waitFor("resumed", call: held) != nil)
            let resumed = try #require(await remote.waitFor("remote_hold", call: remoteCall, count: 2))
            #expect(resumed.kind == .remoteHold(false))
        }
        let invites = pair.network.carried.filter { $0.isRequest("INVITE") }
        #expect(invites.map(\.source.address) == [pair.alice, pair.alice, pair.alice, pair.bob, pair.bob].map(\.address.address))
        #expect(invites.map { $0.text.contains("a=sendonly") } == [false, true, false, true, false])
        #expect(pair.responses(200, to: "INVITE").count == 5)
        _ = await pair.alice.engine.hangUp(outgoing)
        #expect(await pair.bob.waitFor("ended", call: incoming) != nil)
        await pair.stop()
    }

    /// RFC 3261 §13.3.1.4: the UAS resends its 2xx at T1, then 2·T1, … until the ACK comes.
    @Test func aLost200OKIsResentAtT1And2T1AndTheCallStillEstablishes() async throws {
        let pair = try await InMemoryPair.start { datagram, earlier in
            guard datagram.isResponse(200, to: "INVITE") else { return .deliver }
            return earlier.filter { $0.isResponse(200, to: "INVITE") }.count < 2 ? .drop : .deliver
        }
        let outgoing = try await pair.alice.engine.dial(pair.bob.uri)
        let incoming = try #require(await pair.bob.waitFor("incoming"))
        #expect(await pair.alice.waitFor("ringing", call: outgoing) != nil)
        #expect(await pair.bob.engine.answer(incoming.call))
        let answers: @Sendable ([CarriedDatagram]) -> Int = { $0.filter { $0.isResponse(200, to: "INVITE") }.count }
        #expect(await pair.network.wait { answers($0) == 1 })
        #expect(await pair.clock.waitForPending { $0.contains(.milliseconds(500)) })
        await pair.clock.advance(by: .milliseconds(500))
        #expect(await pair.network.wait { answers($0) == 2 })
        #expect(await pair.clock.waitForPending { $0.contains(.seconds(1)) })
        #expect(pair.alice.events(of: outgoing) == ["ringing"])  // both 200s lost so far
        await pair.clock.advance(by: .seconds(1))
        #expect(await pair.alice.waitFor("answered", call: outgoing) != nil)
        #expect(await pair.bob.waitFor("answered", call: incoming.call) != nil)
        let sent = pair.responses(200, to: "INVITE")
        #expect(sent.map(\.sentAt) == [.zero, .milliseconds(500), .milliseconds(1500)])
        #expect(sent.map(\.fate) == [.drop, .drop, .deliver])
        #expect(Set(sent.map(\.bytes)).count == 1)
        #expect(await pair.network.wait { $0.contains { $0.isRequest("ACK") } })
        #expect(pair.network.carried.filter { $0.isRequest("INVITE") }.count == 1)  // the 180 stopped Timer A
        _ = await pair.bob.engine.hangUp(incoming.call)
        #expect(await pair.alice.waitFor("ended", call: outgoing) != nil)
        await pair.stop()
    }

    /// RFC 3261 §17.1.1.2: Timer A doubles from T1; Timer B gives up at 64·T1 with a 408. With
    /// one target there is nowhere to fail over to, so no shorter per-attempt limit applies.
    @Test func anINVITEToNobodyTimesOutWith408AfterTimerB() async throws {
        let pair = try await InMemoryPair.start()
        let outgoing = try await pair.alice.engine.dial("sip:nobody@127.0.0.9")
        let invites: @Sendable ([CarriedDatagram]) -> Int = { $0.filter { $0.isRequest("INVITE") }.count }
        #expect(await pair.network.wait { invites($0) == 1 })
        #expect(await pair.clock.waitForPending { $0.contains(.milliseconds(500)) && $0.contains(.seconds(32)) })
        var elapsed = Duration.zero
        for (index, step) in [500, 1000, 2000, 4000, 8000, 16000].enumerated() {
            await pair.clock.advance(by: .milliseconds(step))
            elapsed += .milliseconds(step)
            try #require(await pair.network.wait { invites($0) == index + 2 }, "\(pair.network.carried)")
            let remaining = .seconds(32) - elapsed
            try #require(await pair.clock.waitForPending { $0.contains(remaining) && ($0.contains(.milliseconds(step * 2)) || index == 5) },
                         "\(pair.clock.pendingDelays)")
        }
        #expect(pair.alice.events(of: outgoing).isEmpty)
        await pair.clock.advance(by: .milliseconds(500))
        let ended = try #require(await pair.alice.waitFor("ended", call: outgoing))
        #expect(ended.kind.endCode == 408)
        let sent = pair.network.carried.filter { $0.isRequest("INVITE") }
        #expect(sent.map(\.sentAt) == [0, 500, 1500, 3500, 7500, 15500, 31500].map { Duration.milliseconds($0) })
        // The network's delivery runs on its own task: the last INVITE may still be on its way.
        #expect(await pair.network.wait { $0.filter { $0.isRequest("INVITE") }.allSatisfy(\.reachedNobody) })
        #expect(pair.network.carried.count == 7)  // no CANCEL or ACK for a transaction that never heard back
        await pair.stop()
    }

    /// RFC 3261 §14.1: two re-INVITEs cross, both get 491, and each side retries after its
    /// random wait — the Call-ID's owner (Alice, who called) 2.1–4 s, the other 0–2 s.
    ///
    /// The clock is stepped to one retry at a time, and each exchange is let finish first:
    /// `advance` only starts the engines' work, so running both waits out at once would send
    /// both retries before either was answered and make them cross again.
    @Test func holdingAtOnceResolvesTheGlareWith491AndTheRetryTimer() async throws {
        let crossing = Duration.milliseconds(10)
        let pair = try await InMemoryPair.start { datagram, earlier in
            // Each side's first re-INVITE is held back until both are on the wire, and so are
            // the 491s: a side that had its 491 before the other's re-INVITE (each engine takes
            // responses and requests on paths of their own) would rightly accept that one.
            if datagram.isResponse(491, to: "INVITE") { return .delay(crossing) }
            guard datagram.isRequest("INVITE"), datagram.header("To")?.contains("tag=") == true else { return .deliver }
            let before = earlier.filter { $0.isRequest("INVITE") && $0.source == datagram.source && $0.header("To")?.contains("tag=") == true }
            return before.isEmpty ? .delay(crossing) : .deliver
        }
        let (outgoing, incoming) = try await pair.establish()
        async let aliceHolds = pair.alice.engine.hold(outgoing)
        async let bobHolds = pair.bob.engine.hold(incoming)
        let (aliceHeld, bobHeld) = await (aliceHolds, bobHolds)
        #expect(aliceHeld && bobHeld)
        let reinvites: @Sendable ([CarriedDatagram]) -> [CarriedDatagram] = { carried in
            carried.filter { $0.isRequest("INVITE") && $0.header("To")?.contains("tag=") == true }
        }
        let acks: @Sendable ([CarriedDatagram]) -> Int = { $0.filter { $0.isRequest("ACK") }.count }
        try #require(await pair.network.wait { reinvites($0).count == 2 })
        await pair.clock.advance(by: crossing)
        try #require(await pair.network.wait { $0.filter { $0.isResponse(491, to: "INVITE") }.count == 2 },
                     "\(pair.network.carried.map(\.description))")
        await pair.clock.advance(by: crossing)
        // Both 491s sent and acknowledged (§17.1.1.3): the ACKs after the call's own.
        try #require(await pair.network.wait { $0.filter { $0.isResponse(491, to: "INVITE") }.count == 2 && acks($0) == 3 },
                     "\(pair.network.carried.map(\.description))")
        // Both glare waits armed: the only pending timers up to 4 s once the T1 retransmission
        // timers (Timer A, Timer G, the 2xx's) have stopped.
        let glareWaits: @Sendable ([Duration]) -> [Duration] = { delays in delays.filter { $0 >= .zero && $0 <= .seconds(4) } }
        try #require(await pair.clock.waitForPending { delays in
            !delays.contains(.milliseconds(500)) && glareWaits(delays).count == 2 && glareWaits(delays).contains { $0 >= .milliseconds(2100) }
        }, "\(pair.clock.pendingDelays)")
        let waits = glareWaits(pair.clock.pendingDelays)
        #expect(waits.contains { (Duration.milliseconds(2100)...Duration.seconds(4)).contains($0) })  // the owner's
        #expect(waits.contains { (Duration.zero...Duration.seconds(2)).contains($0) })  // the other side's
        let (bobsWait, alicesWait) = (waits[0], waits[1])

        // Bob's wait ends first: his hold goes through while Alice still waits.
        await pair.clock.advance(by: bobsWait)
        #expect(await pair.bob.waitFor("held", call: incoming) != nil)
        #expect(await pair.alice.waitFor("remote_hold", call: outgoing)?.kind == .remoteHold(true))
        try #require(await pair.network.wait { acks($0) == 4 })
        // Alice's 2xx to Bob's retry acknowledged and Bob's retry transaction done: no T1 timer left.
        try #require(await pair.clock.waitForPending { $0.contains(alicesWait - bobsWait) && !$0.contains(.milliseconds(500)) },
                     "\(pair.clock.pendingDelays)")

        // Then Alice's.
        await pair.clock.advance(by: alicesWait - bobsWait)
        #expect(await pair.alice.waitFor("held", call: outgoing) != nil)
        #expect(await pair.bob.waitFor("remote_hold", call: incoming)?.kind == .remoteHold(true))
        #expect(await pair.network.wait { acks($0) == 5 })
        let sent = reinvites(pair.network.carried)
        #expect(sent.count == 4)
        let retries = sent.dropFirst(2)
        #expect(retries.map(\.source) == [pair.bob.address, pair.alice.address])
        #expect(retries.map(\.sentAt) == [crossing * 2 + bobsWait, crossing * 2 + alicesWait])  // waits from the 491s
        #expect(retries.allSatisfy { $0.fate == .deliver })
        #expect(pair.responses(200, to: "INVITE").count == 3)  // the call and the two retries
        _ = await pair.alice.engine.hangUp(outgoing)
        #expect(await pair.bob.waitFor("ended", call: incoming) != nil)
        await pair.stop()
    }
}

/// RFC 4028 against a peer that is not an engine (Dialtone asks for no session timer itself, but
/// honours one it is asked for): Carol, a few lines of SIP text injected into the network.
@Suite(.timeLimit(.minutes(1))) struct InMemorySessionTimerTests {
    static let carol = SIPSocketAddress(literal: "127.0.0.3", port: 5060)!

    @Test func theCalleeRefreshesAtHalfTheIntervalAndEndsTheCallWhenRefreshesGoUnanswered() async throws {
        let pair = try await InMemoryPair.start()
        let bob = pair.bob
        let network = pair.network
        network.inject(RawParty.invite(to: bob.address), from: Self.carol, to: bob.address)
        let incoming = try #require(await bob.waitFor("incoming"))
        #expect(await bob.engine.answer(incoming.call))
        #expect(await network.wait { $0.contains { $0.isResponse(200, to: "INVITE") } })
        let answer = try #require(pair.responses(200, to: "INVITE").first)
        // RFC 4028 §9: the interval as asked, Bob (the UAS) the refresher as asked.
        #expect(answer.header("Session-Expires")?.replacingOccurrences(of: " ", with: "") == "90;refresher=uas")
        let bobTag = try #require(answer.header("To")?.components(separatedBy: "tag=").last)
        network.inject(RawParty.ack(cseq: 1, toTag: bobTag, to: bob.address), from: Self.carol, to: bob.address)
        #expect(await bob.waitFor("answered", call: incoming.call) != nil)

        // §10: the refresher refreshes at half the interval. The ACK must have stopped the 2xx's
        // retransmission first (no T1 timer left), or running 45 s out would fire its 64·T1
        // give-up (RFC 3261 §13.3.1.4) before the ACK got through.
        try #require(await pair.clock.waitForPending { $0.contains(.seconds(45)) && !$0.contains(.milliseconds(500)) },
                     "\(pair.clock.pendingDelays)")
        await pair.clock.advance(by: .seconds(45))
        let refreshes: @Sendable ([CarriedDatagram]) -> [CarriedDatagram] = { carried in
            carried.filter { ($0.isRequest("INVITE") || $0.isRequest("UPDATE")) && $0.source == bob.address }
        }
        #expect(await network.wait(within: .seconds(5)) { refreshes($0).count == 1 }, "\(network.carried)")
        let refresh = try #require(refreshes(network.carried).first)
        #expect(refresh.sentAt == .seconds(45))
        #expect(refresh.header("Session-Expires")?.hasPrefix("90") == true)
        network.inject(RawParty.ok(refresh, toTag: bobTag), from: Self.carol, to: bob.address)
        if refresh.isRequest("INVITE") {
            #expect(await network.wait { $0.contains { $0.isRequest("ACK") && $0.source == bob.address } })
        }

        // The next refresh, 45 s after the answered one, goes unanswered: Timer B (64·T1) ends
        // the transaction with 408, and a 408 to a re-INVITE ends the dialog (RFC 3261 §14.1).
        try #require(await pair.clock.waitForPending { $0.contains(.seconds(45)) && !$0.contains(.milliseconds(500)) },
                     "\(pair.clock.pendingDelays)")
        await pair.clock.advance(by: .seconds(45))
        #expect(await network.wait { refreshes($0).count >= 2 })
        await pair.clock.advance(by: .seconds(32))
        let ended = try #require(await bob.waitFor("ended", call: incoming.call))
        #expect(ended.kind.endCode == 408)
        #expect(await network.wait { $0.contains { $0.isRequest("BYE") && $0.source == bob.address } })
        let second = refreshes(network.carried).dropFirst()
        #expect(second.first?.sentAt == .seconds(90))
        #expect(second.count > 1)  // retransmitted on Timer A before Timer B gave up
        await pair.stop()
    }
}

/// The SIP text Carol sends: an INVITE asking for a 90 s session timer, its ACK, and 200 OKs.
enum RawParty {
    static let sdp = """
        v=0\r
        o=carol 1 1 IN IP4 127.0.0.3\r
        s=-\r
        c=IN IP4 127.0.0.3\r
        t=0 0\r
        m=audio 40000 RTP/AVP 0 101\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:101 telephone-event/8000\r
        a=sendrecv\r

        """

    static func invite(to bob: SIPSocketAddress) -> [UInt8] {
        message("""
            INVITE sip:bob@\(bob) SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bK-carol-invite;rport
            Max-Forwards: 70
            From: <sip:carol@127.0.0.3>;tag=carol
            To: <sip:bob@\(bob.address)>
            Call-ID: session-timer@127.0.0.3
            CSeq: 1 INVITE
            Contact: <sip:carol@127.0.0.3:5060>
            Supported: timer
            Session-Expires: 90;refresher=uas
            Min-SE: 90
            Content-Type: application/sdp
            """, body: sdp)
    }

    static func ack(cseq: Int, toTag: String, to bob: SIPSocketAddress) -> [UInt8] {
        message("""
            ACK sip:bob@\(bob) SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.3:5060;branch=z9hG4bK-carol-ack-\(cseq);rport
            Max-Forwards: 70
            From: <sip:carol@127.0.0.3>;tag=carol
            To: <sip:bob@\(bob.address)>;tag=\(toTag)
            Call-ID: session-timer@127.0.0.3
            CSeq: \(cseq) ACK
            """, body: "")
    }

    /// A 200 to Bob's refresh: his Via, From, To, Call-ID and CSeq back, Carol's Contact, the
    /// timer kept with Bob (now the UAC) refreshing, and an answer when he offered.
    static func ok(_ request: CarriedDatagram, toTag: String) -> [UInt8] {
        let copied = ["Via", "From", "To", "Call-ID", "CSeq"].compactMap { name in request.header(name).map { "\(name): \($0)" } }
        let offered = request.header("Content-Type") == "application/sdp"
        let head = (["SIP/2.0 200 OK"] + copied + [
            "Contact: <sip:carol@127.0.0.3:5060>", "Require: timer", "Session-Expires: 90;refresher=uac",
        ] + (offered ? ["Content-Type: application/sdp"] : [])).joined(separator: "\n")
        return message(head, body: offered ? sdp : "")
    }

    private static func message(_ head: String, body: String) -> [UInt8] {
        let lines = head.replacingOccurrences(of: "\n", with: "\r\n")
        return Array("\(lines)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }
}

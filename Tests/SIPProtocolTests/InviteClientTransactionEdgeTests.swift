import SIPProtocol
import SIPSyntax
import Testing

/// Transport errors, ignored events and refused starts of the INVITE client transaction
/// (RFC 3261 §17.1.1.2, Figure 5 as updated by RFC 6026 §8.4).
@Suite struct InviteClientTransactionEdgeTests {
    let invite = Messages.invite()

    func start(_ reliability: TransportReliability) throws -> TransactionHarness<InviteClientTransaction> {
        TransactionHarness(try InviteClientTransaction.start(
            invite, key: Messages.clientKey(.invite), reliability: reliability))
    }

    @Test func transportErrorInCallingTerminatesAndInformsTheTU() throws {
        var udp = try start(.unreliable)
        udp.advance(to: ms(700))
        #expect(udp.perform { $0.transportFailed() } == [.cancelTimer(.a), .cancelTimer(.b), .transportError, .terminated])
        #expect(udp.terminationTime == ms(700))
        var tcp = try start(.reliable)
        #expect(tcp.perform { $0.transportFailed() } == [.cancelTimer(.b), .transportError, .terminated])
    }

    @Test func transportErrorSendingTheACKInCompletedTerminates() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(486, to: invite)) }
        harness.advance(to: ms(3000))
        #expect(harness.perform { $0.transportFailed() } == [.cancelTimer(.d), .transportError, .terminated])
        #expect(harness.terminationTime == ms(3000))
    }

    /// Figure 5 has no transport-error arc out of Proceeding or Accepted: the transaction sends
    /// nothing of its own there, so a late report is ignored.
    @Test func transportErrorIsIgnoredInProceedingAndAccepted() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(180, to: invite)) }
        #expect(harness.perform { $0.transportFailed() } == [])
        #expect(harness.machine.state == .proceeding)
        harness.perform { $0.receive(Messages.response(200, to: invite)) }
        #expect(harness.perform { $0.transportFailed() } == [])
        #expect(harness.machine.state == .accepted)
    }

    @Test func timersThatDoNotBelongToTheStateAreIgnored() throws {
        var udp = try start(.unreliable)
        for timer in TransactionTimer.allCases where timer != .a && timer != .b {
            #expect(udp.perform { $0.timerFired(timer) } == [], "\(timer) in Calling")
        }
        udp.perform { $0.receive(Messages.response(183, to: invite)) }
        for timer in TransactionTimer.allCases {
            #expect(udp.perform { $0.timerFired(timer) } == [], "\(timer) in Proceeding")
        }
        var tcp = try start(.reliable)
        #expect(tcp.perform { $0.timerFired(.a) } == [], "Timer A never runs over a reliable transport")
        #expect(tcp.machine.state == .calling(timerA: ms(500)))
    }

    @Test func statusCodesOutsideTheSIPRangeAreIgnored() throws {
        var harness = try start(.unreliable)
        var odd = Messages.response(200, to: invite)
        odd.statusCode = 700
        #expect(harness.perform { $0.receive(odd) } == [])
        odd.statusCode = 99
        #expect(harness.perform { $0.receive(odd) } == [])
        #expect(harness.machine.state == .calling(timerA: ms(500)))
    }

    @Test func everyEventAfterTerminatedIsIgnored() throws {
        var harness = try start(.reliable)
        harness.advance(to: .seconds(40))
        #expect(harness.machine.isTerminated)
        for status in [100, 180, 200, 486] {
            #expect(harness.perform { $0.receive(Messages.response(status, to: invite)) } == [])
        }
        for timer in TransactionTimer.allCases {
            #expect(harness.perform { $0.timerFired(timer) } == [])
        }
        #expect(harness.perform { $0.transportFailed() } == [])
        #expect(harness.times(of: .terminated) == [ms(32_000)])
    }

    @Test func startRefusesANonInviteRequest() {
        #expect(throws: TransactionError.wrongMethod(.options)) {
            try InviteClientTransaction.start(Messages.request(.options), key: Messages.clientKey(.options), reliability: .reliable)
        }
    }

    @Test(arguments: [SIPHeaderName.via, .from, .to, .callID, .cseq])
    func startRefusesAnInviteWithoutWhatTheACKCopies(_ name: SIPHeaderName) {
        var broken = invite
        broken.headers.remove(name)
        #expect(throws: TransactionError.missingHeader(name)) {
            try InviteClientTransaction.start(broken, key: Messages.clientKey(.invite), reliability: .reliable)
        }
    }

    @Test(arguments: ["INVITE", "abc INVITE", "12", "12INVITE", "-1 INVITE", "4294967296 INVITE", ""])
    func startRefusesACSeqWithoutASequenceNumber(_ cseq: String) {
        var broken = invite
        broken.headers.set(.cseq, cseq)
        #expect(throws: TransactionError.malformedCSeq(cseq)) {
            try InviteClientTransaction.start(broken, key: Messages.clientKey(.invite), reliability: .reliable)
        }
    }

    @Test func largestCSeqNumberIsCopiedIntoTheACK() throws {
        var edge = invite
        edge.headers.set(.cseq, "4294967295 INVITE")
        var harness = TransactionHarness(try InviteClientTransaction.start(
            edge, key: Messages.clientKey(.invite), reliability: .reliable))
        harness.perform { $0.receive(Messages.response(500, to: edge)) }
        #expect(harness.sentRequests.last?.headers[.cseq] == "4294967295 ACK")
    }
}

import SIPProtocol
import SIPSyntax
import Testing

/// Transport errors, ignored events and refused starts of the non-INVITE client transaction
/// (RFC 3261 §17.1.2.2, Figure 6).
@Suite struct NonInviteClientTransactionEdgeTests {
    let bye = Messages.request(.bye)

    func start(_ reliability: TransportReliability) throws -> TransactionHarness<NonInviteClientTransaction> {
        TransactionHarness(try NonInviteClientTransaction.start(
            bye, key: Messages.clientKey(.bye), reliability: reliability))
    }

    @Test func transportErrorInTryingOrProceedingTerminatesAndInformsTheTU() throws {
        var trying = try start(.unreliable)
        #expect(trying.perform { $0.transportFailed() } == [.cancelTimer(.e), .cancelTimer(.f), .transportError, .terminated])
        var proceeding = try start(.reliable)
        proceeding.perform { $0.receive(Messages.response(100, to: bye)) }
        #expect(proceeding.perform { $0.transportFailed() } == [.cancelTimer(.f), .transportError, .terminated])
    }

    @Test func transportErrorInCompletedIsIgnored() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(200, to: bye)) }
        #expect(harness.perform { $0.transportFailed() } == [])
        #expect(harness.machine.state == .completed)
    }

    @Test func timersThatDoNotBelongToTheStateAreIgnored() throws {
        var harness = try start(.unreliable)
        for timer in TransactionTimer.allCases where timer != .e && timer != .f {
            #expect(harness.perform { $0.timerFired(timer) } == [], "\(timer) in Trying")
        }
        harness.perform { $0.receive(Messages.response(200, to: bye)) }
        for timer in TransactionTimer.allCases where timer != .k {
            #expect(harness.perform { $0.timerFired(timer) } == [], "\(timer) in Completed")
        }
        var tcp = try start(.reliable)
        #expect(tcp.perform { $0.timerFired(.e) } == [], "Timer E never runs over a reliable transport")
    }

    @Test func everyEventAfterTerminatedIsIgnored() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(200, to: bye)) }
        harness.advance(to: .seconds(10))
        #expect(harness.machine.isTerminated)
        for status in [100, 200, 500] {
            #expect(harness.perform { $0.receive(Messages.response(status, to: bye)) } == [])
        }
        for timer in TransactionTimer.allCases {
            #expect(harness.perform { $0.timerFired(timer) } == [])
        }
        #expect(harness.perform { $0.transportFailed() } == [])
    }

    @Test(arguments: [SIPMethod.invite, .ack])
    func startRefusesInviteAndACK(_ method: SIPMethod) {
        #expect(throws: TransactionError.wrongMethod(method)) {
            try NonInviteClientTransaction.start(Messages.request(method), key: Messages.clientKey(method), reliability: .reliable)
        }
    }

    /// CANCEL runs as its own non-INVITE transaction with the INVITE's branch (RFC 3261 §9.1);
    /// it keeps retransmitting on its own Timer E and ends on its own 200.
    @Test func cancelIsAnOrdinaryNonInviteClientTransaction() throws {
        let cancel = Messages.request(.cancel, cseq: 314_159)
        var harness = TransactionHarness(try NonInviteClientTransaction.start(
            cancel, key: Messages.clientKey(.cancel), reliability: .unreliable))
        #expect(harness.machine.key != Messages.clientKey(.invite))
        harness.advance(to: ms(1600))
        harness.perform { $0.receive(Messages.response(200, to: cancel)) }
        harness.advance(to: .seconds(10))
        #expect(harness.sendTimes == ms([0, 500, 1500]))
        #expect(harness.terminationTime == ms(6600))
    }
}

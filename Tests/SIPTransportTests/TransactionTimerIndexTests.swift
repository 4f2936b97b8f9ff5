import NIOCore
import SIPProtocol
import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// The transaction layer keeps its timers by transaction: ending one transaction cancels only
/// its own timers (no scan of everyone's — a SIP flood leaves thousands pending), and ended
/// transactions leave neither timers nor entries behind.
@Suite(.timeLimit(.minutes(1))) struct TransactionTimerIndexTests {
    static let (alice, bob) = (InMemoryNetworkTests.alice, InMemoryNetworkTests.bob)

    @Test func cancellingTheTimersOfManyTransactionsLeavesNonePending() async throws {
        let clock = ManualClock()
        try await withEventLoop { group in
            let transport = SIPTransportLayer(configuration: .init(userAgent: "index"), group: group, clock: clock)
            let layer = TransactionLayer(transport: transport, clock: clock)
            let keys = (0..<400).map { TransactionKey.client(branch: "z9hG4bK-\($0)", method: $0.isMultiple(of: 2) ? .invite : .options) }
            await Self.arm(layer, keys)
            #expect(await layer.pendingTimerCount == 1200)
            #expect(clock.pendingDelays.count == 1200)
            // Re-arming a timer replaces it (and cancels the old one) instead of adding a second.
            await Self.arm(layer, Array(keys.prefix(10)))
            #expect(await layer.pendingTimerCount == 1200)
            #expect(clock.pendingDelays.count == 1200)
            await Self.cancelAll(layer, Array(keys.dropLast()))
            #expect(await layer.pendingTimerCount == 3)
            #expect(clock.pendingDelays == [.milliseconds(500), .seconds(5), .seconds(32)])
            await Self.cancel(layer, .e, of: keys[keys.count - 1])
            #expect(clock.pendingDelays == [.seconds(5), .seconds(32)])
            #expect(await layer.pendingTimerCount == 2)
            await Self.cancelAll(layer, [keys[keys.count - 1]])
            #expect(await layer.pendingTimerCount == 0)
            #expect(clock.pendingDelays.isEmpty)
            await transport.shutdown()
        }
    }

    /// Many OPTIONS between two layers: each client ends on Timer K (T4, §17.1.2.2) and each
    /// server on Timer J (64·T1, §17.2.2); afterwards nothing of them is left.
    @Test func manyAnsweredTransactionsReleaseTheirTimersAndEntries() async throws {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        try await withEventLoop { group in
            let a = try await InMemoryNetworkTests.node(Self.alice, network, clock, group: group)
            let b = try await InMemoryNetworkTests.node(Self.bob, network, clock, group: group)
            let codes = await withTaskGroup(of: Int.self) { tasks in
                for _ in 0..<300 {
                    tasks.addTask { await a.layer.send(Make.options(to: "sip:127.0.0.2"), over: b.targets(.udp)).response.statusCode }
                }
                return await tasks.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(codes == Array(repeating: 200, count: 300))
            #expect(await a.layer.pendingTimerCount == 300)  // Timer K each
            #expect(await b.layer.pendingTimerCount == 300)  // Timer J each
            #expect(await a.layer.transactionCount == 300)
            await clock.advance(by: .seconds(32))
            #expect(await a.layer.pendingTimerCount == 0)
            #expect(await b.layer.pendingTimerCount == 0)
            #expect(await a.layer.transactionCount == 0)
            #expect(await b.layer.transactionCount == 0)
            #expect(clock.pendingDelays.isEmpty)
            await a.shutdown()
            await b.shutdown()
        }
        await network.shutdown()
    }

    /// Timers as a client transaction on UDP arms them: A/E at T1, K at T4, B/F at 64·T1.
    private static func arm(_ layer: TransactionLayer, _ keys: [TransactionKey]) async {
        for key in keys {
            await layer.startTimer(.e, after: .milliseconds(500), for: key)
            await layer.startTimer(.k, after: .seconds(5), for: key)
            await layer.startTimer(.f, after: .seconds(32), for: key)
        }
    }

    private static func cancelAll(_ layer: TransactionLayer, _ keys: [TransactionKey]) async {
        for key in keys { await layer.cancelTimers(of: key) }
    }

    private static func cancel(_ layer: TransactionLayer, _ timer: TransactionTimer, of key: TransactionKey) async {
        await layer.cancelTimer(timer, for: key)
    }
}

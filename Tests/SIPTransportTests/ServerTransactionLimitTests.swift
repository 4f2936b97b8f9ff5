import SIPProtocol
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// A flood of requests cannot hold memory without bound: past the configured number of server
/// transactions, new requests are refused with 503 and Retry-After (RFC 3261 §21.5.4) without
/// a transaction of their own, and the layer takes requests again once Timer J has ended some.
@Suite(.timeLimit(.minutes(1))) struct ServerTransactionLimitTests {
    static let (alice, bob) = (InMemoryNetworkTests.alice, InMemoryNetworkTests.bob)

    @Test func requestsBeyondTheLimitAre503WithRetryAfterUntilTimerJEndsSome() async throws {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        try await withEventLoop { group in
            let a = try await InMemoryNetworkTests.node(Self.alice, network, clock, group: group)
            let b = try await InMemoryNetworkTests.node(Self.bob, network, clock, group: group, maximumServerTransactions: 5)
            var responses: [SIPResponse] = []
            for _ in 0..<8 {
                responses.append(await a.layer.send(Make.options(to: "sip:127.0.0.2"), over: b.targets(.udp)).response)
            }
            #expect(responses.map(\.statusCode) == [200, 200, 200, 200, 200, 503, 503, 503])
            #expect(responses.last?.headers[.retryAfter] == "16")
            #expect(await b.layer.transactionCount == 5, "refusals hold no transaction")
            let overloaded = await b.events.first { event in
                if case .overloaded(let reason, _) = event { reason.hasSuffix("refused with 503 until some end") } else { false }
            }
            #expect(overloaded != nil)

            await clock.advance(by: .seconds(32))  // Timer J (64·T1) ends the five
            #expect(await b.layer.transactionCount == 0)
            let after = await a.layer.send(Make.options(to: "sip:127.0.0.2"), over: b.targets(.udp)).response
            #expect(after.statusCode == 200)
            let over = await b.events.first { event in
                if case .overloaded(let reason, _) = event { reason == "over: 3 requests were refused with 503" } else { false }
            }
            #expect(over != nil)
            await a.shutdown()
            await b.shutdown()
        }
        await network.shutdown()
    }
}

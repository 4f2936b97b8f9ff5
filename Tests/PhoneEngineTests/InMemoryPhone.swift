import Foundation
import MediaEngine
import PhoneEngine
import SIPTransport
import Testing
import TestSupport

/// A phone on the in-memory network: an engine listening on UDP `address:5060` (a label, no
/// kernel socket), one account that does not register, no history, signaling-only media, and the
/// virtual clock it shares with the network and the other phones.
struct InMemoryPhone {
    let engine: PhoneEngine
    let watcher: EngineWatcher
    let user: String
    let address: SIPSocketAddress

    /// `sip:user@127.0.0.x`: reached directly, port 5060 by RFC 3263 §4.2's default.
    var uri: String { "sip:\(user)@\(address.address)" }

    static func start(
        _ user: String, at host: String, on network: InMemoryNetwork, clock: ManualClock, media: (any CallMediaFactory)? = nil,
        accountSettings: String = ""
    ) async throws -> InMemoryPhone {
        let toml = """
            [general]
            listen = ["udp:\(host):5060"]

            [[accounts]]
            name = "\(user)"
            aor = "sip:\(user)@\(host)"
            register = false
            mwi = false
            \(accountSettings)

            """
        var options = EngineOptions(clock: clock, dns: UnavailableDNSClient(), history: .none)
        options.network = network
        options.mediaFactory = media
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml), options: options)
        let watcher = EngineWatcher(engine)
        let bound = try await engine.start()
        let address = try #require(bound.first?.local)
        return InMemoryPhone(engine: engine, watcher: watcher, user: user, address: address)
    }

    func stop() async {
        await engine.shutdown()
    }

    /// Waits for the `count`th call event of this kind (by its JSON name) and returns it.
    func waitFor(_ name: String, call: CallID? = nil, count: Int = 1) async -> CallNotification? {
        let matching: @Sendable (EngineWatcher.State) -> [CallNotification] = { state in
            state.callEvents.filter { $0.kind.name == name && (call == nil || $0.call == call) }
        }
        _ = await watcher.wait { matching($0).count >= count }
        let found = matching(watcher.current)
        return found.count >= count ? found[count - 1] : nil
    }

    /// The names of the events of one call, in order.
    func events(of call: CallID) -> [String] {
        watcher.current.callEvents.filter { $0.call == call }.map(\.kind.name)
    }
}

/// Alice (127.0.0.1) and Bob (127.0.0.2) on one network and one virtual clock.
struct InMemoryPair {
    let clock: ManualClock
    let network: InMemoryNetwork
    let alice: InMemoryPhone
    let bob: InMemoryPhone

    /// `bobsMedia` replaces Bob's signaling-only media (to slow or fail its preparation);
    /// `bobsAccount` adds TOML lines to his account.
    static func start(
        impairment: InMemoryNetwork.Rule? = nil, bobsMedia: (any CallMediaFactory)? = nil, bobsAccount: String = ""
    ) async throws -> InMemoryPair {
        let clock = ManualClock()
        let network = InMemoryNetwork(clock: clock)
        network.impair(impairment)
        let alice = try await InMemoryPhone.start("alice", at: "127.0.0.1", on: network, clock: clock)
        let bob = try await InMemoryPhone.start("bob", at: "127.0.0.2", on: network, clock: clock, media: bobsMedia, accountSettings: bobsAccount)
        return InMemoryPair(clock: clock, network: network, alice: alice, bob: bob)
    }

    /// Alice calls Bob and Bob answers; returns both sides' call ids once both saw `answered`.
    func establish() async throws -> (outgoing: CallID, incoming: CallID) {
        let outgoing = try await alice.engine.dial(bob.uri)
        let incoming = try #require(await bob.waitFor("incoming"))
        #expect(await alice.waitFor("ringing", call: outgoing) != nil)
        #expect(await bob.engine.answer(incoming.call))
        #expect(await alice.waitFor("answered", call: outgoing) != nil)
        #expect(await bob.waitFor("answered", call: incoming.call) != nil)
        return (outgoing, incoming.call)
    }

    func stop() async {
        await alice.stop()
        await bob.stop()
        await network.shutdown()
    }

    /// Requests carried, as "METHOD source→destination" lines.
    var requests: [String] {
        network.carried.compactMap { datagram in datagram.method.map { "\($0) \(datagram.source.address)→\(datagram.destination.address)" } }
    }

    /// The datagrams answering `method` with `code`.
    func responses(_ code: Int, to method: String) -> [CarriedDatagram] {
        network.carried.filter { $0.isResponse(code, to: method) }
    }
}

import Foundation
import MediaEngine
import PhoneEngine
import SIPTransport
import Synchronization
import Testing
import TestSupport

/// Answering the instant a call arrives: the engine already knows the call while its media is
/// still being prepared (ports bound, keys made), and an answer pressed then must not be lost.
@Suite(.timeLimit(.minutes(1))) struct InMemoryAnswerTests {
    @Test func anAnswerGivenWhileTheMediaIsPreparedIsCarriedOutWhenItIsReady() async throws {
        let media = GatedMediaFactory()
        let pair = try await InMemoryPair.start(bobsMedia: media)
        let outgoing = try await pair.alice.engine.dial(pair.bob.uri)
        #expect(await media.waitUntilAsked())
        let preparing = try #require(await pair.bob.engine.calls().first)
        #expect(pair.bob.events(of: preparing.id).isEmpty)  // no session yet: nothing to answer
        #expect(await pair.bob.engine.answer(preparing.id))
        #expect(pair.responses(200, to: "INVITE").isEmpty)
        media.open()
        #expect(await pair.alice.waitFor("answered", call: outgoing) != nil)
        #expect(await pair.bob.waitFor("answered", call: preparing.id) != nil)
        #expect(pair.bob.events(of: preparing.id) == ["incoming", "answered"])
        // It rang first (RFC 3261 §13.3.1.1), then answered once.
        #expect(await pair.network.wait { $0.contains { $0.isResponse(200, to: "INVITE") } })
        let statuses = pair.network.carried.filter { $0.cseqMethod == "INVITE" }.compactMap(\.statusCode)
        #expect(statuses.filter { $0 > 100 } == [180, 200])
        #expect(await pair.network.wait { $0.contains { $0.isRequest("ACK") } })
        #expect(await pair.bob.engine.answer(preparing.id) == false)  // answered already
        _ = await pair.alice.engine.hangUp(outgoing)
        #expect(await pair.bob.waitFor("ended", call: preparing.id) != nil)
        await pair.stop()
    }

    @Test func anAnswerGivenWhileTheMediaFailsEndsTheCallWithTheReason() async throws {
        let media = GatedMediaFactory()
        let pair = try await InMemoryPair.start(bobsMedia: media)
        let outgoing = try await pair.alice.engine.dial(pair.bob.uri)
        #expect(await media.waitUntilAsked())
        let preparing = try #require(await pair.bob.engine.calls().first)
        #expect(await pair.bob.engine.answer(preparing.id))
        media.fail(.noPortAvailable(range: 40000...40001))
        let ended = try #require(await pair.bob.waitFor("ended", call: preparing.id))
        guard case .ended(_, let reason, let duration) = ended.kind else { return }
        #expect(reason.hasPrefix("Audio could not start: "), "\(reason)")
        #expect(reason.contains("no free RTP port in 40000-40001"), "\(reason)")
        #expect(duration == nil)
        #expect(pair.bob.events(of: preparing.id) == ["ended"])
        #expect(await pair.alice.waitFor("ended", call: outgoing)?.kind.endCode == 503)
        #expect(pair.responses(200, to: "INVITE").isEmpty)
        #expect(await pair.bob.engine.answer(preparing.id) == false)
        await pair.stop()
    }

    @Test func answeringAnOutgoingCallIsRefused() async throws {
        let pair = try await InMemoryPair.start()
        let (outgoing, _) = try await pair.establish()
        #expect(await pair.alice.engine.answer(outgoing) == false)
        _ = await pair.alice.engine.hangUp(outgoing)
        await pair.stop()
    }
}

/// Media whose preparation waits until the test opens the gate (then it is signaling-only
/// media) or fails it.
final class GatedMediaFactory: CallMediaFactory {
    private struct State {
        var asked = 0
        var verdict: Result<Void, CallMediaError>?
        var preparers: [CheckedContinuation<Result<Void, CallMediaError>, Never>] = []
    }

    private let state = Mutex(State())

    func prepare(_ request: CallMediaRequest) async throws(CallMediaError) -> any CallMediaSession {
        let verdict = await withCheckedContinuation { continuation in
            let decided = state.withLock { state -> Result<Void, CallMediaError>? in
                state.asked += 1
                if state.verdict == nil { state.preparers.append(continuation) }
                return state.verdict
            }
            if let decided { continuation.resume(returning: decided) }
        }
        try verdict.get()
        return try await SignalingOnlyMediaFactory().prepare(request)
    }

    func open() { decide(.success(())) }
    func fail(_ error: CallMediaError) { decide(.failure(error)) }

    /// Polls (real time, with a deadline) until a call asked for media.
    func waitUntilAsked(within limit: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while state.withLock({ $0.asked }) == 0 {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    private func decide(_ verdict: Result<Void, CallMediaError>) {
        let waiting = state.withLock { state in
            state.verdict = verdict
            defer { state.preparers.removeAll() }
            return state.preparers
        }
        waiting.forEach { $0.resume(returning: verdict) }
    }
}

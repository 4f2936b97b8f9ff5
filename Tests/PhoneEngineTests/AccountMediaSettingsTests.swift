import MediaEngine
import PhoneEngine
import Synchronization
import Testing
import TestSupport

/// The account's media settings reach the media of its calls, incoming as well as outgoing.
@Suite(.timeLimit(.minutes(1))) struct AccountMediaSettingsTests {
    @Test func theAccountsOpusSettingsGoWithItsCalls() async throws {
        let media = RequestRecordingMediaFactory()
        let pair = try await InMemoryPair.start(bobsMedia: media, bobsAccount: """
            codecs = ["opus", "pcmu"]
            opus_bitrate = 24000
            opus_complexity = 2
            opus_fec = false
            opus_dtx = true
            """)
        let outgoing = try await pair.alice.engine.dial(pair.bob.uri)
        let incoming = try #require(await pair.bob.waitFor("incoming"))
        let request = try #require(media.requests.first)
        #expect(request.codecs == ["opus", "pcmu"])
        #expect(request.opus == OpusCodec.Configuration(inbandFEC: false, dtx: true, bitrate: 24000, complexity: 2))
        _ = await pair.alice.engine.hangUp(outgoing)
        #expect(await pair.bob.waitFor("ended", call: incoming.call) != nil)
        await pair.stop()
    }
}

/// Signaling-only media that keeps every request it was given.
final class RequestRecordingMediaFactory: CallMediaFactory {
    private let recorded = Mutex<[CallMediaRequest]>([])

    var requests: [CallMediaRequest] { recorded.withLock { $0 } }

    func prepare(_ request: CallMediaRequest) async throws(CallMediaError) -> any CallMediaSession {
        recorded.withLock { $0.append(request) }
        return try await SignalingOnlyMediaFactory().prepare(request)
    }
}

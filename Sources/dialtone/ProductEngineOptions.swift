import MediaEngine
import NIOPosix
import PhoneEngine

/// The engine options every interactive or calling command runs with: real media (RTP/SRTP
/// with codecs, `MediaEngine.RTPCallMediaFactory`) on an event loop of its own, so audio timing
/// never waits behind signaling work. Each command makes one; it lives as long as the process.
enum ProductEngineOptions {
    static func make(audio: CallAudio = .null) -> EngineOptions {
        let mediaGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        return EngineOptions(
            version: DialtoneVersion.current, mediaFactory: RTPCallMediaFactory(group: mediaGroup), audio: audio)
    }
}

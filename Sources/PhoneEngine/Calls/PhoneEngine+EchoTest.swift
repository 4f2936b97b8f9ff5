import DialtoneConfig
import MediaEngine

/// The local `echo` contact: a call that checks microphone and speaker without a provider.
extension PhoneEngine {
    /// Whether `target` names the built-in echo test rather than a SIP user.
    static func isEchoTest(_ target: String) -> Bool {
        target.trimmingCharacters(in: .whitespaces).lowercased() == EchoTestCall.target
    }

    /// Starts the echo test with the engine's audio; works with no account configured. Uses the
    /// first account's codec order and SRTP when there is one, so the test hears what calls use.
    func startEchoTest() async -> CallID {
        let id = callTable.newID()
        let call = EchoTestCall(id: id, owner: callOwner())
        echoCalls[id] = call
        await holdOthers(than: id)
        let account = accountOrder.first.flatMap { registrars[$0]?.settings }
        let general = configuration.general
        var request = CallMediaRequest(
            localAddress: "127.0.0.1", codecs: (account?.codecs ?? CodecName.allCases).map(\.rawValue),
            srtp: account.map { Self.srtpPolicy($0.srtp) } ?? .optional, audio: callAudio,
            portRange: general.rtpPortRange, noMediaTimeout: 0)
        request.opus = account.map { Self.opusConfiguration($0.opus) }
        let factory = options.mediaFactory ?? SignalingOnlyMediaFactory()
        Task { await call.start(factory: factory, request: request) }
        return id
    }
}

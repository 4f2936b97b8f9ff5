import SDP

/// The contract between a call (PhoneEngine's call actor) and its media: what the call asks
/// for, and what the media reports. The call actor depends only on these protocols, so its
/// signaling tests can run against peers without audio, and the real implementation
/// (`RTPCallMediaFactory`, RTP/SRTP over UDP with codecs and an audio device) is plugged in by
/// the engine.
public protocol CallMediaFactory: Sendable {
    /// Reserves the RTP (and RTCP) ports for a new call on the local address that reaches the
    /// peer, and describes what we can do: codecs in the account's order, SRTP policy and keys,
    /// DTLS identity. `audio` says where the sound comes from and goes to.
    func prepare(_ request: CallMediaRequest) async throws(CallMediaError) -> any CallMediaSession
}

/// One call's media.
public protocol CallMediaSession: Sendable {
    /// What goes into our SDP offer or answer (SDP's `OfferAnswer` builds it).
    var capabilities: LocalMediaCapabilities { get }
    /// Events: DTMF received, statistics, "no audio from the other side", recovery.
    var events: AsyncStream<CallMediaEvent> { get }
    /// Starts (or, after a re-INVITE/UPDATE, changes) sending and receiving as negotiated:
    /// codec, remote address, direction (hold), SRTP keys or DTLS roles.
    func apply(_ media: NegotiatedMedia) async throws(CallMediaError)
    /// RFC 4733 telephone-events (or nothing if the peer did not negotiate them: the call actor
    /// then uses SIP INFO).
    func sendDTMF(_ digits: String) async -> Bool
    func setMuted(_ muted: Bool) async
    /// Records both directions to a WAV file (written as the call goes) until `stopRecording`.
    func startRecording(to path: String, layout: RecordingLayout) async throws(CallMediaError)
    func stopRecording() async
    /// Stops everything, releases the ports, and says what the call used.
    func stop() async -> CallMediaSummary
    /// Moves the call's sound to other devices (or files) without touching the RTP session.
    func switchAudio(to audio: CallAudio) async throws(CallMediaError)
}

extension CallMediaSession {
    public func switchAudio(to audio: CallAudio) async throws(CallMediaError) {
        throw .unsupported("this media session has no audio devices")
    }
}

/// What a call needs from the media layer.
public struct CallMediaRequest: Sendable {
    /// The local address to bind and put in SDP (the one that routes to the peer).
    public var localAddress: String
    /// Codec names in the account's order: "opus", "g722", "pcmu", "pcma".
    public var codecs: [String]
    /// The account's Opus encoder settings; nil keeps the media factory's own.
    public var opus: OpusCodec.Configuration?
    public var srtp: SRTPPolicy
    /// Our offers key SRTP by DTLS instead of SDES (answers follow the offer).
    public var offersDTLS = false
    /// Where audio comes from and goes to.
    public var audio: CallAudio
    /// `[general] rtp_port_range`: RTP on an even port, RTCP on the next.
    public var portRange: ClosedRange<Int>
    /// Seconds without RTP before `noMediaReceived` (0 = never).
    public var noMediaTimeout: Int

    public init(
        localAddress: String, codecs: [String], srtp: SRTPPolicy, audio: CallAudio,
        portRange: ClosedRange<Int> = 16384...32767, noMediaTimeout: Int = 30
    ) {
        self.localAddress = localAddress
        self.codecs = codecs
        self.srtp = srtp
        self.audio = audio
        self.portRange = portRange
        self.noMediaTimeout = noMediaTimeout
    }
}

/// The audio ends of a call.
public enum CallAudio: Sendable, Hashable {
    /// The sound server (PulseAudio or PipeWire's pulse server), default or named devices.
    case device(playback: String?, capture: String?)
    /// Play a WAV file as the microphone (then silence) and optionally record what is heard.
    case files(play: String?, record: String?)
    /// Silence out, received audio dropped (headless signaling, agent without --play).
    case null
    /// Plays back what it receives after a delay: the far end of the built-in echo test.
    case echo(delayMilliseconds: Int)
}

public enum CallMediaEvent: Sendable, Hashable {
    case dtmfReceived(Character, durationMilliseconds: Int)
    /// Periodic statistics (about every 5 s) and at the end.
    case statistics(CallMediaStatistics)
    /// No RTP from the peer for the configured time (RFC 3550 has no keep-alive; this is the
    /// usual "no audio from the other side" warning).
    case noMediaReceived(seconds: Int)
    case mediaRestored
    /// The media failed for good (e.g. DTLS fingerprint mismatch): the call should end.
    case failed(String)
}

public struct CallMediaStatistics: Sendable, Hashable {
    public var codec: String
    /// "none", "SRTP (AES_CM_128_HMAC_SHA1_80)", "DTLS-SRTP (…)".
    public var encryption: String
    public var packetsSent: Int
    public var packetsReceived: Int
    public var packetsLost: Int
    /// Fraction 0…1 over the last report interval.
    public var lossFraction: Double
    public var jitterMilliseconds: Double
    public var roundTripMilliseconds: Double?
    public var mos: Double

    public init(
        codec: String, encryption: String, packetsSent: Int, packetsReceived: Int, packetsLost: Int,
        lossFraction: Double, jitterMilliseconds: Double, roundTripMilliseconds: Double?, mos: Double
    ) {
        self.codec = codec
        self.encryption = encryption
        self.packetsSent = packetsSent
        self.packetsReceived = packetsReceived
        self.packetsLost = packetsLost
        self.lossFraction = lossFraction
        self.jitterMilliseconds = jitterMilliseconds
        self.roundTripMilliseconds = roundTripMilliseconds
        self.mos = mos
    }
}

public struct CallMediaSummary: Sendable, Hashable {
    public var codec: String?
    public var encryption: String
    public var statistics: CallMediaStatistics?

    public init(codec: String?, encryption: String, statistics: CallMediaStatistics?) {
        self.codec = codec
        self.encryption = encryption
        self.statistics = statistics
    }
}

public enum CallMediaError: Error, Sendable, Hashable, CustomStringConvertible {
    case noPortAvailable(range: ClosedRange<Int>)
    case unsupported(String)
    case audioDevice(String)
    case file(path: String, reason: String)
    case security(String)

    public var description: String {
        switch self {
        case .noPortAvailable(let range): "no free RTP port in \(range.lowerBound)-\(range.upperBound)"
        case .unsupported(let what): "unsupported media: \(what)"
        case .audioDevice(let reason): "audio device: \(reason)"
        case .file(let path, let reason): "\(path): \(reason)"
        case .security(let reason): "media security: \(reason)"
        }
    }
}

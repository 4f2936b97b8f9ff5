import Foundation
import NIOCore
import SDP

/// The real media: RTP/SRTP over UDP with codecs and an audio device (issue 6). The engine
/// makes one and hands it to every call.
public final class RTPCallMediaFactory: CallMediaFactory {
    public struct Configuration: Sendable {
        public var codecs: CodecFactory
        /// SDES suites offered, in order; keys are drawn per call.
        public var srtpSuites: [SRTPCryptoSuite]
        /// PulseAudio server (nil = default), used by `CallAudio.device`.
        public var pulseServer: String?
        /// The rate audio devices run at.
        public var deviceSampleRate: Int
        /// How long a DTLS-SRTP handshake may take before the call fails; covers the peer's
        /// retransmissions of a lost flight (1 s, 2 s, 4 s … per RFC 6347 §4.2.4.1).
        public var dtlsHandshakeTimeout: Duration = .seconds(20)

        public init(codecs: CodecFactory = CodecFactory(), srtpSuites: [SRTPCryptoSuite] = SRTPSession.offeredSuites,
                    pulseServer: String? = nil, deviceSampleRate: Int = 48000) {
            self.codecs = codecs
            self.srtpSuites = srtpSuites
            self.pulseServer = pulseServer
            self.deviceSampleRate = deviceSampleRate
        }
    }

    public let configuration: Configuration
    /// Our DTLS-SRTP certificate, made once for all calls (RFC 5763 §5 asks only that its
    /// fingerprint be in our SDP); nil if libcrypto could not make one, and then no DTLS.
    public let dtlsCertificate: DTLSCertificate?

    /// Each call runs on a media thread of its own (`MediaLoop`).
    /// `dtlsCertificate`: nil makes a fresh one (about a millisecond).
    public init(configuration: Configuration = Configuration(), dtlsCertificate: DTLSCertificate? = nil) {
        self.configuration = configuration
        self.dtlsCertificate = dtlsCertificate ?? (try? DTLSCertificate())
    }

    public func prepare(_ request: CallMediaRequest) async throws(CallMediaError) -> any CallMediaSession {
        var codecFactory = configuration.codecs
        if let opus = request.opus { codecFactory.opus = opus }
        var codecs: [Codec] = request.codecs.compactMap { codecFactory.sdpCodec(named: $0) }
        guard !codecs.isEmpty else { throw .unsupported("none of the codecs \(request.codecs) is supported") }
        codecs.append(.telephoneEvent())
        let sockets = try MediaSockets.bind(host: request.localAddress, range: request.portRange)
        let loop: MediaLoop
        do { loop = try MediaLoop(name: "media \(sockets.port)") } catch {
            sockets.close()
            throw error
        }
        var capabilities = LocalMediaCapabilities(address: request.localAddress, rtpPort: UInt16(sockets.port), codecs: codecs)
        capabilities.srtp = request.srtp
        if request.srtp != .off {
            capabilities.sdesKeys = SRTPSession.makeKeys(for: configuration.srtpSuites)
            // Offers keep SDES (SDP's makeOffer puts DTLS only in offers without SDES keys);
            // answers to DTLS offers (UDP/TLS/RTP/SAVP) use this.
            capabilities.dtls = dtlsCertificate?.identity
            capabilities.offersDTLS = request.offersDTLS
        }
        let device = makeDevice(request.audio)
        return RTPCallMediaSession(
            capabilities: capabilities, sockets: sockets, loop: loop, device: device,
            pipeline: MediaPipeline.Configuration(
                codecs: codecFactory,
                noMediaTimeout: request.noMediaTimeout > 0 ? .seconds(Double(request.noMediaTimeout)) : nil,
                cname: "dialtone-\(UInt32.random(in: 0...UInt32.max))@\(request.localAddress)"),
            dtls: dtlsCertificate.map { DTLSSetup(certificate: $0, handshakeTimeout: UInt64(max(0, configuration.dtlsHandshakeTimeout.components.seconds)) * 1_000_000_000 + UInt64(max(0, configuration.dtlsHandshakeTimeout.components.attoseconds / 1_000_000_000))) },
            makeDeviceChoice: { [self] in makeDevice($0) })
    }

    private func makeDevice(_ audio: CallAudio) -> DeviceChoice {
        switch audio {
        case .device(let playback, let capture):
            return .make { PulseAudioDevice(configuration: .init(
                server: self.configuration.pulseServer, playbackDevice: playback, captureDevice: capture,
                sampleRate: self.configuration.deviceSampleRate)) }
        case .files(let play, let record):
            // At the codec's rate: the play file is converted once when it is read, and neither
            // direction is resampled per frame (`--play`/`--record` calls and the agent).
            return .atCodecRate { FileAudioDevice(play: play, record: record, sampleRate: $0) }
        case .null:
            return .null
        case .echo(let delay):
            return .atCodecRate { DelayLineAudioDevice(sampleRate: $0, delayMilliseconds: delay) }
        }
    }
}

/// The audio device is opened when the codec is known (a null device runs at the codec's rate,
/// so a headless call resamples nothing).
enum DeviceChoice: Sendable {
    case make(@Sendable () -> any AudioDevice)
    /// A device that needs no resampling: it runs at whatever rate the codec does.
    case atCodecRate(@Sendable (Int) -> any AudioDevice)
    case null

    func device(codecRate: Int) -> any AudioDevice {
        switch self {
        case .make(let make): make()
        case .atCodecRate(let make): make(codecRate)
        case .null: NullAudioDevice(sampleRate: codecRate)
        }
    }
}

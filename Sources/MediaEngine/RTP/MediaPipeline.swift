import MediaCore
import NIOCore
import SDP

/// One datagram the pipeline wants sent.
struct OutgoingDatagram {
    var bytes: [UInt8]
    var destination: SocketAddress
    /// Sent from the RTCP socket (RTP port + 1) rather than the RTP one.
    var fromRTCPSocket: Bool
}

/// Everything one call's media does every 20 ms and on every packet, without I/O of its own:
/// the RTP session hands it datagrams and clock ticks and sends what it returns. Capture →
/// resample → encode → (S)RTP; (S)RTP → jitter buffer → decode or conceal → resample → device.
/// Lives on the call's event loop; not thread-safe.
final class MediaPipeline {
    struct Configuration {
        var codecs: CodecFactory
        var noMediaTimeout: MediaTime?
        var cname: String
    }

    private(set) var media: NegotiatedMedia {
        didSet { receivableCodecs = Self.receivable(media) }
    }
    /// `receivable(media)`, kept rather than rebuilt for every packet.
    private(set) var receivableCodecs: [NegotiatedCodec]
    let configuration: Configuration
    private(set) var device: any AudioDevice
    let encoder: any AudioCodec
    private var captureResampler: Resampler
    private var assembler: FrameAssembler
    var sender: RTPSender
    var dtmfSender: TelephoneEventSender?
    var muted = false
    var recorder: CallRecorder?
    private(set) var protection: MediaProtection

    // Receiving (MediaPipeline+Receive.swift).
    var decoders: [UInt8: any AudioCodec] = [:]
    var playoutResamplers: [Int: Resampler] = [:]
    var jitterBuffer: JitterBuffer
    var jitterPayloadType: UInt8
    /// How much audio the peer's packets carry (10–120 ms, whatever its ptime).
    var packetDurations: PacketDurationTracker
    /// Decoded audio at the device's rate not yet played: packets longer or shorter than the
    /// 20 ms device frame are cut to size here.
    var playoutPending: [Int16] = []
    var reception: RTPReceptionStatistics
    var dtmfReceiver = TelephoneEventReceiver()
    var latch: SymmetricRTPLatch<SocketAddress>
    var rtcpDestination: SocketAddress
    var watchdog: MediaWatchdog?
    var counters = Counters()
    var lastStatistics: CallMediaStatistics?
    var roundTrip: Double?
    /// Buffers reused every 20 ms, so a frame costs no allocation where the codec allows:
    /// zeros for a silent or muted frame, and the outgoing packet (header, payload and room
    /// for the SRTP tag, protected in place).
    var silence = SilenceFrames()
    private var sendBuffer: [UInt8] = []
    /// Wall-clock time for a media time: RTCP timestamps (RFC 3550 §4) without reading the clock per packet.
    var ntpClock: (MediaTime) -> NTPTimestamp? = { _ in nil }

    struct Counters {
        var srtpFailures = 0
        var malformed = 0
        var unknownPayloadType = 0
    }

    init(media: NegotiatedMedia, device: any AudioDevice, configuration: Configuration, now: MediaTime,
         previousSender: RTPSender?) throws(CallMediaError) {
        self.media = media
        receivableCodecs = Self.receivable(media)
        self.configuration = configuration
        self.device = device
        do {
            encoder = try configuration.codecs.make(media.codec)
            captureResampler = try Resampler(from: device.sampleRate, to: encoder.sampleRate)
        } catch {
            throw .unsupported(error.description)
        }
        assembler = FrameAssembler(frameSamples: encoder.frameSamples)
        if var previous = previousSender, previous.clockRate == encoder.rtpClockRate {
            previous.switchPayloadType(to: media.codec.sendPayloadType)
            sender = previous
        } else {
            var random = SystemRandomNumberGenerator()
            sender = RTPSender(clockRate: encoder.rtpClockRate, payloadType: media.codec.sendPayloadType, using: &random)
        }
        if let event = media.telephoneEvent {
            // One update per 20 ms tick, 100 ms tones, 40 ms gaps (RFC 4733 §2.5.1.2 leaves these to us).
            let rate = event.clockRate
            dtmfSender = TelephoneEventSender(configuration: .init(updateInterval: rate / 50, toneDuration: rate / 10, pauseTicks: 2))
        }
        switch media.security {
        case .none:
            protection = .clear
        case .sdes(let keying):
            do { protection = .srtp(try SRTPSession(keying), label: "SRTP") } catch { throw .security(error.description) }
        case .dtls:
            protection = .awaitingDTLS
        }
        jitterPayloadType = media.codec.receivePayloadType
        jitterBuffer = JitterBuffer(configuration: Self.jitterConfiguration(clockRate: encoder.rtpClockRate))
        packetDurations = Self.packetDurationTracker(clockRate: encoder.rtpClockRate)
        reception = RTPReceptionStatistics(clockRate: encoder.rtpClockRate)
        let rtp = Self.address(media.remote.address, media.remote.rtpPort)
        latch = SymmetricRTPLatch(declaredAddress: rtp, acceptedPayloadTypes: Set(receivableCodecs.map(\.receivePayloadType)))
        rtcpDestination = media.isRTCPMultiplexed ? rtp : Self.address(media.remote.rtcpAddress, media.remote.rtcpPort)
        if let timeout = configuration.noMediaTimeout { watchdog = MediaWatchdog(timeout: timeout, start: now) }
        sendBuffer.reserveCapacity(Self.sendBufferCapacity)
        applyDirection(now: now)
    }

    /// Every payload type the peer may send: voice codecs, comfort noise and telephone-event
    /// (which `NegotiatedMedia` keeps apart from the voice codecs).
    static func receivable(_ media: NegotiatedMedia) -> [NegotiatedCodec] {
        media.codecs + (media.telephoneEvent.map { [$0] } ?? [])
    }

    static func jitterConfiguration(clockRate: Int, frameSamples: UInt32? = nil) -> JitterBuffer.Configuration {
        JitterBuffer.Configuration(clockRate: clockRate, frameSamples: frameSamples ?? UInt32(clockRate / 50))
    }

    /// 20 ms assumed until the peer's packets show otherwise; at most 120 ms per packet.
    static func packetDurationTracker(clockRate: Int) -> PacketDurationTracker {
        PacketDurationTracker(initial: UInt32(clockRate / 50), maximum: UInt32(clockRate * 120 / 1000))
    }

    static func address(_ host: String, _ port: UInt16) -> SocketAddress {
        (try? SocketAddress(ipAddress: host, port: Int(port))) ?? (try! SocketAddress(ipAddress: "0.0.0.0", port: 9))
    }

    /// Whether `update` can be taken in place (a re-INVITE that only holds or resumes).
    func canUpdate(to media: NegotiatedMedia) -> Bool {
        media.codec == self.media.codec && media.codecs == self.media.codecs && media.security == self.media.security
            && media.remote == self.media.remote && media.telephoneEvent == self.media.telephoneEvent
    }

    func update(_ media: NegotiatedMedia, now: MediaTime) {
        self.media = media
        applyDirection(now: now)
    }

    /// Hold (RFC 3264 §8.4): no media expected while we may not receive, so no watchdog.
    private func applyDirection(now: MediaTime) {
        if media.direction.receives {
            watchdog?.resume(at: now)
        } else {
            watchdog?.pause()
        }
    }
}

extension MediaPipeline {
    /// Room for the largest packet we send (an Opus frame of 1275 bytes, RFC 6716 §3.2.1) and its SRTP trailer.
    static let sendBufferCapacity = 1536 + SRTPContext.maximumTrailer

    /// One 20 ms period: send a frame (or a DTMF update), play a frame, check the watchdog.
    /// At most one packet per period.
    func tick(at now: MediaTime) -> (datagram: OutgoingDatagram?, events: [CallMediaEvent]) {
        let captured = device.capture() ?? silence.frame(device.frameSamples)
        let sent = muted ? silence.frame(captured.count) : captured
        let datagram = send(sent, at: now)
        let heard = playout(at: now)
        device.play(heard)
        recorder?.add(sent: sent, heard: heard)
        var events: [CallMediaEvent] = []
        if let deadline = watchdog?.deadline, now >= deadline, watchdog?.timerFired(at: now) == .mediaTimeout {
            events.append(.noMediaReceived(seconds: Int(configuration.noMediaTimeout?.seconds ?? 0)))
        }
        return (datagram, events)
    }

    private func send(_ pcm: [Int16], at now: MediaTime) -> OutgoingDatagram? {
        let frame = assembler.frame(after: captureResampler.process(pcm))
        guard media.direction.sends, !protection.isAwaitingKeys else {
            sender.skipSilence(samples: encoder.timestampsPerFrame)
            return nil
        }
        if let event = media.telephoneEvent, let packet = dtmfSender?.tick(timestamp: sender.nextTimestamp) {
            let bytes = packet.payload.bytes
            let header = sender.nextHeader(payloadType: event.sendPayloadType, timestamp: packet.timestamp, marker: packet.marker, payloadCount: bytes.count)
            sender.skipSilence(samples: encoder.timestampsPerFrame)
            return datagram(header, bytes)
        }
        guard let payload = try? encoder.encode(frame), !payload.isEmpty else {
            sender.skipSilence(samples: encoder.timestampsPerFrame)  // Opus DTX
            return nil
        }
        let header = sender.nextAudioHeader(samples: encoder.timestampsPerFrame, payloadCount: payload.count, at: now)
        return datagram(header, payload)
    }

    /// Header and payload into the reused buffer, protected there. The datagram shares the
    /// buffer's storage and is sent and dropped before the next tick writes it again.
    private func datagram(_ header: RTPHeader, _ payload: [UInt8]) -> OutgoingDatagram? {
        guard !protection.isAwaitingKeys else { return nil }
        sendBuffer.removeAll(keepingCapacity: true)
        guard (try? header.write(to: &sendBuffer)) != nil else { return nil }
        sendBuffer.append(contentsOf: payload)
        if let srtp, !srtp.outbound.protectRTP(inPlace: &sendBuffer) { return nil }
        return OutgoingDatagram(bytes: sendBuffer, destination: latch.sendAddress, fromRTCPSocket: false)
    }

    /// Queues digits for RFC 4733; false when the peer did not negotiate telephone-event.
    func sendDTMF(_ digits: String) -> Bool {
        guard dtmfSender != nil else { return false }
        return dtmfSender?.enqueue(digits).isEmpty ?? false
    }

    var encryptionDescription: String {
        switch protection {
        case .clear: "none"
        case .srtp(let session, let label): "\(label) (\(session.outbound.suite))"
        case .awaitingDTLS: "DTLS-SRTP (handshake not finished)"
        }
    }

    /// The SRTP session, once there is one.
    var srtp: SRTPSession? {
        if case .srtp(let session, _) = protection { return session }
        return nil
    }

    /// The DTLS handshake produced keys (RFC 5764 §4.2): SRTP starts now.
    func keyed(with session: SRTPSession) {
        protection = .srtp(session, label: "DTLS-SRTP")
    }
}

/// How a call's packets are protected. DTLS-SRTP starts with no keys: until the handshake
/// ends nothing is sent, so no audio ever leaves unprotected, and nothing is accepted.
enum MediaProtection {
    case clear
    /// `label` says how the keys came: "SRTP" (SDES) or "DTLS-SRTP".
    case srtp(SRTPSession, label: String)
    case awaitingDTLS

    var isAwaitingKeys: Bool {
        if case .awaitingDTLS = self { return true }
        return false
    }
}

extension MediaPipeline {
    /// Moves the call to another audio device (the user switched headset and speakers): the
    /// RTP side — keys, numbering, jitter buffer — carries on; only resamplers are rebuilt when
    /// the new device runs at another rate.
    func replaceDevice(_ newDevice: any AudioDevice) throws(CallMediaError) {
        if newDevice.sampleRate != device.sampleRate {
            do { captureResampler = try Resampler(from: newDevice.sampleRate, to: encoder.sampleRate) } catch {
                throw .unsupported(error.description)
            }
            playoutResamplers = [:]
            playoutPending = []
        }
        device = newDevice
    }
}

/// Frames of zeros by length, made once: a call plays and sends silence often (muted, on hold,
/// a gap in the peer's packets), and copies of one array share its storage.
struct SilenceFrames {
    private var frames: [Int: [Int16]] = [:]

    mutating func frame(_ samples: Int) -> [Int16] {
        if let frame = frames[samples] { return frame }
        let frame = [Int16](repeating: 0, count: samples)
        // Bounded: a handful of lengths per call (device frame, codec frames), never per packet.
        if frames.count >= 8 { frames.removeAll() }
        frames[samples] = frame
        return frame
    }
}

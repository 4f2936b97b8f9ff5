import MediaCore
import NIOCore
import SDP

extension MediaPipeline {
    /// One datagram from the RTP or RTCP socket (RFC 5761 §4 and RFC 7983 tell the kinds apart).
    func receive(_ bytes: [UInt8], from source: SocketAddress, at now: MediaTime) -> [CallMediaEvent] {
        var bytes = bytes
        return bytes.withUnsafeMutableBytes { receive($0, from: source, at: now) }
    }

    /// One datagram, in the receive buffer: SRTP is checked and decrypted where it lies, so an
    /// RTP packet is copied once, into the jitter buffer.
    func receive(_ bytes: UnsafeMutableRawBufferPointer, from source: SocketAddress, at now: MediaTime) -> [CallMediaEvent] {
        // Before DTLS-SRTP has keys, SRTP cannot be checked: dropped, not counted as a failure.
        guard !protection.isAwaitingKeys else { return [] }
        switch RTPDemux.classify(UnsafeRawBufferPointer(bytes)) {
        case .rtp: return receiveRTP(bytes, from: source, at: now)
        case .rtcp:
            receiveRTCP([UInt8](bytes), from: source, at: now)
            return []
        case .stun, .dtls, .unknown:
            counters.malformed += 1
            return []
        }
    }

    private func receiveRTP(_ bytes: UnsafeMutableRawBufferPointer, from source: SocketAddress, at now: MediaTime) -> [CallMediaEvent] {
        var length = bytes.count
        if let srtp {
            guard let clear = srtp.inbound.unprotectRTP(inPlace: bytes) else {
                counters.srtpFailures += 1
                return []
            }
            length = clear
        }
        let packet = UnsafeRawBufferPointer(rebasing: bytes[0..<length])
        guard let parsed = try? RTPHeader.parse(packet) else {
            counters.malformed += 1
            return []
        }
        let header = parsed.header
        guard let codec = receivableCodecs.first(where: { $0.receivePayloadType == header.payloadType }) else {
            counters.unknownPayloadType += 1
            return []
        }
        if case .switchTo(let address) = latch.received(header, from: source), media.isRTCPMultiplexed {
            rtcpDestination = address
        }
        reception.receive(header, arrival: now)
        var events: [CallMediaEvent] = []
        if watchdog?.packetReceived(at: now) == .mediaRestored { events.append(.mediaRestored) }
        guard media.direction.receives else { return events }
        let payload = UnsafeRawBufferPointer(rebasing: packet[parsed.payloadRange])
        if codec.isTelephoneEvent {
            events += receiveEvent([UInt8](payload), timestamp: header.timestamp, clockRate: codec.clockRate)
        } else if !codec.isComfortNoise {
            // RFC 3389 comfort noise needs nothing: the buffer runs dry and plays silence.
            bufferVoice(header, payload: payload, at: now)
        }
        return events
    }

    private func receiveEvent(_ payload: [UInt8], timestamp: UInt32, clockRate: UInt32) -> [CallMediaEvent] {
        guard let event = try? TelephoneEventPayload.parse(payload) else {
            counters.malformed += 1
            return []
        }
        return dtmfReceiver.receive(timestamp: timestamp, payload: event).compactMap { digit in
            guard let character = digit.character else { return nil }
            return .dtmfReceived(character, durationMilliseconds: Int(UInt64(digit.duration) * 1000 / UInt64(max(clockRate, 1))))
        }
    }

    /// The buffer holds the payload type in front of each payload, so the peer may switch
    /// codecs mid-call (RFC 3264 §6.1); a switch to another RTP clock rate restarts it.
    private func bufferVoice(_ header: RTPHeader, payload: UnsafeRawBufferPointer, at now: MediaTime) {
        guard let decoder = decoder(for: header.payloadType) else { return }
        if decoder.rtpClockRate != jitterBuffer.configuration.clockRate {
            jitterBuffer = JitterBuffer(configuration: Self.jitterConfiguration(clockRate: decoder.rtpClockRate))
            packetDurations = Self.packetDurationTracker(clockRate: decoder.rtpClockRate)
        }
        // G.711 and G.722 carry one byte per RTP timestamp unit: the first packet's size is its duration.
        let firstPacketDuration = packetDurations.awaitsFirstPacket && ["PCMU", "PCMA", "G722"].contains(decoder.name)
            ? packetDurations.assume(UInt32(payload.count)) : nil
        if let duration = firstPacketDuration ?? packetDurations.observe(sequence: header.sequenceNumber, timestamp: header.timestamp) {
            // The peer's packets are not 20 ms: the buffer's frame is one packet (it starts over,
            // losing only what it held, once, early in the call).
            jitterBuffer = JitterBuffer(configuration: Self.jitterConfiguration(clockRate: decoder.rtpClockRate, frameSamples: duration))
        }
        jitterPayloadType = header.payloadType
        var stored: [UInt8] = []
        stored.reserveCapacity(payload.count + 1)
        stored.append(header.payloadType)
        stored.append(contentsOf: payload)
        jitterBuffer.insert(
            sequence: header.sequenceNumber, timestamp: header.timestamp, ssrc: header.ssrc,
            payload: stored, arrival: now)
    }

    func decoder(for payloadType: UInt8) -> (any AudioCodec)? {
        if let decoder = decoders[payloadType] { return decoder }
        guard let codec = receivableCodecs.first(where: { $0.receivePayloadType == payloadType }),
              let decoder = try? configuration.codecs.make(codec) else { return nil }
        decoders[payloadType] = decoder
        return decoder
    }

    /// One 20 ms frame for the device, from as many of the peer's packets as it takes (one for
    /// 20 ms packets; two for 10 ms; a 30 ms packet covers one and a half).
    func playout(at now: MediaTime) -> [Int16] {
        let frame = device.frameSamples
        while playoutPending.count < frame {
            // Ask the buffer for the packet due when the audio already decoded has played.
            let ahead = MediaTime(microseconds: Int64(playoutPending.count) * 1_000_000 / Int64(device.sampleRate))
            let decoded = playoutPacket(at: now + ahead)
            guard !decoded.isEmpty else { break }
            // 20 ms packets at the device's rate: the decoded frame is played as it is.
            if playoutPending.isEmpty && decoded.count == frame { return decoded }
            playoutPending += decoded
        }
        guard playoutPending.count >= frame else {
            playoutPending.removeAll(keepingCapacity: true)
            return silence.frame(frame)
        }
        let out = Array(playoutPending[0..<frame])
        playoutPending.removeFirst(frame)
        return out
    }

    /// One packet's worth from the jitter buffer: decoded, concealed or silent, at the device's rate.
    private func playoutPacket(at now: MediaTime) -> [Int16] {
        guard let decoder = decoder(for: jitterPayloadType) else { return silence.frame(device.frameSamples) }
        var pcm: [Int16]
        var source = decoder
        switch jitterBuffer.pop(at: now) {
        case .frame(let bytes):
            let payloadType = bytes.first ?? jitterPayloadType
            source = self.decoder(for: payloadType) ?? decoder
            pcm = (try? source.decode(Array(bytes.dropFirst()))) ?? source.conceal(next: nil)
        case .conceal:
            // The next packet, when it is here and of the same codec, may carry this frame's FEC.
            let next = jitterBuffer.recoveryPayload.flatMap { $0.first == jitterPayloadType ? Array($0.dropFirst()) : nil }
            pcm = decoder.conceal(next: next)
        case .silence:
            // As long as one of the buffer's frames, so the timing stays that of the packets.
            let samples = Int(jitterBuffer.configuration.frameSamples) * decoder.sampleRate / max(decoder.rtpClockRate, 1)
            pcm = silence.frame(samples)
        }
        return resampler(from: source.sampleRate)?.process(pcm) ?? silence.frame(device.frameSamples)
    }

    private func resampler(from rate: Int) -> Resampler? {
        if let resampler = playoutResamplers[rate] { return resampler }
        let resampler = try? Resampler(from: rate, to: device.sampleRate)
        playoutResamplers[rate] = resampler
        return resampler
    }
}

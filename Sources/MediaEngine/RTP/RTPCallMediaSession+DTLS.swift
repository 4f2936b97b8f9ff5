import NIOCore
import SDP

/// What a session needs to run DTLS-SRTP: the run's certificate and how long a handshake may take.
struct DTLSSetup: Sendable {
    let certificate: DTLSCertificate
    /// Nanoseconds.
    let handshakeTimeout: UInt64
}

/// One DTLS-SRTP handshake on a call's RTP socket (RFC 5764 §5.1.2: DTLS and SRTP share the
/// port, told apart by the first byte, RFC 7983 §7). Loop-only.
///
/// RTCP: we always offer rtcp-mux, so one handshake keys both RTP and RTCP. When the peer
/// refuses the mux, SRTCP on the RTCP port uses the RTP handshake's keys, as libsrtp and
/// most phones do, instead of the second handshake RFC 5764 §4.1 describes per component;
/// DTLS packets arriving on the RTCP port are ignored.
final class DTLSMediaHandshake {
    let keying: DTLSKeying
    let endpoint: DTLSEndpoint
    /// The declared RTP address until the peer's DTLS comes from elsewhere (RFC 4961 symmetry).
    var peer: SocketAddress
    var retransmission: MediaLoop.TimerID?
    var timeout: MediaLoop.TimerID?
    var malformed = 0

    init(keying: DTLSKeying, endpoint: DTLSEndpoint, peer: SocketAddress) {
        self.keying = keying
        self.endpoint = endpoint
        self.peer = peer
    }

    var keys: DTLSSRTPKeys? {
        if case .connected(let keys) = endpoint.state { return keys }
        return nil
    }

    func cancelTimers(on loop: MediaLoop) {
        if let retransmission { loop.cancel(retransmission) }
        if let timeout { loop.cancel(timeout) }
        retransmission = nil
        timeout = nil
    }
}

extension RTPCallMediaSession {
    /// Called on the loop with the new pipeline in place: keys from an earlier handshake with
    /// the same parameters (a re-INVITE that changed only the codec), or a new handshake.
    func startDTLS(_ keying: DTLSKeying, state: State) throws(CallMediaError) {
        guard let pipeline = state.pipeline else { return }
        if let current = state.dtls, current.keying == keying {
            if let keys = current.keys { pipeline.keyed(with: try Self.session(keys)) }
            return
        }
        state.dtls?.cancelTimers(on: loop)
        guard let setup = dtlsSetup else { throw .security("DTLS-SRTP needs a certificate, and none could be made") }
        let endpoint: DTLSEndpoint
        do { endpoint = try DTLSEndpoint(certificate: setup.certificate, configuration: .init(keying)) } catch { throw .security("DTLS: \(error)") }
        let peer = MediaPipeline.address(pipeline.media.remote.address, pipeline.media.remote.rtpPort)
        let handshake = DTLSMediaHandshake(keying: keying, endpoint: endpoint, peer: peer)
        state.dtls = handshake
        handshake.timeout = loop.schedule(in: setup.handshakeTimeout) { [weak self, weak handshake] in
            guard let self, let handshake else { return }
            handshake.timeout = nil
            guard handshake.keys == nil, case .handshaking = handshake.endpoint.state else { return }
            let seconds = Int(setup.handshakeTimeout / 1_000_000_000)
            perform([.failed(.timedOut(seconds: seconds))], for: handshake, state: self.state.value)
        }
        perform(endpoint.start(), for: handshake, state: state)
        // A ClientHello that came before our answer was applied.
        let early = state.earlyDTLS
        state.earlyDTLS = []
        for (bytes, source) in early { receivedDTLS(bytes, from: source, state: state) }
    }

    /// A DTLS datagram on the RTP socket.
    func receivedDTLS(_ bytes: [UInt8], from source: SocketAddress, state: State) {
        guard let handshake = state.dtls else {
            // RFC 5763 §5: the active side may start before the answer reaches us; keep a few.
            if state.earlyDTLS.count < 16 { state.earlyDTLS.append((bytes, source)) }
            return
        }
        do {
            let actions = try handshake.endpoint.receive(bytes)
            handshake.peer = source
            perform(actions, for: handshake, state: state)
        } catch {
            handshake.malformed += 1
        }
    }

    private func perform(_ actions: [DTLSEndpoint.Action], for handshake: DTLSMediaHandshake, state: State) {
        guard state.dtls === handshake, !state.stopped else { return }
        for action in actions {
            switch action {
            case .send(let bytes):
                sockets.rtp.send(bytes, to: handshake.peer)
            case .connected(let keys):
                if let timeout = handshake.timeout { loop.cancel(timeout) }
                handshake.timeout = nil
                do {
                    state.pipeline?.keyed(with: try Self.session(keys))
                } catch {
                    fail("DTLS: \(error)", handshake: handshake)
                }
            case .failed(let failure):
                fail("DTLS: \(failure)", handshake: handshake)
            }
        }
        scheduleRetransmission(handshake, state: state)
    }

    private func fail(_ reason: String, handshake: DTLSMediaHandshake) {
        handshake.cancelTimers(on: loop)
        continuation.yield(.failed(reason))
    }

    /// RFC 6347 §4.2.4: resend the last flight when OpenSSL's timer says so.
    private func scheduleRetransmission(_ handshake: DTLSMediaHandshake, state: State) {
        if let retransmission = handshake.retransmission { loop.cancel(retransmission) }
        handshake.retransmission = nil
        guard let delay = handshake.endpoint.retransmissionDelay else { return }
        let nanoseconds = max(Int64(delay.components.seconds) * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000, 1_000_000)
        handshake.retransmission = loop.schedule(in: UInt64(nanoseconds)) { [weak self, weak handshake] in
            guard let self, let handshake else { return }
            handshake.retransmission = nil
            perform(handshake.endpoint.retransmit(), for: handshake, state: self.state.value)
        }
    }

    private static func session(_ keys: DTLSSRTPKeys) throws(CallMediaError) -> SRTPSession {
        do { return try keys.makeSession() } catch { throw .security(error.description) }
    }
}

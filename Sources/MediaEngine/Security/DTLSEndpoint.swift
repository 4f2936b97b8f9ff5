import COpenSSL
import CShim
import SDP

/// One side of a DTLS-SRTP handshake (RFC 5763/5764) with no socket: datagrams go in, datagrams
/// to send and the outcome come out, like the signalling machines. OpenSSL's DTLS 1.2 runs over
/// memory BIOs; the caller owns the socket and drives retransmission with
/// `retransmissionDelay` / `retransmit()`. Not thread-safe: one endpoint lives on one call's loop.
public final class DTLSEndpoint {
    public struct Configuration: Sendable {
        /// `.client` sends the ClientHello (our `a=setup` was `active`).
        public var role: DTLSRole
        /// The peer's `a=fingerprint`s; its certificate must match one (RFC 8122 §5).
        public var remoteFingerprints: [Fingerprint]
        /// Largest datagram sent: below any loopback, Ethernet or tunnel MTU with room for IPv6.
        public var mtu: Int
        /// RFC 6347 §4.2.4.1 recommends 1 s; doubled on each retransmission.
        public var initialRetransmissionTimeout: Duration

        public init(role: DTLSRole, remoteFingerprints: [Fingerprint], mtu: Int = 1200,
                    initialRetransmissionTimeout: Duration = .seconds(1)) {
            self.role = role
            self.remoteFingerprints = remoteFingerprints
            self.mtu = mtu
            self.initialRetransmissionTimeout = initialRetransmissionTimeout
        }

        public init(_ keying: DTLSKeying) {
            self.init(role: keying.role, remoteFingerprints: keying.remoteFingerprints)
        }
    }

    public enum Action: Sendable, Hashable {
        case send([UInt8])
        /// The handshake finished and the peer is who its SDP said: SRTP may start.
        case connected(DTLSSRTPKeys)
        case failed(DTLSFailure)
    }

    public enum State: Sendable, Hashable {
        case idle
        case handshaking
        case connected(DTLSSRTPKeys)
        case failed(DTLSFailure)
    }

    /// A datagram refused before OpenSSL sees it. The handshake goes on: anyone can send a
    /// datagram to our port, so junk must not end the call.
    public enum DatagramError: Error, Sendable, Hashable, CustomStringConvertible {
        case notDTLS
        case malformedRecord(offset: Int)

        public var description: String {
            switch self {
            case .notDTLS: "not a DTLS datagram"
            case .malformedRecord(let offset): "malformed DTLS record at byte \(offset)"
            }
        }
    }

    public let configuration: Configuration
    public private(set) var state: State = .idle
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    /// OpenSSL reads what we received from here …
    private let incoming: OpaquePointer
    /// … and writes what we must send here.
    private let outgoing: OpaquePointer
    /// Reached from OpenSSL's certificate callback, which cannot capture.
    private let verifier: PeerVerifier

    public init(certificate: DTLSCertificate, configuration: Configuration) throws(DTLSFailure) {
        self.configuration = configuration
        ERR_clear_error()
        guard let context = SSL_CTX_new(DTLS_method()) else { throw .library("SSL_CTX_new failed") }
        dt_ssl_ctx_require_peer_certificate(context)  // before SSL_new, which copies it
        let verifier = PeerVerifier(fingerprints: configuration.remoteFingerprints)
        // RFC 5763 §5: the fingerprint check replaces chain validation, during the handshake, so
        // a mismatch aborts it with an alert before either side derives keys.
        SSL_CTX_set_cert_verify_callback(context, { store, argument in
            guard let store, let argument, let peer = X509_STORE_CTX_get0_cert(store) else { return 0 }
            return Unmanaged<PeerVerifier>.fromOpaque(argument).takeUnretainedValue().verify(peer) ? 1 : 0
        }, Unmanaged.passUnretained(verifier).toOpaque())
        guard SSL_CTX_use_certificate(context, certificate.certificate) == 1,
              SSL_CTX_use_PrivateKey(context, certificate.key) == 1,
              dt_ssl_ctx_set_dtls12_minimum(context) == 1,
              // Returns 0 on success, unlike the rest of libssl.
              SSL_CTX_set_tlsext_use_srtp(context, DTLSSRTPKeys.profileList) == 0,
              let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw .library("DTLS context setup failed: \(Self.openSSLReason())")
        }
        guard let incoming = BIO_new(BIO_s_mem()), let outgoing = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            SSL_CTX_free(context)
            throw .library("BIO_new failed")
        }
        dt_bio_set_mem_eof_retry(incoming)
        dt_bio_set_mem_eof_retry(outgoing)
        SSL_set_bio(ssl, incoming, outgoing)  // the SSL owns both BIOs from here
        dt_dtls_set_mtu(ssl, configuration.mtu)
        let initial = configuration.initialRetransmissionTimeout.components
        let microseconds = initial.seconds * 1_000_000 + initial.attoseconds / 1_000_000_000_000
        dt_dtls_set_initial_timeout(ssl, UInt32(clamping: max(microseconds, 1000)))
        switch configuration.role {
        case .client: SSL_set_connect_state(ssl)
        case .server: SSL_set_accept_state(ssl)
        }
        self.context = context
        self.ssl = ssl
        self.incoming = incoming
        self.outgoing = outgoing
        self.verifier = verifier
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    /// Starts the handshake: a client returns its ClientHello; a server waits for one.
    public func start() -> [Action] {
        guard case .idle = state else { return [] }
        state = .handshaking
        return configuration.role == .client ? advance() : []
    }

    /// One datagram from the peer's address (already told apart from RTP by its first byte,
    /// RFC 7983 §7). Handshake messages move the handshake on; after it, OpenSSL answers a
    /// retransmitted final flight (RFC 6347 §4.2.4) and ignores the rest.
    public func receive(_ datagram: [UInt8]) throws(DatagramError) -> [Action] {
        try Self.validate(datagram)
        switch state {
        case .failed: return []
        case .idle: state = .handshaking
        case .handshaking, .connected: break
        }
        _ = datagram.withUnsafeBytes { BIO_write(incoming, $0.baseAddress, Int32($0.count)) }
        return advance()
    }

    /// How long until the last flight should be sent again, or nil when nothing waits for an answer.
    public var retransmissionDelay: Duration? {
        guard case .handshaking = state else { return nil }
        let microseconds = dt_dtls_timeout_microseconds(ssl)
        return microseconds < 0 ? nil : .microseconds(microseconds)
    }

    /// Call when `retransmissionDelay` has passed: resends the last flight if OpenSSL's timer expired.
    public func retransmit() -> [Action] {
        guard case .handshaking = state else { return [] }
        ERR_clear_error()
        if dt_dtls_handle_timeout(ssl) < 0 {
            return fail(.handshake("retransmission failed: \(Self.openSSLReason())"))
        }
        return drainOutgoing().map(Action.send)
    }

    /// The profile name OpenSSL negotiated, e.g. `SRTP_AEAD_AES_256_GCM`.
    public var selectedProfile: String? {
        guard let profile = SSL_get_selected_srtp_profile(ssl), let name = profile.pointee.name else { return nil }
        return String(cString: name)
    }

    private func advance() -> [Action] {
        ERR_clear_error()
        if case .connected = state {
            // Retransmitted flights and alerts after the handshake; application data has no use here.
            var sink = [UInt8](repeating: 0, count: 2048)
            _ = SSL_read(ssl, &sink, Int32(sink.count))
            ERR_clear_error()
            return drainOutgoing().map(Action.send)
        }
        let result = SSL_do_handshake(ssl)
        var actions = drainOutgoing().map(Action.send)
        if result == 1 {
            actions += finish()
        } else {
            let error = SSL_get_error(ssl, result)
            if error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE {
                actions += fail(verifier.failure ?? .handshake(Self.openSSLReason()))
            }
        }
        return actions
    }

    /// The handshake is complete: authenticate the peer by fingerprint, then export the keys.
    private func finish() -> [Action] {
        guard let peer = SSL_get1_peer_certificate(ssl) else { return fail(.noPeerCertificate) }
        defer { X509_free(peer) }
        do {
            try DTLSCertificate.check(peer, against: configuration.remoteFingerprints)
        } catch {
            return fail(error)
        }
        guard let name = selectedProfile, let suite = DTLSSRTPKeys.suite(forProfile: name),
              let length = DTLSSRTPKeys.exportLength(for: suite) else { return fail(.noSRTPProfile) }
        var material = [UInt8](repeating: 0, count: length)
        let label = "EXTRACTOR-dtls_srtp"
        let exported = SSL_export_keying_material(ssl, &material, length, label, label.utf8.count, nil, 0, 0)
        defer { for index in material.indices { material[index] = 0 } }
        guard exported == 1, let keys = DTLSSRTPKeys(suite: suite, exported: material, weAreClient: configuration.role == .client) else {
            return fail(.library("keying material export failed"))
        }
        state = .connected(keys)
        return [.connected(keys)]
    }

    private func fail(_ failure: DTLSFailure) -> [Action] {
        ERR_clear_error()
        state = .failed(failure)
        return [.failed(failure)]
    }

    /// Everything OpenSSL wrote, cut into datagrams at record boundaries: a memory BIO
    /// concatenates the records OpenSSL sized for `mtu`, so whole records are packed back
    /// into datagrams no larger than that (RFC 6347 §4.1.1 allows several per datagram).
    private func drainOutgoing() -> [[UInt8]] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = BIO_read(outgoing, &chunk, Int32(chunk.count))
            guard count > 0 else { break }
            bytes += chunk.prefix(Int(count))
        }
        var datagrams: [[UInt8]] = []
        var current: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let end = Self.recordEnd(bytes, at: offset) ?? bytes.count
            if !current.isEmpty, current.count + (end - offset) > configuration.mtu {
                datagrams.append(current)
                current = []
            }
            current += bytes[offset..<end]
            offset = end
        }
        if !current.isEmpty { datagrams.append(current) }
        return datagrams
    }

    /// RFC 6347 §4.1: a record is type(1) version(2) epoch(2) sequence(6) length(2) fragment.
    static func recordEnd(_ bytes: [UInt8], at offset: Int) -> Int? {
        guard offset + 13 <= bytes.count else { return nil }
        let length = Int(bytes[offset + 11]) << 8 | Int(bytes[offset + 12])
        let end = offset + 13 + length
        return end <= bytes.count ? end : nil
    }

    /// Whole records of a DTLS content type (20–63 per RFC 7983, the known ones being 20–25)
    /// and a DTLS version (major 0xFE), nothing left over.
    static func validate(_ datagram: [UInt8]) throws(DatagramError) {
        guard let first = datagram.first, (20...63).contains(first) else { throw .notDTLS }
        var offset = 0
        while offset < datagram.count {
            guard (20...63).contains(datagram[offset]), offset + 1 < datagram.count, datagram[offset + 1] == 0xFE,
                  let end = recordEnd(datagram, at: offset) else { throw .malformedRecord(offset: offset) }
            offset = end
        }
    }

    /// OpenSSL's reason for the last error ("sslv3 alert bad certificate"), then a clean queue.
    static func openSSLReason() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0, let reason = ERR_reason_error_string(code) else { return "unknown OpenSSL error" }
        return String(cString: reason)
    }
}

/// The peer's certificate against the SDP's fingerprints, as OpenSSL's verify callback asks.
private final class PeerVerifier {
    let fingerprints: [Fingerprint]
    private(set) var failure: DTLSFailure?

    init(fingerprints: [Fingerprint]) { self.fingerprints = fingerprints }

    func verify(_ certificate: OpaquePointer) -> Bool {
        do {
            try DTLSCertificate.check(certificate, against: fingerprints)
            return true
        } catch {
            failure = error
            return false
        }
    }
}

import Foundation
import MediaEngine
import SDP
import Testing
import TestSupport

/// Two DTLS-SRTP endpoints talking through memory: no sockets, datagrams handed over by hand.
private struct DTLSPair {
    let client: DTLSEndpoint
    let server: DTLSEndpoint
    var clientOutcome: [DTLSEndpoint.Action] = []
    var serverOutcome: [DTLSEndpoint.Action] = []

    /// `clientSees` / `serverSees`: the fingerprints each side checks the other against.
    init(clientCertificate: DTLSCertificate, serverCertificate: DTLSCertificate,
         clientSees: [Fingerprint]? = nil, serverSees: [Fingerprint]? = nil,
         retransmission: Duration = .seconds(1)) throws {
        client = try DTLSEndpoint(certificate: clientCertificate, configuration: .init(
            role: .client, remoteFingerprints: clientSees ?? [serverCertificate.fingerprint],
            initialRetransmissionTimeout: retransmission))
        server = try DTLSEndpoint(certificate: serverCertificate, configuration: .init(
            role: .server, remoteFingerprints: serverSees ?? [clientCertificate.fingerprint],
            initialRetransmissionTimeout: retransmission))
    }

    /// Hands datagrams back and forth until neither side has anything to say.
    /// `drop` decides, per datagram from the client (by index), whether the network loses it.
    mutating func run(_ first: [DTLSEndpoint.Action], dropFromClient drop: (Int) -> Bool = { _ in false }) throws {
        var toServer = sends(first, into: &clientOutcome)
        var toClient: [[UInt8]] = []
        var sentByClient = 0
        var rounds = 0
        while (!toServer.isEmpty || !toClient.isEmpty), rounds < 50 {
            rounds += 1
            for datagram in toServer {
                defer { sentByClient += 1 }
                if drop(sentByClient) { continue }
                toClient += sends(try server.receive(datagram), into: &serverOutcome)
            }
            toServer = []
            for datagram in toClient { toServer += sends(try client.receive(datagram), into: &clientOutcome) }
            toClient = []
        }
    }

    /// The datagrams among `actions`; the rest is kept as the outcome.
    private func sends(_ actions: [DTLSEndpoint.Action], into outcome: inout [DTLSEndpoint.Action]) -> [[UInt8]] {
        actions.compactMap { action in
            if case .send(let bytes) = action { return bytes }
            outcome.append(action)
            return nil
        }
    }
}

private func keys(_ endpoint: DTLSEndpoint) -> DTLSSRTPKeys? {
    if case .connected(let keys) = endpoint.state { return keys }
    return nil
}

private func failure(_ endpoint: DTLSEndpoint) -> DTLSFailure? {
    if case .failed(let failure) = endpoint.state { return failure }
    return nil
}

/// An RTP packet: version 2, PT 0, a 160-byte payload.
private func rtpPacket(sequence: UInt16) -> [UInt8] {
    [0x80, 0x00, UInt8(sequence >> 8), UInt8(sequence & 0xFF), 0, 0, 0, 160, 0x11, 0x22, 0x33, 0x44]
        + (0..<160).map { UInt8(truncatingIfNeeded: $0 &* 7) }
}

@Suite("DTLS-SRTP handshake engine")
struct DTLSTests {
    static let alice = try! DTLSCertificate(commonName: "alice")
    static let bob = try! DTLSCertificate(commonName: "bob")

    @Test("a handshake in memory derives the same SRTP keys on both sides, and SRTP flows both ways")
    func handshake() throws {
        var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob)
        #expect(pair.server.start().isEmpty, "a server waits for the ClientHello")
        try pair.run(pair.client.start())
        let clientKeys = try #require(keys(pair.client))
        let serverKeys = try #require(keys(pair.server))
        #expect(pair.clientOutcome == [.connected(clientKeys)])
        #expect(pair.serverOutcome == [.connected(serverKeys)])
        #expect(clientKeys.suite == .aeadAES256GCM, "our first choice of profile")
        #expect(pair.client.selectedProfile == "SRTP_AEAD_AES_256_GCM")
        #expect(pair.client.retransmissionDelay == nil && pair.server.retransmissionDelay == nil)

        let clientSRTP = try clientKeys.makeSession()
        let serverSRTP = try serverKeys.makeSession()
        for sequence in UInt16(1)...UInt16(5) {
            let packet = rtpPacket(sequence: sequence)
            let protected = try #require(clientSRTP.outbound.protectRTP(packet))
            #expect(protected != packet)
            #expect(serverSRTP.inbound.unprotectRTP(protected) == packet)
            let back = try #require(serverSRTP.outbound.protectRTP(packet))
            #expect(clientSRTP.inbound.unprotectRTP(back) == packet)
            // The client's key is not the server's (RFC 5764 §4.2): its own inbound refuses it.
            #expect(clientSRTP.inbound.unprotectRTP(protected) == nil)
        }
    }

    @Test("the key material never shows in a description")
    func keysStayPrivate() throws {
        var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob)
        try pair.run(pair.client.start())
        let clientKeys = try #require(keys(pair.client))
        #expect("\(clientKeys)" == "DTLS-SRTP keys (AEAD_AES_256_GCM)")
        #expect(String(reflecting: clientKeys) == "DTLS-SRTP keys (AEAD_AES_256_GCM)")
    }

    @Test("a certificate that does not match the SDP fingerprint fails the handshake with a clear reason")
    func fingerprintMismatch() throws {
        let stranger = try DTLSCertificate(commonName: "mallory")
        var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob,
                                clientSees: [stranger.fingerprint])
        try pair.run(pair.client.start())
        let reason = try #require(failure(pair.client))
        #expect(reason == .fingerprintMismatch(hashFunctions: ["sha-256"]))
        #expect("\(reason)" == "the peer's certificate does not match the fingerprint in its SDP (sha-256)")
        #expect(keys(pair.client) == nil)
        #expect(pair.clientOutcome == [.failed(reason)])
        // The client never sent Finished, so the server cannot have keys either.
        #expect(keys(pair.server) == nil)
    }

    @Test("the server checks the client's certificate too")
    func serverSideMismatch() throws {
        let stranger = try DTLSCertificate(commonName: "mallory")
        var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob,
                                serverSees: [stranger.fingerprint])
        try pair.run(pair.client.start())
        #expect(failure(pair.server) == .fingerprintMismatch(hashFunctions: ["sha-256"]))
        #expect(keys(pair.server) == nil)
    }

    @Test("sha-1, sha-384 and sha-512 fingerprints are accepted; lowercase hex too; MD5 is refused")
    func hashFunctions() throws {
        for hash in ["sha-1", "SHA-384", "sha-512"] {
            let digest = try #require(Self.bob.digest(hashFunction: hash))
            var fingerprint = Fingerprint(hashFunction: hash, digest: digest)
            fingerprint.value = fingerprint.value.lowercased()
            var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob, clientSees: [fingerprint])
            try pair.run(pair.client.start())
            #expect(keys(pair.client) != nil, "\(hash)")
        }
        let md5 = Fingerprint(hashFunction: "md5", value: "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF")
        var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob, clientSees: [md5])
        try pair.run(pair.client.start())
        #expect(failure(pair.client) == .noUsableFingerprint(["md5"]))
        // A usable fingerprint next to an unknown one is enough (RFC 8122 §5).
        var mixed = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob, clientSees: [md5, Self.bob.fingerprint])
        try mixed.run(mixed.client.start())
        #expect(keys(mixed.client) != nil)
    }

    @Test("a fresh certificate each time, announced as RFC 8122 uppercase sha-256 pairs")
    func certificate() throws {
        let fingerprint = Self.alice.fingerprint
        #expect(fingerprint.hashFunction == "sha-256")
        #expect(fingerprint.digest.count == 32)
        #expect(fingerprint.value.count == 32 * 3 - 1)
        #expect(fingerprint.value == fingerprint.value.uppercased())
        #expect(Self.alice.fingerprint != Self.bob.fingerprint)
        #expect(Self.alice.identity.fingerprints == [fingerprint])
    }

    @Test("junk is refused with an error, never a crash, and the handshake still completes")
    func garbage() throws {
        var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob)
        var random = SeededGenerator(seed: 0x5eed)
        // Not DTLS at all, cut-off headers, lengths past the end, trailing bytes.
        let refused: [[UInt8]] = [[], [0x80, 0, 0, 0], [22], [22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                                  [22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x00, 1, 2, 3],
                                  [22, 0x03, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]
        for junk in refused {
            #expect(throws: DTLSEndpoint.DatagramError.self) { try pair.server.receive(junk) }
        }
        // Well-framed records of later epochs full of random bytes reach OpenSSL in the middle
        // of a handshake; they fail its integrity check and are discarded (RFC 6347 §4.1.2.7),
        // so the real handshake then completes.
        let hello = pair.client.start()
        for round in 0..<300 {
            let record = Self.junkRecord(round: round, epoch: UInt8(1 + round % 2), using: &random)
            _ = try pair.server.receive(record)
            _ = try pair.client.receive(record)
        }
        #expect(failure(pair.server) == nil && failure(pair.client) == nil)
        try pair.run(hello)
        #expect(keys(pair.client) != nil && keys(pair.server) != nil)

        // Epoch 0 is plaintext: a forged handshake message there can end the handshake with
        // an alert (anyone who can spoof the peer's address can do that to any DTLS). What
        // matters here is that it ends as a reported failure, not a crash.
        let victim = try DTLSEndpoint(certificate: Self.bob, configuration: .init(role: .server, remoteFingerprints: [Self.alice.fingerprint]))
        for round in 0..<300 {
            _ = try victim.receive(Self.junkRecord(round: round, epoch: 0, using: &random))
        }
        switch victim.state {
        case .handshaking, .failed(.handshake): break
        case .idle, .connected, .failed: Issue.record("unexpected state \(victim.state)")
        }
    }

    /// type, version, epoch, sequence number, length, random fragment.
    private static func junkRecord(round: Int, epoch: UInt8, using random: inout SeededGenerator) -> [UInt8] {
        let body = (0..<Int.random(in: 0...200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        return [UInt8(20 + round % 6), 0xFE, round % 2 == 0 ? 0xFD : 0xFF, 0, epoch, 0, 0, 0, 0, 0,
                UInt8(round & 0xFF), UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }

    @Test("a lost ClientHello is sent again when the retransmission timer fires")
    func retransmission() async throws {
        var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob, retransmission: .milliseconds(20))
        let hello = pair.client.start()
        #expect(!hello.isEmpty)
        // The network loses the first flight.
        #expect(keys(pair.client) == nil)
        let delay = try #require(pair.client.retransmissionDelay)
        #expect(delay > .zero && delay <= .milliseconds(20))
        #expect(pair.client.retransmit().isEmpty, "not due yet")
        // OpenSSL 3.0's DTLS timer reads the real clock; there is no virtual one to advance.
        var again: [DTLSEndpoint.Action] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while again.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: pair.client.retransmissionDelay ?? .milliseconds(5))
            again = pair.client.retransmit()
        }
        #expect(!again.isEmpty)
        try pair.run(again)
        #expect(keys(pair.client) != nil && keys(pair.server) != nil)
    }

    @Test("a large flight is cut into datagrams no larger than the MTU")
    func mtu() throws {
        let client = try DTLSEndpoint(certificate: Self.alice, configuration: .init(
            role: .client, remoteFingerprints: [Self.bob.fingerprint], mtu: 300))
        let server = try DTLSEndpoint(certificate: Self.bob, configuration: .init(
            role: .server, remoteFingerprints: [Self.alice.fingerprint], mtu: 300))
        var toServer = client.start().compactMap { if case .send(let b) = $0 { b } else { nil } }
        var largest = 0
        for _ in 0..<10 {
            var toClient: [[UInt8]] = []
            for datagram in toServer {
                largest = max(largest, datagram.count)
                toClient += try server.receive(datagram).compactMap { if case .send(let b) = $0 { b } else { nil } }
            }
            toServer = []
            for datagram in toClient {
                largest = max(largest, datagram.count)
                toServer += try client.receive(datagram).compactMap { if case .send(let b) = $0 { b } else { nil } }
            }
        }
        #expect(keys(client) != nil && keys(server) != nil)
        #expect(largest <= 300 && largest > 100, "largest datagram \(largest)")
    }

    @Test("certificate generation cost (a figure, not a timed test)")
    func certificateCost() throws {
        let count = 20
        let start = ContinuousClock.now
        for _ in 0..<count { _ = try DTLSCertificate() }
        let each = (ContinuousClock.now - start) / count
        print("DTLS certificate (EC P-256, self-signed): \(each) each over \(count)")
        let handshakeStart = ContinuousClock.now
        for _ in 0..<count {
            var pair = try DTLSPair(clientCertificate: Self.alice, serverCertificate: Self.bob)
            try pair.run(pair.client.start())
        }
        print("DTLS-SRTP handshake in memory (both sides): \((ContinuousClock.now - handshakeStart) / count) each over \(count)")
    }
}

/// SplitMix64 (TestSupport): seeded, so every run draws the same values.
typealias SeededGenerator = SplitMix64

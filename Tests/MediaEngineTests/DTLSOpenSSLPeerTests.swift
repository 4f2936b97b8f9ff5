import Foundation
import MediaEngine
import SDP
import Testing
import TestSupport

/// Our DTLS-SRTP client against a real `openssl s_server -dtls1_2 -use_srtp` on loopback: an
/// independent implementation agrees on the handshake, the profile and, through its
/// `-keymatexport EXTRACTOR-dtls_srtp`, on the keys (RFC 5764 §4.2's split checked by SRTP
/// packets that its key material decrypts).
@Suite("DTLS-SRTP against openssl s_server")
struct DTLSOpenSSLPeerTests {
    @Test("handshake, profile and SRTP keys agree with OpenSSL's exporter",
          arguments: [("SRTP_AES128_CM_SHA1_80", SRTPCryptoSuite.aesCM128HMACSHA1_80),
                      ("SRTP_AEAD_AES_128_GCM", SRTPCryptoSuite.aeadAES128GCM)])
    func keysAgree(profile: String, suite: SRTPCryptoSuite) async throws {
        let peer = try await OpenSSLServer.start(profile: profile, exportLength: 2 * (suite.keySaltLength ?? 0))
        defer { peer.process.stop() }
        let outcome = try await OffPool.run { try handshake(with: peer, expecting: [peer.fingerprint]) }
        #expect(outcome.suite == suite, "\(outcome.failure.map { "\($0)" } ?? "")")
        #expect(outcome.clientToServer, "OpenSSL's client key decrypts what we send")
        #expect(outcome.serverToClient, "we decrypt what OpenSSL's server key protects")
        #expect(peer.process.log().contains("SRTP Extension negotiated, profile=\(profile)"))
    }

    @Test("a server certificate other than the SDP's fingerprint is refused")
    func mismatch() async throws {
        let peer = try await OpenSSLServer.start(profile: "SRTP_AES128_CM_SHA1_80", exportLength: 60)
        defer { peer.process.stop() }
        let other = try DTLSCertificate(commonName: "not-the-server")
        let outcome = try await OffPool.run { try handshake(with: peer, expecting: [other.fingerprint]) }
        #expect(outcome.suite == nil)
        #expect(outcome.failure == .fingerprintMismatch(hashFunctions: ["sha-256"]))
    }
}

private struct OpenSSLServer: Sendable {
    let process: PeerProcess
    let port: UInt16
    let fingerprint: Fingerprint
    let directory: TemporaryDirectory

    static func start(profile: String, exportLength: Int) async throws -> OpenSSLServer {
        let directory = try TemporaryDirectory(prefix: "dtls-openssl")
        let key = directory.file("key.pem"), certificate = directory.file("cert.pem")
        _ = try run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=s_server",
                     "-days", "1", "-keyout", key, "-out", certificate])
        // "sha256 Fingerprint=AB:CD:…" (OpenSSL 3 prints the hash name in lowercase or uppercase).
        let printed = try run(["x509", "-noout", "-fingerprint", "-sha256", "-in", certificate])
        let value = try #require(printed.split(separator: "=").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        let port = try LoopbackPort.free()
        // stdin must stay open (s_server ends at end of input); stdbuf makes its log line-buffered.
        let command = "sleep 120 | exec stdbuf -oL openssl s_server -dtls1_2 -accept 127.0.0.1:\(port) -cert \(certificate) -key \(key)"
            + " -use_srtp \(profile) -keymatexport EXTRACTOR-dtls_srtp -keymatexportlen \(exportLength) -verify 1"
        let process = try PeerProcess(.init(name: "openssl s_server", executable: "/bin/sh", arguments: ["-c", command],
                                            logFile: directory.file("s_server.log")))
        try await process.waitUntilReady(within: .seconds(30)) { UDPPortProbe.isBound(port) }
        return OpenSSLServer(process: process, port: port, fingerprint: Fingerprint(hashFunction: "sha-256", value: value), directory: directory)
    }

    /// Runs `openssl` to completion and returns its standard output.
    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw POSIXError(.EIO) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The exporter's output as s_server prints it ("Keying material: D1A0…"), once it has.
    func exportedKeyingMaterial() -> [UInt8]? {
        guard let line = process.log().split(separator: "\n").first(where: { $0.contains("Keying material:") }),
              let hex = line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces), hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

private struct Outcome: Sendable {
    var suite: SRTPCryptoSuite?
    var failure: DTLSFailure?
    var clientToServer = false
    var serverToClient = false
}

/// Blocking: our client endpoint on a UDP socket connected to the server, until connected,
/// failed or 30 s; then SRTP both ways against keys cut from OpenSSL's exporter output.
private func handshake(with server: OpenSSLServer, expecting fingerprints: [Fingerprint]) throws -> Outcome {
    let certificate = try DTLSCertificate()
    let endpoint = try DTLSEndpoint(certificate: certificate, configuration: .init(role: .client, remoteFingerprints: fingerprints))
    let socket = try ConnectedUDPSocket(port: server.port)
    var outcome = Outcome()
    var keys: DTLSSRTPKeys?
    func perform(_ actions: [DTLSEndpoint.Action]) {
        for action in actions {
            switch action {
            case .send(let bytes): socket.send(bytes)
            case .connected(let derived): keys = derived
            case .failed(let failure): outcome.failure = failure
            }
        }
    }
    perform(endpoint.start())
    let deadline = ContinuousClock.now + .seconds(30)
    while keys == nil, outcome.failure == nil, ContinuousClock.now < deadline {
        if let datagram = socket.receive() {
            perform((try? endpoint.receive(datagram)) ?? [])
        } else if endpoint.retransmissionDelay == .zero {
            perform(endpoint.retransmit())
        }
    }
    guard let keys else { return outcome }
    outcome.suite = keys.suite
    var material: [UInt8]?
    while material == nil, ContinuousClock.now < deadline {
        material = server.exportedKeyingMaterial()
        if material == nil { usleep(20_000) }
    }
    guard let material, let keyLength = keys.suite.masterKeyLength, let saltLength = keys.suite.masterSaltLength,
          material.count == 2 * (keyLength + saltLength) else { return outcome }
    // RFC 5764 §4.2: client key, server key, client salt, server salt.
    let clientKeySalt = Array(material[0..<keyLength] + material[2 * keyLength..<2 * keyLength + saltLength])
    let serverKeySalt = Array(material[keyLength..<2 * keyLength] + material[(2 * keyLength + saltLength)...])
    let ours = try keys.makeSession()
    let theirs = try SRTPSession(suite: keys.suite, localKeySalt: serverKeySalt, remoteKeySalt: clientKeySalt)
    let packet: [UInt8] = [0x80, 0x00, 0x00, 0x01, 0, 0, 0, 160, 1, 2, 3, 4] + Array(repeating: 0x55, count: 160)
    if let protected = ours.outbound.protectRTP(packet) { outcome.clientToServer = theirs.inbound.unprotectRTP(protected) == packet }
    if let protected = theirs.outbound.protectRTP(packet) { outcome.serverToClient = ours.inbound.unprotectRTP(protected) == packet }
    return outcome
}

/// A UDP socket on 127.0.0.1 connected to one port, reads waiting at most 20 ms.
private final class ConnectedUDPSocket {
    let fd: Int32

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: 0, tv_usec: 20_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(.EIO)
        }
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) { _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) } }

    func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? Array(buffer.prefix(count)) : nil
    }
}

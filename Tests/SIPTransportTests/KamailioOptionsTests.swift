import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// OPTIONS against a real kamailio on loopback: every transport on IPv4 and IPv6, the size
/// switch to TCP, keep-alive, and TLS refusals with their specific errors.
@Suite(.timeLimit(.minutes(1))) struct KamailioOptionsTests {
    @Test func optionsOverUDPTCPAndTLSOnIPv4AndIPv6() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "primary", addresses: ["127.0.0.1", "::1"], certificate: pki.server))
        let chosen = { (transport: SIPTransport, host: String, port: UInt16) in
            "chose \(transport) \(SIPSocketAddress(literal: host, port: port)!): numeric IP address in the URI"
        }
        var timings: [String] = []
        for (host, bracketed) in [("127.0.0.1", "127.0.0.1"), ("::1", "[::1]")] {
            for transport in [SIPTransport.udp, .tcp, .tls] {
                let port = transport == .tls ? kamailio.tlsPort : kamailio.port
                let scheme = transport == .tls ? "sips" : "sip"
                let uri = "\(scheme):\(bracketed):\(port);transport=\(transport.rawValue)"
                let report = await OptionsProbe(try OptionsProbeConfiguration(uri: uri, caFile: pki.caFile, timeout: 5)).run()
                #expect(report.answered, "\(uri): \(report.text())")
                #expect(report.response?.statusLine == "SIP/2.0 200 OK")
                #expect(report.response?.server == "kamailio-test (primary)")
                #expect(report.answeredBy?.transport == transport.description)
                #expect(report.answeredBy?.remoteAddress == SIPSocketAddress(literal: host, port: port)!.description)
                #expect(report.resolution == [
                    "transport=\(transport.rawValue) in the URI → \(transport) (RFC 3263 §4.1)",
                    "numeric host \(host) → no DNS, port \(port) (RFC 3263 §4.2)", chosen(transport, host, port),
                ])
                if transport == .tls {
                    #expect(report.tls?.verified == true)
                    #expect(report.tls?.peerSubject == "CN=sip.example.test, O=Dialtone Test")
                    #expect(["TLSv1.2", "TLSv1.3"].contains(report.tls?.version ?? ""))
                }
                timings.append("\(transport) \(host): \(report.roundTripMs.map { OptionsReport.milliseconds($0) } ?? "-") ms")
            }
        }
        print("OPTIONS round trips to kamailio: " + timings.joined(separator: ", "))
        await kamailio.stop()
    }

    @Test func aRequestAbove1300BytesLeavesUDPForTCP() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "sizes", certificate: pki.server))
        try await withEventLoop { group in
            let client = try await Node.start(name: "A", group: group)
            let targets = TargetList([Make.target(.udp, "127.0.0.1", kamailio.port)], failbackInterval: .seconds(60))
            let uri = "sip:127.0.0.1:\(kamailio.port)"
            let small = await client.layer.send(Make.options(to: uri), over: targets, options: .init(attemptTimeout: .seconds(5)))
            let large = await client.layer.send(Make.options(to: uri, padding: 1400), over: targets, options: .init(attemptTimeout: .seconds(5)))
            #expect(small.response.statusCode == 200)
            #expect(large.response.statusCode == 200)
            guard case .server(_, let smallFlow) = small.source, case .server(_, let largeFlow) = large.source else {
                Issue.record("no answer: \(small.source) \(large.source)"); return
            }
            #expect(smallFlow.transport == .udp)
            #expect(largeFlow.transport == .tcp)  // RFC 3261 §18.1.1
            #expect(largeFlow.remote.port == kamailio.port)
            await client.shutdown()
        }
        await kamailio.stop()
    }

    @Test func keepAlivePongsThenADeadFlowWhenKamailioStops() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "keepalive", certificate: pki.server))
        try await withEventLoop { group in
            let client = try await Node.start(name: "A", group: group)
            let address = Make.ip("127.0.0.1")
            let tcp = try await client.transport.flow(for: ConnectionTarget(TransportEndpoint(.tcp, address, port: kamailio.port)))
            let udp = try await client.transport.flow(for: ConnectionTarget(TransportEndpoint(.udp, address, port: kamailio.port)))
            let often = KeepAliveConfiguration(interval: .milliseconds(100), timeout: .seconds(2), jitter: 0)
            await client.transport.startKeepAlive(on: tcp, often)
            await client.transport.startKeepAlive(on: udp, often)
            for flow in [tcp, udp] {
                let pong = await client.events.first { if case .keepAlivePong(let ponged, _) = $0 { ponged == flow } else { false } }
                #expect(pong != nil, "no pong on \(flow)")
            }
            await kamailio.stop()
            for flow in [tcp, udp] {
                let dead = await client.events.first { if case .flowFailed(let failed, _) = $0 { failed == flow } else { false } }
                #expect(dead != nil, "\(flow) not reported dead")
            }
            await client.shutdown()
        }
    }

    /// NIOSSL alone would accept `*.example.test` for `sip.example.test`; RFC 5922 §7.2 says no.
    @Test func tlsRefusesAWildcardCertificate() async throws {
        let pki = try await TestCertificateAuthority()
        let server = try await Kamailio(.init(name: "wildcard", certificate: pki.wildcard))
        let trusted = TLSClientSettings(trust: .caFile(pki.caFile))
        let target = Make.target(.tls, "127.0.0.1", server.tlsPort)
        try await withEventLoop { group in
            let client = try await Node.start(connectTimeout: .seconds(5), name: "A", group: group)
            let outcome = await client.layer.send(
                Make.options(), over: TargetList([target], failbackInterval: .seconds(60)),
                options: .init(tls: trusted, serverName: "sip.example.test"))
            #expect(outcome.source == .transportError(.tls(target.endpoint,
                .hostNameMismatch(expected: "sip.example.test", presented: ["*.example.test"]))))
            #expect(outcome.response.statusCode == 503)
            // The same certificate is fine when the user explicitly accepts unverified ones.
            let lenient = await client.layer.send(
                Make.options(), over: TargetList([target], failbackInterval: .seconds(60)),
                options: .init(tls: TLSClientSettings(trust: .caFile(pki.caFile), acceptUnverifiedCertificate: true),
                               serverName: "sip.example.test"))
            // kamailio answered over the TLS connection (which status does not matter here).
            guard case .server(_, let flow) = lenient.source else { Issue.record("no answer: \(lenient.source)"); return }
            #expect(flow.tls?.verified == false)
            await client.shutdown()
        }
        await server.stop()
    }

    @Test func tlsRefusesAnUnknownCAAndAWrongHostName() async throws {
        let pki = try await TestCertificateAuthority()
        async let rogue = Kamailio(.init(name: "rogue", certificate: pki.unknownCA))
        async let wrong = Kamailio(.init(name: "wrong", certificate: pki.wrongHost))
        async let picky = Kamailio(.init(name: "picky", certificate: pki.server, tlsMethod: "TLSv1.2", cipherList: "CAMELLIA256-SHA"))
        let (rogueServer, wrongServer, pickyServer) = try await (rogue, wrong, picky)
        let trusted = TLSClientSettings(trust: .caFile(pki.caFile))
        try await withEventLoop { group in
            let client = try await Node.start(connectTimeout: .seconds(1), name: "A", group: group)
            let unknown = await client.layer.send(
                Make.options(), over: TargetList([Make.target(.tls, "127.0.0.1", rogueServer.tlsPort)], failbackInterval: .seconds(60)),
                options: .init(tls: trusted, serverName: "example.test"))
            #expect(unknown.source == .transportError(.tls(Make.target(.tls, "127.0.0.1", rogueServer.tlsPort).endpoint,
                .unknownCertificateAuthority(subject: "CN=sip.example.test, O=Somebody Else", issuer: "CN=Rogue CA, O=Somebody Else"))))
            let mismatch = await client.layer.send(
                Make.options(), over: TargetList([Make.target(.tls, "127.0.0.1", wrongServer.tlsPort)], failbackInterval: .seconds(60)),
                options: .init(tls: trusted, serverName: "example.test"))
            #expect(mismatch.source == .transportError(.tls(Make.target(.tls, "127.0.0.1", wrongServer.tlsPort).endpoint,
                .hostNameMismatch(expected: "example.test", presented: ["wrong.example.invalid"]))))
            #expect(mismatch.response.statusCode == 503)
            // No cipher in common: the server's alert ends the handshake.
            let noCipher = Make.target(.tls, "127.0.0.1", pickyServer.tlsPort)
            let refused = await client.layer.send(Make.options(), over: TargetList([noCipher], failbackInterval: .seconds(60)),
                                                  options: .init(tls: trusted, serverName: "example.test"))
            #expect(refused.source == .transportError(.tls(noCipher.endpoint, .handshakeRefused(detail: "SSLV3_ALERT_HANDSHAKE_FAILURE"))))
            // TLS to kamailio's plain TCP port: the ClientHello is not SIP. Either the handshake
            // never ends, or kamailio drops the connection first; both name a TLS handshake fault.
            let plain = Make.target(.tls, "127.0.0.1", wrongServer.port)
            let silent = await client.layer.send(Make.options(), over: TargetList([plain], failbackInterval: .seconds(60)),
                                                 options: .init(tls: trusted, serverName: "example.test"))
            switch silent.source {
            case .transportError(.tls(plain.endpoint, .handshakeTimedOut(after: .seconds(1)))),
                 .transportError(.tls(plain.endpoint, .handshakeRefused)):
                break
            default:
                Issue.record("TLS to a plain TCP port gave \(silent.source)")
            }
            await client.shutdown()
        }
        let report = await OptionsProbe(try OptionsProbeConfiguration(uri: "sips:127.0.0.1:\(rogueServer.tlsPort)", caFile: pki.caFile)).run()
        #expect(!report.answered)
        #expect(report.failure?.kind == "tls")
        #expect(report.attempts.map(\.tlsFailure) == ["unknown-ca"])
        #expect(report.failure?.message.contains("issued by an unknown certificate authority (CN=Rogue CA, O=Somebody Else)") == true)
        // Only an explicit request accepts it, and the report says what was not verified.
        let insecure = await OptionsProbe(try OptionsProbeConfiguration(
            uri: "sips:127.0.0.1:\(rogueServer.tlsPort)", caFile: pki.caFile, insecure: true)).run()
        #expect(insecure.answered)
        #expect(insecure.tls?.verified == false)
        #expect(insecure.tls?.warning?.contains("unknown certificate authority (CN=Rogue CA, O=Somebody Else)") == true)
        #expect(insecure.text().contains("WARNING: certificate accepted without verification"))
        await rogueServer.stop()
        await wrongServer.stop()
        await pickyServer.stop()
    }
}

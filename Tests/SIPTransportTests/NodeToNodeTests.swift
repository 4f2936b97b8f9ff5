import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// Two nodes in one process over loopback: requests, responses back on the arrival flow, TLS
/// with the test CA, and the typed TLS failures our own listener can provoke.
@Suite(.timeLimit(.minutes(1))) struct NodeToNodeTests {
    @Test func optionsOverUDPv4TCPv6AndTLSv4() async throws {
        let pki = try await TestCertificateAuthority()
        try await withEventLoop { group in
            let server = try await Node.start(
                [.init(.udp, address: "127.0.0.1"), .init(.tcp, address: "::1"), .init(.tls, address: "127.0.0.1")],
                identity: TLSServerIdentity(chainFile: pki.server.certificate, keyFile: pki.server.key), name: "B", group: group)
            let client = try await Node.start(name: "A", group: group)
            for (transport, family) in [(SIPTransport.udp, IPAddress.Family.ipv4), (.tcp, .ipv6), (.tls, .ipv4)] {
                let options = RequestOptions(tls: .init(trust: .caFile(pki.caFile)), attemptTimeout: .seconds(5))
                let outcome = await client.layer.send(Make.options(), over: server.targets(transport, family), options: options)
                #expect(outcome.response.statusCode == 200, "\(transport)")
                #expect(outcome.response.headers[.server] == "B")
                guard case .server(_, let flow) = outcome.source else { Issue.record("no server for \(transport)"); continue }
                #expect(flow.transport == transport)
                #expect(flow.remote == server.listener(transport, family).local)
                if transport == .tls {
                    #expect(flow.tls?.verified == true)
                    #expect(flow.tls?.version == "TLSv1.3")
                    #expect(flow.tls?.peerSubject == "CN=sip.example.test, O=Dialtone Test")
                    #expect(flow.tls?.peerIssuer == "CN=Dialtone Test CA, O=Dialtone Test")
                    #expect(flow.tls?.peerNames == ["example.test", "sip.example.test", "127.0.0.1", "::1"])
                }
            }
            // The server saw the UDP request with received/rport stamped from the real source.
            let udp = await server.events.all.isEmpty
            #expect(udp)  // answered by the layer itself: nothing reached the TU
            await client.shutdown()
            await server.shutdown()
        }
    }

    @Test func theTUSeesRequestsWithRPortAndAnswersOnTheArrivalConnection() async throws {
        try await withEventLoop { group in
            let server = try await Node.start([.init(.udp, address: "127.0.0.1"), .init(.tcp, address: "127.0.0.1")],
                                              answersOptions: false, name: "B", group: group)
            let client = try await Node.start(name: "A", group: group)
            for transport in [SIPTransport.udp, .tcp] {
                async let outcome = client.layer.send(Make.options(), over: server.targets(transport), options: .init(attemptTimeout: .seconds(5)))
                let event = await server.events.first { event in
                    if case .requestReceived(let incoming) = event { incoming.origin.flow.transport == transport } else { false }
                }
                guard case .requestReceived(let incoming)? = event else { Issue.record("nothing for the TU"); continue }
                let via = try #require(try incoming.request.headers.via.first)
                switch transport {
                case .udp:  // rport asked: both marks, even though the address matches (RFC 3581 §4)
                    #expect(via.received == .ipv4("127.0.0.1"))
                    #expect(via.rport == .some(incoming.origin.flow.remote.port))
                case .tcp, .tls:  // sent-by is the source: nothing to add (RFC 3261 §18.2.1)
                    #expect(via.received == nil)
                    #expect(via.host == .ipv4("127.0.0.1") && via.port == incoming.origin.flow.remote.port)
                }
                let response = ResponseFactory.response(to: incoming.request, statusCode: 486, reasonPhrase: "Busy Here", toTag: "b")
                await server.layer.respond(to: incoming, with: response)
                let result = await outcome
                #expect(result.response.statusCode == 486)
                #expect(result.attempts.count == 1)  // 486 is an answer: no failover
            }
            await client.shutdown()
            await server.shutdown()
        }
    }

    /// RFC 5923: A's request over TCP carries `alias`, so B's requests to A's sent-by (A's TCP
    /// listener) reuse A's connection instead of opening a new one to the listener.
    @Test func aliasLetsTheServerReuseTheClientsConnection() async throws {
        try await withEventLoop { group in
            let server = try await Node.start([.init(.tcp, address: "127.0.0.1")], answersOptions: false, name: "B", group: group)
            let client = try await Node.start([.init(.tcp, address: "127.0.0.1")], answersOptions: false, name: "A", group: group)
            async let outcome = client.layer.send(Make.options(), over: server.targets(.tcp), options: .init(attemptTimeout: .seconds(5)))
            let event = await server.events.first { if case .requestReceived = $0 { true } else { false } }
            guard case .requestReceived(let incoming)? = event else { Issue.record("nothing for the TU"); return }
            let via = try #require(try incoming.request.headers.via.first)
            #expect(via.parameters.contains("alias"))
            let aListener = client.listener(.tcp).local
            #expect(via.port == aListener.port)
            let back = try await server.transport.flow(for: ConnectionTarget(TransportEndpoint(.tcp, aListener.address, port: aListener.port)))
            #expect(back.socket == incoming.origin.flow.socket)
            #expect(back.remote.port != aListener.port)  // the client's ephemeral port: the same connection
            await server.layer.respond(to: incoming, with: ResponseFactory.response(to: incoming.request, statusCode: 200, reasonPhrase: "OK", toTag: "b"))
            #expect(await outcome.response.statusCode == 200)
            await client.shutdown()
            await server.shutdown()
        }
    }

    @Test func tlsFailuresOurListenerProvokes() async throws {
        let pki = try await TestCertificateAuthority()
        try await withEventLoop { group in
            let expired = try await Node.start([.init(.tls, address: "127.0.0.1")],
                identity: TLSServerIdentity(chainFile: pki.expired.certificate, keyFile: pki.expired.key), name: "expired", group: group)
            let demanding = try await Node.start([.init(.tls, address: "127.0.0.1")],
                identity: TLSServerIdentity(chainFile: pki.server.certificate, keyFile: pki.server.key, clientCAFile: pki.caFile),
                name: "demanding", group: group)
            let client = try await Node.start(name: "A", group: group)
            let trusted = TLSClientSettings(trust: .caFile(pki.caFile))

            let old = await client.layer.send(Make.options(), over: expired.targets(.tls), options: .init(tls: trusted))
            guard case .transportError(.tls(_, .certificateExpired(let subject, let notAfter))) = old.source else {
                Issue.record("expected an expired certificate, got \(old.source)"); return
            }
            #expect(subject == "CN=sip.example.test, O=Dialtone Test")
            #expect(TLSFailure.certificateExpired(subject: subject, notAfter: notAfter).description
                == "the server certificate (CN=sip.example.test, O=Dialtone Test) expired on 2020-02-01 00:00:00 UTC")
            #expect(old.response.statusCode == 503)  // a transport error, as RFC 3261 §8.1.3.1 says

            // TLS 1.3: the client's handshake completes before the server checks the client
            // certificate, so the refusal arrives as an alert that kills the new connection.
            let anonymous = await client.layer.send(Make.options(), over: demanding.targets(.tls), options: .init(tls: trusted))
            guard case .transportError(.connectionLost(_, let reason)) = anonymous.source else {
                Issue.record("expected a lost connection, got \(anonymous.source)"); return
            }
            #expect(reason == "connection closed (TLS alert TLSV1_ALERT_CERTIFICATE_REQUIRED)")
            let withCertificate = TLSClientSettings(
                trust: .caFile(pki.caFile), clientCertificate: .init(chainFile: pki.client.certificate, keyFile: pki.client.key))
            let identified = await client.layer.send(Make.options(), over: demanding.targets(.tls), options: .init(tls: withCertificate))
            #expect(identified.response.statusCode == 200)

            let insecure = TLSClientSettings(trust: .caFile(pki.caFile), acceptUnverifiedCertificate: true)
            let accepted = await client.layer.send(Make.options(), over: expired.targets(.tls), options: .init(tls: insecure))
            guard case .server(_, let flow) = accepted.source else { Issue.record("not accepted: \(accepted.source)"); return }
            #expect(flow.tls?.verified == false)
            #expect(flow.tls?.warning?.hasPrefix("certificate accepted without verification: the server certificate (CN=sip.example.test, O=Dialtone Test) expired") == true)
            for node in [client, expired, demanding] { await node.shutdown() }
        }
    }
}

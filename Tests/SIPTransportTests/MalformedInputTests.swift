import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// Raw bytes from the test to our listeners: malformed requests get a 400 naming the fault,
/// malformed responses and oversize datagrams are dropped and recorded, and the listener
/// keeps working afterwards.
@Suite(.timeLimit(.minutes(1))) struct MalformedInputTests {
    static let missingCallID = """
        OPTIONS sip:127.0.0.1 SIP/2.0\r
        Via: SIP/2.0/UDP 127.0.0.1:9;rport;branch=z9hG4bK-raw1\r
        Max-Forwards: 70\r
        From: <sip:raw@127.0.0.1>;tag=r\r
        To: <sip:127.0.0.1>\r
        CSeq: 1 OPTIONS\r
        Content-Length: 0\r
        \r

        """

    @Test func udpMalformedRequestGets400OversizeIsDroppedAndTheListenerLivesOn() async throws {
        try await withEventLoop { group in
            let node = try await Node.start([.init(.udp, address: "127.0.0.1")], name: "B", group: group)
            let port = node.listener(.udp).local.port
            let raw = try RawUDPSocket()
            raw.send(Array(Self.missingCallID.utf8), to: "127.0.0.1", port: port)
            let answer = try await OffPool.run { raw.receive(within: .seconds(5)) }
            let text = String(decoding: try #require(answer), as: UTF8.self)
            #expect(text.hasPrefix("SIP/2.0 400 Missing Call-ID header\r\n"))
            #expect(text.contains("Via: SIP/2.0/UDP 127.0.0.1:9;rport;branch=z9hG4bK-raw1"))
            #expect(await node.events.first { if case .requestRejected = $0 { true } else { false } } != nil)

            let oversize = Array(Self.missingCallID.replacingOccurrences(of: "CSeq", with: "X-Big: " + String(repeating: "b", count: 64_000) + "\r\nCSeq").utf8)
            #expect(oversize.count > 64_000)
            raw.send(oversize, to: "127.0.0.1", port: port)
            let dropped = await node.events.first { if case .messageDropped(let reason, _) = $0 { reason.contains("unparsable") } else { false } }
            #expect(dropped != nil)

            let good = Self.missingCallID.replacingOccurrences(of: "CSeq: 1", with: "Call-ID: ok\r\nCSeq: 1")
            raw.send(Array(good.utf8), to: "127.0.0.1", port: port)
            let ok = try await OffPool.run { raw.receive(within: .seconds(5)) }
            #expect(String(decoding: try #require(ok), as: UTF8.self).hasPrefix("SIP/2.0 200 OK\r\n"))
            await node.shutdown()
        }
    }

    /// The wire trace (the debug pane's message list) shows datagrams exactly as they came:
    /// the malformed request that got a 400, the unparsable one that was dropped, and a good
    /// one without the `received` we add to its Via for ourselves.
    @Test func theWireTraceHoldsReceivedDatagramsAsTheyCameEvenRejectedOrDropped() async throws {
        try await withEventLoop { group in
            let node = try await Node.start([.init(.udp, address: "127.0.0.1")], name: "B", group: group)
            let trace = EventLog<WireRecord>.collecting(node.transport.wire)
            let port = node.listener(.udp).local.port
            let raw = try RawUDPSocket()
            let garbage = Array("NOT SIP AT ALL\r\n\r\n".utf8)
            let good = Array(Self.missingCallID.replacingOccurrences(of: "CSeq: 1", with: "Call-ID: ok\r\nCSeq: 1").utf8)
            for datagram in [Array(Self.missingCallID.utf8), garbage, good] {
                raw.send(datagram, to: "127.0.0.1", port: port)
                _ = try await OffPool.run { raw.receive(within: .seconds(1)) }
            }
            for datagram in [Array(Self.missingCallID.utf8), garbage, good] {
                let seen = await trace.first { $0.direction == .received && $0.bytes == datagram }
                #expect(seen != nil, "not traced as received: \(String(decoding: datagram, as: UTF8.self))")
            }
            await node.shutdown()
        }
    }

    @Test func tcpMalformedRequestGets400OnTheSameConnection() async throws {
        try await withEventLoop { group in
            let node = try await Node.start([.init(.tcp, address: "::1")], name: "B", group: group)
            let port = node.listener(.tcp, .ipv6).local.port
            let request = Self.missingCallID
                .replacingOccurrences(of: "CSeq: 1 OPTIONS", with: "Call-ID: tcp\r\nCSeq: 1 INVITE")
                .replacingOccurrences(of: "SIP/2.0/UDP", with: "SIP/2.0/TCP")
            let reply = try await OffPool.run {
                let connection = try RawTCPConnection(host: "::1", port: port)
                connection.send(Array(request.utf8))
                return connection.receive(within: .seconds(5)) { String(decoding: $0, as: UTF8.self).hasSuffix("\r\n\r\n") }
            }
            #expect(String(decoding: reply, as: UTF8.self).hasPrefix("SIP/2.0 400 CSeq method INVITE does not match request method OPTIONS\r\n"))
            await node.shutdown()
        }
    }

    @Test func malformedResponsesAreDroppedAndRecorded() async throws {
        try await withEventLoop { group in
            let node = try await Node.start([.init(.udp, address: "127.0.0.1")], name: "B", group: group)
            let raw = try RawUDPSocket()
            let response = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-x\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:b@b>\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
            raw.send(Array(response.utf8), to: "127.0.0.1", port: node.listener(.udp).local.port)
            let event = await node.events.first { if case .messageDropped = $0 { true } else { false } }
            guard case .messageDropped(let reason, let origin)? = event else { Issue.record("no drop recorded"); return }
            #expect(reason == "malformed response 200: Missing Call-ID header")
            #expect(origin.flow.remote.port == raw.port)
            await node.shutdown()
        }
    }
}

import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// `TransactionLayer.cancel` (RFC 3261 §9.1): the CANCEL takes the pending INVITE's Via and
/// branch and goes to the same place, so the server's INVITE transaction matches it.
@Suite(.timeLimit(.minutes(1))) struct CancelTests {
    static func invite(callID: String) -> SIPRequest {
        let headers: SIPHeaders = [
            (.maxForwards, "70"), (.from, "<sip:alice@dialtone.invalid>;tag=a1"), (.to, "<sip:bob@127.0.0.1>"),
            (.callID, callID), (.cseq, "7 INVITE"), (.contact, "<sip:alice@127.0.0.1>"), (.contentLength, "0"),
        ]
        return SIPRequest(method: .invite, uri: try! URI(parsing: "sip:bob@127.0.0.1"), headers: headers)
    }

    static func cancel(callID: String) -> SIPRequest {
        let headers: SIPHeaders = [
            (.maxForwards, "70"), (.from, "<sip:alice@dialtone.invalid>;tag=a1"), (.to, "<sip:bob@127.0.0.1>"),
            (.callID, callID), (.cseq, "7 CANCEL"), (.contentLength, "0"),
        ]
        return SIPRequest(method: .cancel, uri: try! URI(parsing: "sip:bob@127.0.0.1"), headers: headers)
    }

    static func parse(_ bytes: [UInt8]?) -> SIPRequest? {
        guard let bytes, case .request(let request) = try? SIPMessageParser.parse(datagram: bytes) else { return nil }
        return request
    }

    @Test func theCancelReusesTheInvitesBranchAndIsAnswered() async throws {
        let server = try RawUDPSocket()
        try await withEventLoop { group in
            let client = try await Node.start(name: "A", group: group)
            let targets = TargetList([Make.target(.udp, "127.0.0.1", server.port)], failbackInterval: .seconds(60))
            let layer = client.layer
            async let outcome = layer.send(Self.invite(callID: "cancel-1"), over: targets)
            let received = try await OffPool.run { server.receive(within: .seconds(20)) }
            let invite = try #require(Self.parse(received))
            let port = try #require((try? invite.headers.via.first)?.port)
            _ = server.send(Make.response(to: received ?? [], status: 180, reason: "Ringing", server: "bob"), to: "127.0.0.1", port: port)
            // Nothing pending under another Call-ID.
            #expect(await layer.cancel(Self.cancel(callID: "other")) == nil)
            async let cancelled = layer.cancel(Self.cancel(callID: "cancel-1"))
            let cancelBytes = try await OffPool.run { () -> [UInt8]? in
                // Skip INVITE retransmissions until the CANCEL arrives.
                for _ in 0..<10 {
                    guard let bytes = server.receive(within: .seconds(20)) else { return nil }
                    if Self.parse(bytes)?.method == .cancel { return bytes }
                }
                return nil
            }
            let cancel = try #require(Self.parse(cancelBytes))
            #expect(cancel.headers.values(.via).first == invite.headers.values(.via).first)
            #expect(cancel.headers[.cseq] == "7 CANCEL")
            _ = server.send(Make.response(to: cancelBytes ?? [], status: 200, reason: "OK", server: "bob"), to: "127.0.0.1", port: port)
            #expect(await cancelled?.statusCode == 200)
            _ = server.send(Make.response(to: received ?? [], status: 487, reason: "Request Terminated", server: "bob"), to: "127.0.0.1", port: port)
            #expect(await outcome.response.statusCode == 487)
            // Once the INVITE has its final response there is nothing left to cancel.
            #expect(await layer.cancel(Self.cancel(callID: "cancel-1")) == nil)
            await client.shutdown()
        }
    }
}

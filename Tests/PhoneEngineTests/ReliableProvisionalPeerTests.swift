import Foundation
import PhoneEngine
import Testing
import TestSupport

/// RFC 3262 against a real caller: sipp requires 100rel (`uac-100rel.xml`), checks that our
/// 180 is reliable (Require: 100rel, RSeq), PRACKs it with the RAck the RSeq names, and expects
/// the PRACK's 200 before the INVITE's 200. sipp exits non-zero on any deviation.
@Suite(.timeLimit(.minutes(3))) struct ReliableProvisionalPeerTests {
    /// We answer at once, most likely before the PRACK arrives: the 2xx must wait for it.
    @Test func sippRequiring100relIsAnsweredAfterItsPrack() async throws {
        let phone = try await TestPhone.start("alice")
        defer { Task { await phone.stop() } }
        let sipp = try Sipp(scenario: "uac-100rel.xml", target: "127.0.0.1:\(phone.port)", arguments: ["-s", "alice"])
        defer { Task { await sipp.stop() } }
        let incoming = try #require(await phone.waitFor("incoming"), "\(sipp.log)")
        #expect(await phone.engine.answer(incoming.call))
        #expect(await phone.waitFor("answered", call: incoming.call) != nil, "\(sipp.log)\n\(SippCallTests.messages(phone))")
        let ended = try #require(await phone.waitFor("ended", call: incoming.call), "\(sipp.log)")
        if case .ended(_, let reason, _) = ended.kind { #expect(reason == "Remote party hung up") }
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)\n\(SippCallTests.messages(phone))")

        let sent = phone.watcher.traces.filter { $0.direction == .sent }
        let ringing = try #require(sent.first { $0.firstLine.hasPrefix("SIP/2.0 180") })
        #expect(ringing.text.contains("\r\nRSeq: ") && ringing.text.contains("\r\nRequire: 100rel\r\n"))
        let order = sent.map(\.firstLine).filter { $0.hasPrefix("SIP/2.0 200") }
        let cseqs = sent.filter { $0.firstLine.hasPrefix("SIP/2.0 200") }.compactMap { entry in
            entry.text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("cseq:") }.map(String.init)
        }
        #expect(cseqs.first == "CSeq: 2 PRACK", "the PRACK's 200 goes first: \(order) \(cseqs)")
        #expect(try phone.history.latestCalls(1).first?.direction == .incoming)
    }

    /// A caller that never PRACKs: after 64·T1 (32 s) the INVITE is refused with 504 and the
    /// call ends. The caller is a raw UDP socket that never answers our 180.
    @Test func callerThatNeverPracksGets504() async throws {
        let phone = try await TestPhone.start("alice")
        defer { Task { await phone.stop() } }
        let socket = try RawUDPSocket()
        let invite = """
            INVITE sip:alice@127.0.0.1:\(phone.port) SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:\(socket.port);branch=z9hG4bK-noprack-1\r
            From: <sip:mute@127.0.0.1:\(socket.port)>;tag=mute-1\r
            To: <sip:alice@127.0.0.1:\(phone.port)>\r
            Call-ID: noprack-\(socket.port)@127.0.0.1\r
            CSeq: 1 INVITE\r
            Contact: <sip:mute@127.0.0.1:\(socket.port)>\r
            Max-Forwards: 70\r
            Require: 100rel\r
            Content-Length: 0\r
            \r

            """
        #expect(socket.send(Array(invite.utf8), to: "127.0.0.1", port: phone.port))
        let incoming = try #require(await phone.waitFor("incoming"))
        let ended = try #require(await phone.waitFor("ended", call: incoming.call, within: .seconds(60)))
        if case .ended(let code, _, _) = ended.kind { #expect(code == 504) }
        // The trace of the 504 may arrive after the event: wait for it rather than race it.
        let rejected = await phone.watcher.wait(within: .seconds(30)) { state in
            state.traces.contains { $0.direction == .sent && $0.firstLine.hasPrefix("SIP/2.0 504") }
        }
        let sent = phone.watcher.traces.filter { $0.direction == .sent }.map(\.firstLine)
        #expect(rejected, "\(sent)")
        #expect(sent.filter { $0.hasPrefix("SIP/2.0 180") }.count >= 6, "retransmitted until the timeout: \(sent)")
    }
}

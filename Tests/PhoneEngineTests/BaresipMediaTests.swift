import Foundation
import MediaEngine
import NIOPosix
import PhoneEngine
import SDP
import Testing
import TestSupport

/// Calls with real audio between Dialtone's engine and a real baresip through a real kamailio
/// (issue 6, "tested for real"): each side plays a tone file of its own frequency, each side
/// records what it hears, and both recordings are checked (dominant frequency by Goertzel,
/// level, how much of the call carried sound). baresip's file ends after 3 s and its menu then
/// hangs up, which keeps every call short.
@Suite(.timeLimit(.minutes(3))) struct BaresipMediaTests {
    /// Dialtone's tone, and baresip's: different, so a recording of one's own echo cannot pass.
    static let dialtoneTone = 1000.0
    static let baresipTone = 440.0

    @Test("a call to baresip carries each codec's audio both ways", arguments: ["pcmu", "pcma", "g722", "opus"])
    func codec(_ codec: String) async throws {
        let call = try await MediaCall.start(codec: codec)
        let result = try await call.dialBaresip()
        #expect(result.answered?.contains(codec) == true, "\(String(describing: result.answered))")
        try await call.checkBothRecordings()
        await call.stop()
    }

    /// Dialtone offers one suite at a time (RFC 4568 §6.1: the answer picks from the offer), so
    /// baresip's answer must name it; Debian's baresip offers only AES_CM_128_HMAC_SHA1_80
    /// itself, which the incoming test covers.
    @Test("SDES-SRTP to baresip for each suite", arguments: [
        SRTPCryptoSuite.aesCM128HMACSHA1_80, .aesCM128HMACSHA1_32, .aeadAES128GCM, .aeadAES256GCM,
    ])
    func sdes(_ suite: SRTPCryptoSuite) async throws {
        let call = try await MediaCall.start(codec: "pcmu", srtp: "mandatory", baresipEncryption: "srtp-mand", suites: [suite])
        let result = try await call.dialBaresip()
        #expect(result.answered?.contains("srtp-sdes") == true, "\(String(describing: result.answered))")
        let answer = call.watcher.traces.first { $0.direction == .received && $0.text.hasPrefix("SIP/2.0 200") && $0.text.contains("a=crypto") }
        #expect(answer?.text.contains("a=crypto:1 \(suite.description) inline:") == true, "\(answer?.text ?? call.baresip.log)")
        #expect(answer?.text.contains("RTP/SAVP") == true)
        try await call.checkBothRecordings()
        await call.stop()
    }

    /// DTLS-SRTP (RFC 5763/5764) with baresip's dtls_srtp module: our offer carries only a
    /// fingerprint (no key in the SDP); the handshake on the media path keys SRTP both ways.
    @Test("DTLS-SRTP to baresip: our fingerprint offer, a handshake, audio both ways")
    func dtlsOutgoing() async throws {
        let call = try await MediaCall.start(codec: "pcmu", srtp: "mandatory", keying: "dtls", baresipEncryption: "dtls_srtp")
        let result = try await call.dialBaresip()
        #expect(result.answered?.contains("dtls-srtp") == true, "\(String(describing: result.answered))\n\(call.baresip.log)")
        let offer = call.watcher.traces.first { $0.direction == .sent && $0.text.hasPrefix("INVITE") && $0.text.contains("m=audio") }
        #expect(offer?.text.contains("UDP/TLS/RTP/SAVP") == true && offer?.text.contains("a=crypto") == false, "\(offer?.text ?? "")")
        try await call.checkBothRecordings()
        await call.stop()
    }

    @Test("a DTLS-SRTP call from baresip is answered as the DTLS client with audio both ways")
    func dtlsIncoming() async throws {
        let call = try await MediaCall.start(codec: "pcmu", srtp: "mandatory", baresipEncryption: "dtls_srtp")
        try await call.answerBaresipsCall(expecting: "dtls-srtp")
        try await call.checkBothRecordings()
        await call.stop()
    }

    @Test("an SRTP call from baresip (it offers AES_CM_128_HMAC_SHA1_80) is answered with audio both ways")
    func incomingSRTP() async throws {
        let call = try await MediaCall.start(codec: "pcmu", srtp: "mandatory", baresipEncryption: "srtp-mand")
        try await call.answerBaresipsCall(expecting: "srtp-sdes")
        let offer = call.watcher.traces.first { $0.direction == .received && $0.text.hasPrefix("INVITE") }
        #expect(offer?.text.contains("AES_CM_128_HMAC_SHA1_80") == true)
        try await call.checkBothRecordings()
        await call.stop()
    }
}

/// One kamailio, one baresip (bob) playing and recording, one engine (alice) playing and
/// recording, in a fresh directory.
struct MediaCall {
    let kamailio: Kamailio
    let baresip: Baresip
    let engine: PhoneEngine
    let watcher: EngineWatcher
    let directory: TemporaryDirectory
    let codec: String


    static func start(
        codec: String, srtp: String = "off", keying: String = "sdes", baresipEncryption: String? = nil,
        suites: [SRTPCryptoSuite] = SRTPSession.offeredSuites
    ) async throws -> MediaCall {
        let directory = try TemporaryDirectory(prefix: "baresip-media")
        try Self.writeTone(BaresipMediaTests.dialtoneTone, seconds: 3, to: directory.file("dialtone-tone.wav"))
        try Self.writeTone(BaresipMediaTests.baresipTone, seconds: 3, to: directory.file("baresip-tone.wav"))
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "media-\(codec)", certificate: pki.server, users: KamailioCallTests.users))
        var bob = Baresip.Configuration(name: "bob", user: "bob", password: "bobpw", proxy: "127.0.0.1:\(kamailio.port)")
        bob.audioCodecs = [codec]
        bob.mediaEncryption = baresipEncryption
        bob.playFile = directory.file("baresip-tone.wav")
        bob.recordsAudio = true
        let baresip = try await Baresip(bob)
        let port = try LoopbackPort.free()
        let toml = """
            [general]
            listen = ["udp:127.0.0.1:\(port)"]

            """ + EngineHarness.account(
                "alice", user: "alice", password: "alicepw", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "udp",
                extra: "codecs = [\"\(codec)\"]\nsrtp = \"\(srtp)\"\nsrtp_keying = \"\(keying)\"")
        let factory = RTPCallMediaFactory(configuration: .init(srtpSuites: suites))
        let engine = PhoneEngine(
            configuration: try EngineHarness.configuration(toml),
            options: EngineOptions(
                mediaFactory: factory, history: .none,
                audio: .files(play: directory.file("dialtone-tone.wav"), record: directory.file("dialtone-heard.wav"))))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        #expect(await watcher.waitForRegistration(of: "alice"), "\(watcher.timeline("alice"))")
        return MediaCall(kamailio: kamailio, baresip: baresip, engine: engine, watcher: watcher, directory: directory, codec: codec)
    }

    static func writeTone(_ frequency: Double, seconds: Int, to path: String) throws {
        let samples = AudioAnalysis.sine(frequency: frequency, sampleRate: 48000, count: 48000 * seconds)
        try WAVFile(sampleRate: 48000, samples: samples).write(path: path)
    }

    /// Dials bob, waits for the answer and for baresip to hang up when its file ends; returns
    /// the answered event's "codec/encryption".
    func dialBaresip() async throws -> (answered: String?, ended: Bool) {
        let id = try await engine.dial("bob")
        let answered = await KamailioCallTests.waitFor(watcher, "answered", call: id)
        var description: String?
        if case .answered(let codec, let encryption)? = answered?.kind {
            description = "\(codec?.lowercased() ?? "?")/\(encryption)"
        }
        let ended = await KamailioCallTests.waitFor(watcher, "ended", call: id) != nil
        #expect(ended, "\(baresip.log)")
        return (description, ended)
    }

    /// baresip calls alice; the engine answers; the call must be encrypted as `encryption` and
    /// run until baresip's file ends and it hangs up.
    func answerBaresipsCall(expecting encryption: String) async throws {
        try await baresip.command("dial", "sip:alice@example.test")
        let incoming = try #require(await KamailioCallTests.waitFor(watcher, "incoming"), "\(baresip.log)")
        #expect(await engine.answer(incoming.call))
        let answered = await KamailioCallTests.waitFor(watcher, "answered", call: incoming.call)
        if case .answered(_, let agreed)? = answered?.kind { #expect(agreed == encryption) }
        #expect(await KamailioCallTests.waitFor(watcher, "ended", call: incoming.call) != nil, "\(baresip.log)")
    }

    /// Both recordings carry the other side's tone: frequency, level, and most of the call.
    func checkBothRecordings() async throws {
        let ours = try await Self.waitForWAV { [directory] in
            FileManager.default.fileExists(atPath: directory.file("dialtone-heard.wav")) ? directory.file("dialtone-heard.wav") : nil
        }
        #expect(await baresip.waitForLog("terminated"), "\(baresip.log)")
        let theirs = try await Self.waitForWAV { [baresip] in baresip.heardRecordings().first }
        Self.check(ours, expected: BaresipMediaTests.baresipTone, label: "\(codec): Dialtone heard")
        Self.check(theirs, expected: BaresipMediaTests.dialtoneTone, label: "\(codec): baresip heard")
    }

    /// Waits (30 s at most) until the file named by `path` parses as a WAV file.
    static func waitForWAV(_ path: @escaping @Sendable () -> String?) async throws -> WAVFile {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            if let file = path(), let wav = try? WAVFile.read(path: file), wav.frameCount > 0 { return wav }
            guard ContinuousClock.now < deadline else { throw WAVWaitError() }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    struct WAVWaitError: Error {}

    static func check(_ wav: WAVFile, expected frequency: Double, label: String) {
        guard let samples = try? wav.mono(at: wav.sampleRate) else {
            Issue.record("\(label): unreadable recording")
            return
        }
        let report = ToneReport(samples, sampleRate: wav.sampleRate, expected: frequency)
        #expect(abs(report.dominantFrequency - frequency) <= 5, "\(label): \(report)")
        // Clean somewhere, at the right level, and for most of the ~3 s call. Not clean
        // everywhere: with other builds loading the 2 cores, Dialtone's (debug-build) media clock
        // is sometimes starved long enough for a gap or a concealed stretch — the report shows it.
        #expect(report.bestWindowShare > 0.9, "\(label): \(report)")
        #expect(report.medianBlockRMS > 0.25 && report.medianBlockRMS < 0.45, "\(label): \(report)")
        #expect(report.soundSeconds > 1.5, "\(label): \(report)")
    }

    func stop() async {
        await engine.shutdown()
        await baresip.stop()
        await kamailio.stop()
    }
}

import Foundation
import Testing
import TestSupport

/// `dialtone check` as a user runs it: the built binary, a config file, a real kamailio.
@Suite(.timeLimit(.minutes(2))) struct CheckCommandTests {
    @Test func checkReportsEachAccountAndExitsWithTheVerdict() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "check", certificate: pki.server, users: [("alice", "alicepw"), ("bob", "bobpw")]))
        let directory = try TemporaryDirectory(prefix: "check")
        let good = directory.file("good.toml")
        let bad = directory.file("bad.toml")
        let common = """
            [general]
            listen = ["udp:127.0.0.1:0", "tcp:127.0.0.1:0"]

            """
        try (common + EngineHarness.account("home", user: "alice", password: "alicepw", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "udp")
             + EngineHarness.account("office", user: "bob", password: "bobpw", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "tcp"))
            .write(toFile: good, atomically: true, encoding: .utf8)
        try (common + EngineHarness.account("home", user: "alice", password: "wrong", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "udp"))
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin"]

        let passed = try await DialtoneBinary.run(["check", "--config", good, "--json"], environment: environment)
        #expect(passed.status == 0, "\(passed.output)\n\(passed.errors)")
        let reports = try DialtoneBinary.jsonLines(passed)
        #expect(reports.map { $0["account"] as? String } == ["home", "office"])
        for report in reports {
            #expect(report["state"] as? String == "registered")
            #expect(report["expires"] as? Int == 60)
            let steps = report["steps"] as? [[String: Any]] ?? []
            let kinds = steps.compactMap { $0["kind"] as? String }
            #expect(kinds.contains("request") && kinds.contains("response") && kinds.contains("contact"), "\(kinds)")
            let details = steps.compactMap { $0["detail"] as? String }
            #expect(details.contains { $0.hasPrefix("SIP/2.0 401") }, "\(details)")
            #expect(details.contains { $0.hasPrefix("SIP/2.0 200") }, "\(details)")
        }

        let one = try await DialtoneBinary.run(["check", "--config", good, "--account", "office"], environment: environment)
        #expect(one.status == 0)
        #expect(one.output.hasPrefix("office (sip:bob@example.test): registered for 60 s at TCP 127.0.0.1:\(kamailio.port)"), "\(one.output)")

        let failed = try await DialtoneBinary.run(["check", "--config", bad, "--json"], environment: environment)
        #expect(failed.status == 1)
        let report = try #require(try DialtoneBinary.jsonLines(failed).first)
        #expect(report["state"] as? String == "failed")
        #expect((report["diagnosis"] as? String ?? "").contains("rejected the credentials"), "\(report)")
        #expect(!failed.output.contains("wrong\""))

        let unknown = try await DialtoneBinary.run(["check", "--config", good, "--account", "nobody"], environment: environment)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("no account named \"nobody\""))
        await kamailio.stop()
    }

    @Test func aBrokenConfigIsReportedWithFileLineAndKey() async throws {
        let directory = try TemporaryDirectory(prefix: "check-broken")
        let path = directory.file("config.toml")
        try """
            [general]
            listen = ["udp:127.0.0.1:0"]

            [[accounts]]
            name = "home"
            aor = "sip:alice@example.test"
            transport = "tsl"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try await DialtoneBinary.run(["check", "--config", path], environment: ["HOME": directory.path])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("config.toml:7"), "\(outcome.errors)")
        #expect(outcome.errors.contains("accounts[1].transport"), "\(outcome.errors)")
    }
}

import Foundation
import Testing
import TestSupport
@testable import DialtoneConfig

@Suite struct WholeFileTests {
    /// One load reports every problem, in line order, so a user fixes the file in one go.
    @Test func aBrokenFileReportsAllItsProblemsAtOnce() throws {
        let directory = try TemporaryDirectory(prefix: "config-broken")
        let path = directory.file("config.toml")
        try """
            [general]
            listen = ["udp:0.0.0.0:99999"]
            colour = "red"

            [[accounts]]
            name = "one"
            aor = "sip:example.com"
            transport = "tsl"

            [[accounts]]
            name = "one"
            aor = "sip:bob@example.com"
            password = "s3cret-pw"
            password_command = "pass bob"
            expires = 0

            [ui]
            theme = 7
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(path: path, version: "1", environment: testEnvironment)
        }
        guard case .invalid(let diagnostics) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(diagnostics.map(\.key) == [
            "general.listen[1]", "general.colour", "accounts[1].aor", "accounts[1].transport",
            "accounts[2].name", "accounts[2].password_command", "accounts[2].expires", "ui.theme",
        ])
        #expect(diagnostics.map(\.line) == [2, 3, 7, 8, 11, 14, 15, 18])
        let description = try #require(error?.description)
        #expect(description.split(separator: "\n").count == diagnostics.count)
        #expect(description.contains("\(path):8: accounts[1].transport: \"tsl\" is not one of udp, tcp, tls, auto"))
        #expect(!description.contains("s3cret-pw"))
    }

    @Test func syntaxErrorsCarryTOMLKitsLineAndColumn() {
        let found = problems("[general]\nlisten = [\"udp:0.0.0.0:0\"\n[[accounts]]\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.column != nil)
        #expect(found.first?.key == "")
        #expect(found.first?.message.hasPrefix("TOML syntax error: ") == true)
        let duplicate = problems("[general]\nuser_agent = \"a\"\nuser_agent = \"b\"\n")
        #expect(duplicate.first?.line == 3)
    }

    @Test func unreadableFiles() throws {
        let directory = try TemporaryDirectory(prefix: "config-unreadable")
        let missing = directory.file("nope.toml")
        #expect {
            try ConfigurationLoader.load(path: missing, version: "1", environment: testEnvironment)
        } throws: { error in
            guard case .unreadable(let path, _) = error as? ConfigurationError else { return false }
            return path == missing
        }
        let binary = directory.file("binary.toml")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: binary))
        #expect {
            try ConfigurationLoader.load(path: binary, version: "1", environment: testEnvironment)
        } throws: { error in
            guard case .unreadable(_, let reason) = error as? ConfigurationError else { return false }
            return reason == "not UTF-8 text"
        }
    }

    @Test func diagnosticDescriptions() {
        let plain = ConfigDiagnostic(file: "c.toml", line: 3, key: "general.listen[2]", message: "bad")
        #expect(plain.description == "c.toml:3: general.listen[2]: bad")
        let whole = ConfigDiagnostic(file: "c.toml", line: 1, column: 5, key: "", message: "TOML syntax error: x")
        #expect(whole.description == "c.toml:1:5: TOML syntax error: x")
        let noLine = ConfigDiagnostic(file: "c.toml", line: nil, key: "ui", message: "m", suggestion: "s", severity: .warning)
        #expect(noLine.description == "c.toml: warning: ui: m (did you mean \"s\"?)")
    }
}

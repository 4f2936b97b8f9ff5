import Foundation
import Testing
import TestSupport
@testable import DialtoneConfig

/// Files named in the config are checked when it loads, with the key's own line.
@Suite struct FileSettingTests {
    @Test func existingFilesResolveRelativeToTheConfig() throws {
        let directory = try TemporaryDirectory(prefix: "config-files")
        try "ca".write(toFile: directory.file("ca.pem"), atomically: true, encoding: .utf8)
        let text = minimalAccount + "\ntransport = \"tls\"\nca_file = \"ca.pem\"\n"
        let path = directory.file("config.toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let (config, _) = try ConfigurationLoader.load(path: path, version: "1", environment: testEnvironment)
        #expect(config.accounts.first?.caFile == directory.file("ca.pem"))
    }

    @Test func missingFilesAndDirectoriesAreReportedAtTheirLine() throws {
        let directory = try TemporaryDirectory(prefix: "config-files")
        let text = """
            [[accounts]]
            name = "a"
            aor = "sip:alice@example.com"
            ca_file = "missing.pem"
            tls_client_certificate = "\(directory.path)"
            """
        let path = directory.file("config.toml")
        let found = problems(text, path: path)
        #expect(found.map(\.key) == [
            "accounts[1].ca_file", "accounts[1].tls_client_certificate", "accounts[1].tls_client_key",
        ])
        #expect(found.map(\.line) == [4, 5, 5])
        #expect(found.first?.message == "file \"\(directory.file("missing.pem"))\" does not exist")
        #expect(found[1].message.hasSuffix("is a directory, not a file"))
        #expect(found[2].message == "tls_client_certificate is set but tls_client_key is not")
        #expect(found.first?.file == path)
    }

    @Test func serverCertificateFilesAreChecked() throws {
        let directory = try TemporaryDirectory(prefix: "config-files")
        try "cert".write(toFile: directory.file("server.pem"), atomically: true, encoding: .utf8)
        try "key".write(toFile: directory.file("server.key"), atomically: true, encoding: .utf8)
        let text = """
            [general]
            listen = ["tls:127.0.0.1:5061"]
            tls_certificate = "\(directory.file("server.pem"))"
            tls_key = "~/server.key"
            """ + "\n" + minimalAccount
        let config = try ConfigurationLoader.parse(
            text: text, path: "config.toml", version: "1", environment: ["HOME": directory.path]
        ).0
        #expect(config.general.tlsCertificate == directory.file("server.pem"))
        #expect(config.general.tlsKey == directory.file("server.key"))
    }
}

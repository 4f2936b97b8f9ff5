import Foundation
import Testing
@testable import DialtoneConfig

/// The shipped example must stay valid: users copy it, and a broken example is the first thing
/// a new user would hit.
@Suite struct ExampleConfigTests {
    let path = repositoryRoot.appendingPathComponent("config.example.toml").path

    @Test func loadsWithoutErrorsOrWarnings() throws {
        let (config, warnings) = try ConfigurationLoader.load(path: path, version: "0.1", environment: testEnvironment)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(config.sourcePath == path)
        #expect(config.accounts.map(\.name) == ["provider", "work"])
    }

    @Test func showsOneUDPAndOneTLSAccount() throws {
        let (config, _) = try ConfigurationLoader.load(path: path, version: "0.1", environment: testEnvironment)
        let provider = try #require(config.accounts.first)
        let work = try #require(config.accounts.last)
        #expect(provider.transport == .udp)
        #expect(provider.extraHeaders == [ExtraHeader(name: "X-Customer-Id", value: "12345")])
        #expect(work.transport == .auto)
        #expect(work.aor.isSecure)
        #expect(work.password == .command("pass show sip/work"))
        #expect(work.srtp == .mandatory)
    }

    /// "Every key" is documented: each key the validator knows appears in the example, set or
    /// commented out.
    @Test func mentionsEveryKey() throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let keys = ConfigValidator.generalKeys + ConfigValidator.accountKeys + ["theme", "keys"]
        for key in keys {
            #expect(text.contains("\(key) =") || text.contains("[accounts.\(key)]") || text.contains("[ui.\(key)]"),
                "config.example.toml does not mention \(key)")
        }
    }
}

import SIPSyntax
import Testing
@testable import DialtoneConfig

/// The password must not leak through any of the ways Swift turns values into text.
@Suite struct SecretTests {
    let password = "hunter2-very-secret"

    func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    @Test func secretIsRedacted() {
        let secret = Secret(password)
        #expect(secret.value == password)
        for text in renderings(secret) {
            #expect(!text.contains(password), "\(text)")
        }
        #expect(secret.description == "<redacted>")
        #expect(secret.debugDescription == "<redacted>")
    }

    @Test func passwordSourceIsRedacted() {
        for source in [PasswordSource.literal(Secret(password)), .command("pass show \(password)")] {
            for text in renderings(source) + renderings([source]) + renderings(Optional(source) as Any) {
                #expect(!text.contains(password), "\(text)")
            }
        }
    }

    @Test func accountSettingsAreRedacted() throws {
        let text = minimalAccount + "\npassword = \"\(password)\"\n"
        let account = try #require(try parse(text).0.accounts.first)
        #expect(account.password == .literal(Secret(password)))
        for text in renderings(account) + renderings(try parse(text).0) {
            #expect(!text.contains(password), "\(text)")
        }
        #expect(account.description.contains("alice"))
    }

    @Test func parsedPasswordReachesTheEngine() async throws {
        let account = try #require(try parse(minimalAccount + "\npassword = \"\(password)\"\n").0.accounts.first)
        let source = try #require(account.password)
        #expect(try await PasswordResolver.resolve(source, timeout: .seconds(5)).value == password)
    }
}

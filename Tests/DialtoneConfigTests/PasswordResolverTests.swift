import Testing
@testable import DialtoneConfig

/// Real `/bin/sh` commands: the point is the process handling.
@Suite struct PasswordResolverTests {
    func resolve(_ command: String, timeout: Duration = .seconds(20)) async throws(PasswordError) -> Secret {
        try await PasswordResolver.resolve(.command(command), timeout: timeout)
    }

    @Test func takesTheFirstLine() async throws {
        #expect(try await resolve("printf 'pw\\nsecond'").value == "pw")
        #expect(try await resolve("printf 'crlf\\r\\nnext\\r\\n'").value == "crlf")
        #expect(try await resolve("echo spaced pass word").value == "spaced pass word")
    }

    @Test func exitStatusCarriesTheFirstLineOfStderr() async {
        await #expect(throws: PasswordError.exitStatus(3, stderr: "locked")) {
            try await resolve("echo leaked-output; printf 'locked\\nmore\\n' >&2; exit 3")
        }
        await #expect(throws: PasswordError.exitStatus(1, stderr: nil)) { try await resolve("false") }
    }

    @Test func errorsNeverContainStdout() async {
        do {
            _ = try await resolve("echo leaked-output; exit 2")
            Issue.record("expected failure")
        } catch {
            #expect(!"\(error)".contains("leaked-output"))
            #expect(!String(reflecting: error).contains("leaked-output"))
        }
    }

    @Test func emptyOutput() async {
        await #expect(throws: PasswordError.emptyOutput) { try await resolve("true") }
        await #expect(throws: PasswordError.emptyOutput) { try await resolve("printf '\\nsecond line'") }
    }

    /// The command sleeps far longer than the timeout; only the error kind is checked.
    @Test func timesOut() async {
        await #expect(throws: PasswordError.timedOut) {
            try await resolve("sleep 60", timeout: .milliseconds(300))
        }
        await #expect(throws: PasswordError.timedOut) {
            try await resolve("echo early; sleep 60; echo late", timeout: .milliseconds(300))
        }
    }

    @Test func killedBySignal() async {
        await #expect(throws: PasswordError.signal(9)) { try await resolve("kill -9 $$") }
    }

    @Test func couldNotStart() async {
        await #expect {
            try await PasswordResolver.run("true", shell: "/nonexistent/sh", timeout: .seconds(5))
        } throws: { error in
            if case .couldNotStart = error as? PasswordError { return true }
            return false
        }
    }

    @Test func largeOutputDoesNotBlock() async throws {
        // More than a pipe buffer on both streams: the reads must drain them concurrently.
        let secret = try await resolve("echo big; head -c 300000 /dev/zero | tr '\\0' x; head -c 300000 /dev/zero >&2")
        #expect(secret.value == "big")
    }

    @Test func literalPasswordsNeedNoProcess() async throws {
        #expect(try await PasswordResolver.resolve(.literal(Secret("x")), timeout: .zero).value == "x")
    }
}

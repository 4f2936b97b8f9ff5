import Foundation
import SIPSyntax
import TOMLKit

/// Readers for values that need more than a type check: SIP URIs and files on disk.
extension ConfigValidator {
    /// A `sip:` or `sips:` URI (RFC 3261 §19.1), parsed by the same parser as the wire.
    ///
    /// Parse errors do not echo the text: a URI can carry a password (`sip:bob:pw@host`), and
    /// diagnostics end up in logs. The line and key say where it is.
    mutating func sipURI(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> SIPURI? {
        guard let text = string(table, key, at: path) else { return nil }
        let keyPath = path.appending(key)
        let uri: URI
        do {
            uri = try URI(parsing: text, mode: .strict)
        } catch {
            report("not a valid SIP URI: \(error.reasonPhrase) at column \(error.column)", at: keyPath)
            return nil
        }
        guard let sip = uri.sipURI else {
            report("a \(uri.scheme): URI; expected sip: or sips:", at: keyPath)
            return nil
        }
        guard sip.password == nil else {
            report("must not contain a password; use password or password_command", at: keyPath)
            return nil
        }
        return sip
    }

    /// A file that must exist and be readable now: certificates and keys fail late and
    /// obscurely (at the first TLS handshake) otherwise. Returns the resolved path.
    mutating func readableFile(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> String? {
        guard let written = string(table, key, at: path) else { return nil }
        let keyPath = path.appending(key)
        guard !written.isEmpty else {
            report("must not be empty", at: keyPath)
            return nil
        }
        let resolved = resolvePath(written)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            report("file \"\(resolved)\" does not exist", at: keyPath)
            return nil
        }
        guard !isDirectory.boolValue else {
            report("\"\(resolved)\" is a directory, not a file", at: keyPath)
            return nil
        }
        guard FileManager.default.isReadableFile(atPath: resolved) else {
            report("file \"\(resolved)\" is not readable", at: keyPath)
            return nil
        }
        return resolved
    }

    /// A path that need not exist yet (a directory or database created on first use).
    mutating func pathSetting(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> String? {
        guard let written = singleLineString(table, key, at: path) else { return nil }
        guard !written.isEmpty else {
            report("must not be empty", at: path.appending(key))
            return nil
        }
        return resolvePath(written)
    }

    /// `~/x` from `$HOME`; relative paths against the config file's directory.
    func resolvePath(_ written: String) -> String {
        if written == "~" || written.hasPrefix("~/") {
            return ConfigLocation.home(environment) + written.dropFirst()
        }
        if written.hasPrefix("/") || baseDirectory.isEmpty { return written }
        return baseDirectory + "/" + written
    }
}

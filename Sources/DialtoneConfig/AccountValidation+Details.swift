import SIPSyntax
import TOMLKit

/// An account's TLS files, codec list and extra headers.
extension ConfigValidator {
    mutating func accountTLS(_ table: TOMLTable, into account: inout AccountSettings, at path: ConfigKeyPath) {
        account.caFile = readableFile(table, "ca_file", at: path)
        account.tlsVerify = bool(table, "tls_verify", at: path) ?? true
        account.tlsAcceptSelfSigned = bool(table, "tls_accept_self_signed", at: path) ?? false
        account.tlsClientCertificate = readableFile(table, "tls_client_certificate", at: path)
        account.tlsClientKey = readableFile(table, "tls_client_key", at: path)
        for (key, other) in [("tls_client_certificate", "tls_client_key"), ("tls_client_key", "tls_client_certificate")]
        where table[key] != nil && table[other] == nil {
            report("\(key) is set but \(other) is not", at: path.appending(other), line: line(of: path.appending(key)))
        }
        // Accepting any self-signed certificate lets anyone on the path impersonate the server;
        // allowed for home PBXs, but never silently.
        if account.tlsAcceptSelfSigned {
            report("self-signed server certificates are accepted: the server's identity is not checked",
                at: path.appending("tls_accept_self_signed"), severity: .warning)
        }
        if !account.tlsVerify {
            report("TLS certificates are not verified: anyone on the path can impersonate the server",
                at: path.appending("tls_verify"), severity: .warning)
        }
    }

    /// `opus_bitrate`, `opus_complexity`, `opus_fec`, `opus_dtx`; each one left out keeps its default.
    mutating func opus(_ table: TOMLTable, at path: ConfigKeyPath) -> OpusSettings {
        var opus = OpusSettings()
        opus.bitrate = integer(table, "opus_bitrate", at: path, in: OpusSettings.bitrateRange) ?? opus.bitrate
        opus.complexity = integer(table, "opus_complexity", at: path, in: OpusSettings.complexityRange) ?? opus.complexity
        opus.inbandFEC = bool(table, "opus_fec", at: path) ?? opus.inbandFEC
        opus.dtx = bool(table, "opus_dtx", at: path) ?? opus.dtx
        return opus
    }

    /// Codec names in preference order; unknown names are errors (a typo would silently drop a
    /// codec the user wanted), repeats too.
    mutating func codecs(_ table: TOMLTable, at path: ConfigKeyPath) -> [CodecName]? {
        guard let entries = array(table, "codecs", at: path) else { return nil }
        var codecs: [CodecName] = []
        for (position, element) in entries {
            let elementPath = path.appending("codecs").appending(.element(position))
            guard let text = string(element: element, at: elementPath) else { continue }
            guard let codec = choice(text, at: elementPath, as: CodecName.self) else { continue }
            if codecs.contains(codec) {
                report("\"\(text)\" is listed twice", at: elementPath)
            } else {
                codecs.append(codec)
            }
        }
        if entries.isEmpty { report("needs at least one codec", at: path.appending("codecs")) }
        return codecs
    }

    /// Headers Dialtone writes itself: a user copy would duplicate or contradict them and break
    /// transactions, dialogs or authentication (RFC 3261 §8.1.1, §20).
    static let managedHeaders: Set<SIPHeaderName> = [
        .via, .from, .to, .callID, .cseq, .contact, .contentLength, .contentType, .maxForwards,
        .route, .recordRoute, .authorization, .proxyAuthorization, .wwwAuthenticate,
        .proxyAuthenticate, .expires, .require, .proxyRequire, .supported, .event, .rack,
        .rseq, .subscriptionState, .allow, .minExpires, .userAgent,
    ]

    /// `[accounts.extra_headers]` in the order written (by line; an inline table's keys share a
    /// line and come in TOMLKit's order, alphabetical).
    mutating func extraHeaders(_ table: TOMLTable, at path: ConfigKeyPath) -> [ExtraHeader] {
        guard let headers = self.table(table, "extra_headers", at: path) else { return [] }
        let tablePath = path.appending("extra_headers")
        var result: [(line: Int, header: ExtraHeader)] = []
        for name in headers.keys {
            let keyPath = tablePath.appending(name)
            guard Self.isToken(name) else {
                report("\"\(name)\" is not a valid header name (RFC 3261 token)", at: keyPath)
                continue
            }
            guard !Self.managedHeaders.contains(SIPHeaderName(name)) else {
                report("\(SIPHeaderName(name).name) is managed by Dialtone and cannot be set here", at: keyPath)
                continue
            }
            guard let value = headers[name]?.string else {
                if let value = headers[name] { wrongType(value, expected: "a string", at: keyPath) }
                continue
            }
            // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
            guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                report("value must not contain CR, LF or NUL (it would end the header)", at: keyPath)
                continue
            }
            result.append((line(of: keyPath) ?? 0, ExtraHeader(name: name, value: value)))
        }
        return result.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element.header)
    }

    /// RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-.!%*_+`'~".unicodeScalars.contains(scalar))
        }
    }
}

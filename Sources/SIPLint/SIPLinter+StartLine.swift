import SIPSyntax

extension SIPLinter {
    typealias Part = SIPLintReport.Part

    /// Breaks the start line into parts, then re-parses it strictly: the head parser was
    /// liberal (extra SP, trailing SP, `<>` around the Request-URI, RFC 4475 §3.1.2.7–10).
    mutating func inspectStartLine(_ head: SIPMessageHead) {
        let line = startLineBytes
        report.startLine = summary(head.startLine, text: String(decoding: line, as: UTF8.self))
        do throws(SIPParseError) {
            _ = try SIPMessageParser.parseStartLine(line, mode: .strict)
        } catch {
            add(error)
        }
        if case .request(_, .sip(let uri), _) = head.startLine, !uri.headers.isEmpty {
            let column = (line.firstIndex(of: UInt8(ascii: "?")) ?? 0) + 1
            error(line: 1 + lineOffset, column: column, "Request-URI carries URI headers ('?…'), which a Request-URI must not have (RFC 3261 §19.1.1 table; RFC 4475 §3.1.2.11)")
        }
        if case .request(_, let uri, _) = head.startLine { checkIPv6Forms(uri, line: 1 + lineOffset, column: 1) }
    }

    /// When the head cannot be parsed, still show what the first line says if it can.
    mutating func summarizeStartLineOnly() {
        let line = startLineBytes
        if let startLine = try? SIPMessageParser.parseStartLine(line, mode: .liberal) {
            report.startLine = summary(startLine, text: String(decoding: line, as: UTF8.self))
        }
    }

    func summary(_ startLine: SIPStartLine, text: String) -> SIPLintReport.StartLine {
        switch startLine {
        case .request(let method, let uri, let version):
            let known = profile.methods.contains(method) ? "" : " (not implemented by this phone)"
            return .init(kind: "request", text: text, parts: [Part("method", method.rawValue + known), Part("Request-URI", uri.description)]
                + URIParts.parts(uri).map { Part("  " + $0.label, $0.value) } + [Part("version", version.text)])
        case .response(let version, let code, let reason):
            return .init(kind: "response", text: text, parts: [
                Part("version", version.text), Part("status", "\(code) (\(statusClass(code)))"), Part("reason", reason.isEmpty ? "(empty)" : reason),
            ])
        }
    }

    private func statusClass(_ code: Int) -> String {
        switch code / 100 {
        case 1: "provisional"
        case 2: "success"
        case 3: "redirection"
        case 4: "client error"
        case 5: "server error"
        default: "global failure"
        }
    }

    /// Warnings for IPv6 forms RFC 5118 discusses: the RFC 3261 three-colon form (§4.10,
    /// tolerated) and a bracketed address whose last group looks like a port (§4.3).
    mutating func checkIPv6Forms(_ uri: URI, line: Int, column: Int) {
        guard case .sip(let sip) = uri, case .ipv6(let address) = sip.host else { return }
        if address.contains(":::") {
            warn(line: line, column: column, "IPv6 address [\(address)] uses the three-colon form RFC 3261's ABNF allows but RFC 4291 does not (RFC 5118 §4.10: tolerated)")
        }
        if let last = address.split(separator: ":").last, last.count >= 4, last.allSatisfy(\.isNumber), sip.port == nil {
            warn(line: line, column: column, "[\(address)]: the trailing :\(last) is part of the address, not a port; a port goes after ']' (RFC 5118 §4.3)")
        }
    }
}

import SIPSyntax

/// Renders a `SIPLintReport` as plain text for a terminal: start line and headers with their
/// parts, body summary, findings by line, the verdict, and what a phone would answer.
public enum SIPLintRenderer {
    public static func render(_ report: SIPLintReport, source: String = "message") -> String {
        var out: [String] = ["sip-lint: \(source)"]
        out += report.inputNotes.map { "note: \($0)" }
        if let startLine = report.startLine {
            out.append("")
            out.append("Start line (\(startLine.kind)): \(startLine.text)")
            out += partLines(startLine.parts, indent: "    ")
        }
        if !report.headers.isEmpty {
            out.append("")
            out.append("Headers:")
            for header in report.headers {
                out.append("  \(pad("line \(header.line)", 9)) \(header.name): \(header.value)")
                out += partLines(header.parts, indent: String(repeating: " ", count: 14))
            }
        }
        out.append("")
        out.append(bodyLine(report.body))
        out += (report.body?.sessionDescription ?? []).map { "  " + $0 }
        out.append("")
        out += findingLines(report)
        out += answerLines(report)
        return out.joined(separator: "\n") + "\n"
    }

    private static func partLines(_ parts: [SIPLintReport.Part], indent: String) -> [String] {
        let width = min(24, parts.map(\.label.count).max() ?? 0)
        return parts.map { "\(indent)\(pad($0.label, width))  \($0.value)" }
    }

    private static func bodyLine(_ body: SIPLintReport.Body?) -> String {
        guard let body else { return "Body: none" }
        let kind = body.isBinary ? "binary data" : "\(body.lines) line(s)"
        return "Body: \(body.contentType ?? "no Content-Type"), \(body.length) bytes, \(kind)"
    }

    private static func findingLines(_ report: SIPLintReport) -> [String] {
        let sorted = report.findings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        var out = sorted.isEmpty ? ["Findings: none"] : ["Findings:"]
        for finding in sorted {
            let label = finding.severity == .error ? "error  " : "warning"
            out.append("  \(label) line \(finding.line), column \(finding.column): \(finding.message)")
        }
        out.append("")
        let counts = "\(report.errors.count) error(s), \(report.warnings.count) warning(s)"
        out.append(report.verdict == .valid ? "Verdict: VALID (\(counts))" : "Verdict: INVALID (\(counts))")
        return out
    }

    private static func answerLines(_ report: SIPLintReport) -> [String] {
        if let handling = report.handling { return ["Handling: \(handling)"] }
        guard report.startLine?.kind == "request" else { return [] }
        guard let answer = report.endpointAnswer else { return ["A phone would process this request normally."] }
        var out = ["A phone would answer: \(answer.statusCode) \(answer.reasonPhrase)", "  because \(answer.why)"]
        out += answer.headers.map { "  with \($0.name.name): \($0.value)" }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

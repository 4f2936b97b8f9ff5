import SDP
import SIPSyntax

extension SIPLinter {
    /// Frames the body as a datagram receiver would (RFC 3261 §18.3) and reports framing
    /// faults at the Content-Length field; on a fault the rest of the input is the body.
    mutating func frameBody(_ head: SIPMessageHead) -> [UInt8] {
        let bodyStart = start + head.length
        let contentLengthIndex = head.headers.lastIndex { $0.name == .contentLength }
        do throws(SIPParseError) {
            let range = try SIPMessageParser.datagramBody(bytes, from: bodyStart, head: head)
            if range.upperBound < bytes.count {
                let (line, column) = contentLengthIndex.map { position(field: $0) } ?? (head.endLine + lineOffset, 1)
                warn(line: line, column: column, "\(bytes.count - range.upperBound) byte(s) after the Content-Length body are ignored (RFC 3261 §18.3, RFC 4475 §3.1.1.8)")
            }
            if contentLengthIndex == nil {
                warn(line: head.endLine + lineOffset, column: 1, "no Content-Length: the body runs to the end of the datagram; TCP and TLS require Content-Length (RFC 3261 §20.14)")
            }
            return Array(bytes[range])
        } catch {
            if case .bodyTruncated = error.kind, let contentLengthIndex {
                let (line, column) = position(field: contentLengthIndex)
                self.error(line: line, column: column, error.reasonPhrase + " (RFC 3261 §18.3, RFC 4475 §3.1.2.2)")
            } else if case .invalidHeader = error.kind {
                // Reported by the header inspection (negative or conflicting values).
            } else {
                add(error)
            }
            return Array(bytes[min(bodyStart, bytes.count)...])
        }
    }

    mutating func summarizeBody(_ head: SIPMessageHead, _ body: [UInt8]) {
        guard !body.isEmpty else { return }
        let lines = body.split(separator: 0x0A, omittingEmptySubsequences: false).count - (body.last == 0x0A ? 1 : 0)
        let binary = body.contains(0) || String(validating: body, as: UTF8.self) == nil
        report.body = .init(contentType: head.headers[.contentType], length: body.count, lines: lines, isBinary: binary)
        if isSDP(head) { inspectSDP(body, bodyStartLine: head.endLine + lineOffset + 1) }
    }

    private func isSDP(_ head: SIPMessageHead) -> Bool {
        guard let type = try? head.headers.contentType else { return false }
        return type.type.lowercased() == "application" && type.subtype.lowercased() == "sdp"
    }

    /// A body that says it is SDP should be SDP, but the SIP message stays valid when it is not:
    /// RFC 4475 judges SIP syntax and carries SDP that RFC 8866 would refuse (wsinv.dat's
    /// `a=rtpmap:31 LPC` has no clock rate). So a malformed description is a warning that says
    /// what a phone would do with it (RFC 3261 §13.3.1: refuse the offer, typically 488).
    private mutating func inspectSDP(_ body: [UInt8], bodyStartLine: Int) {
        do throws(SDPParseError) {
            report.body?.sessionDescription = SDPSummary.lines(try SessionDescription.parse(body))
        } catch {
            let line = error.lineNumber == 0 ? bodyStartLine : bodyStartLine + error.lineNumber - 1
            warn(line: line, column: 1, "SDP body: \(error.reason) (RFC 8866); a phone would refuse this offer or answer (488)")
        }
    }
}

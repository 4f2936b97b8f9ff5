import SIPSyntax

extension SIPLinter {
    /// Lists every header with the parts of its typed value, and reports each value that does
    /// not follow its grammar strictly.
    mutating func inspectHeaders(_ head: SIPMessageHead) {
        for (index, field) in head.headers.enumerated() {
            let (line, _) = position(field: index)
            var parts: [Part] = []
            do throws(SIPParseError) {
                parts = try HeaderInspector.inspect(field.name, field.value, mode: .strict)
            } catch {
                add(error, field: index)
                parts = (try? HeaderInspector.inspect(field.name, field.value, mode: .liberal)) ?? []
            }
            let headerLine = index < head.locations.count ? head.locations[index].line + lineOffset : line
            report.headers.append(.init(line: headerLine, name: field.name.name, value: field.value, parts: parts))
            checkTolerated(field, index: index)
        }
    }

    /// Legal-but-odd values the RFCs tell receivers to accept; reported as warnings.
    private mutating func checkTolerated(_ field: SIPHeaderField, index: Int) {
        let (line, column) = position(field: index)
        switch field.name {
        case .via:
            let vias = (try? SIPVia.parseList(field.value)) ?? []
            let isTop = !report.headers.dropLast().contains { $0.name == "Via" }
            for (position, via) in vias.enumerated() { checkVia(via, isTop: isTop && position == 0, line: line, column: column) }
        case .to, .from, .contact, .route, .recordRoute:
            let addresses = (try? SIPAddress.parseList(field.value, header: field.name.name)) ?? []
            for address in addresses { checkIPv6Forms(address.uri, line: line, column: column) }
        default:
            return
        }
    }

    /// Only the top Via's branch matters to the receiver (RFC 3261 §17.2.3).
    private mutating func checkVia(_ via: SIPVia, isTop: Bool, line: Int, column: Int) {
        if isTop, via.branch == "z9hG4bK" {
            warn(line: line, column: column, "Via branch is only the magic cookie z9hG4bK: no transaction identifier (RFC 4475 §3.2.1)")
        }
        if isTop, via.branch == nil {
            warn(line: line, column: column, "Via has no branch: an RFC 2543 element, matched by RFC 2543 rules (RFC 3261 §17.2.3)")
        }
        if via.host == .ipv4("255.255.255.255") {
            warn(line: line, column: column, "Via sent-by is the broadcast address 255.255.255.255 (RFC 4475 §3.3.10): responses must not go there")
        }
        if let received = via.parameters.value("received") ?? nil, received.hasPrefix("[") {
            warn(line: line, column: column, "Via received=\(received) has [ ], which RFC 3261's grammar does not but RFC 5118 §4.5 tells receivers to accept")
        }
    }

    /// Header field values must be UTF-8 (RFC 3261 §7.3.1, §25.1 TEXT-UTF8char).
    mutating func checkEncoding(_ head: SIPMessageHead) {
        var lineStart = start, line = 1
        let end = start + head.length
        for index in start..<end where bytes[index] == 0x0A {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil {
                error(line: line + lineOffset, column: 1, "line is not valid UTF-8 (RFC 3261 §7.3.1)")
            }
            lineStart = index + 1
            line += 1
        }
    }
}

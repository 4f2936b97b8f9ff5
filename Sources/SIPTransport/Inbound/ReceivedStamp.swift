import SIPSyntax

/// The server transport's marks on a received request's top Via, so the response finds its way
/// back through NATs: `received` when the packet's source differs from the sent-by host
/// (RFC 3261 §18.2.1), and both `received` and `rport` when the client asked with a bare
/// `rport` (RFC 3581 §4: "MUST ... even if it is identical to the sent-by").
enum ReceivedStamp {
    static func apply(to request: SIPRequest, source: SIPSocketAddress) -> SIPRequest {
        guard let index = request.headers.firstIndex(where: { $0.name == .via }),
              var vias = try? SIPVia.parseList(request.headers[index].value),
              var top = vias.first
        else { return request }
        let asksForRPort = top.rport == .some(nil)
        let sentByMatches = IPAddressMatch.host(top.host, equals: source)
        guard asksForRPort || !sentByMatches else { return request }
        top.parameters.removeAll { $0.name.lowercased() == "received" }
        top.parameters.append(Parameter("received", source.address.description))
        if asksForRPort, let rport = top.parameters.firstIndex(where: { $0.name.lowercased() == "rport" }) {
            top.parameters[rport].value = String(source.port)
        }
        vias[0] = top
        var stamped = request
        var fields = Array(stamped.headers)
        fields[index].value = vias.map(\.serialized).joined(separator: ", ")
        stamped.headers = SIPHeaders(fields)
        return stamped
    }
}

/// Whether a Via or URI host names the same IP address as a socket address.
enum IPAddressMatch {
    static func host(_ host: Host, equals socket: SIPSocketAddress) -> Bool {
        switch host {
        case .hostname: false
        case .ipv4(let text), .ipv6(let text): SIPSocketAddress(literal: text, port: 0)?.address == socket.address
        }
    }
}

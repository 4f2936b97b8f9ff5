import SIPSyntax

/// The parts of a URI for the breakdown.
enum URIParts {
    static func parts(_ uri: URI) -> [SIPLintReport.Part] {
        typealias Part = SIPLintReport.Part
        switch uri {
        case .sip(let sip):
            var parts = [Part("scheme", sip.isSecure ? "sips" : "sip")]
            if let user = sip.user { parts.append(Part("user", user)) }
            if let password = sip.password { parts.append(Part("password", password)) }
            parts.append(Part("host", HeaderInspector.hostText(sip.host)))
            if let port = sip.port { parts.append(Part("port", "\(port)")) }
            for parameter in sip.parameters { parts.append(Part("param " + parameter.name, parameter.value ?? "(no value)")) }
            for header in sip.headers { parts.append(Part("header " + header.name, header.value ?? "")) }
            return parts
        case .tel(let tel):
            return [Part("scheme", "tel"), Part("number", tel.number)] + tel.parameters.map { Part("param " + $0.name, $0.value ?? "(no value)") }
        case .other(let other):
            return [Part("scheme", other.scheme), Part("scheme-specific part", other.specific)]
        }
    }
}

/// A SIP or SIPS URI (RFC 3261 §19.1). The user, password, parameter and header parts are kept
/// in their escaped wire form so that a URI is relayed byte for byte; `decodedUser` gives the
/// unescaped user (RFC 3261 §19.1.2, RFC 4475 §3.1.1.3).
public struct SIPURI: Hashable, Sendable, CustomStringConvertible, SIPWireWritable {
    /// `true` for `sips:` (RFC 3261 §19.1.1: TLS on every hop).
    public var isSecure: Bool
    public var user: String?
    public var password: String?
    public var host: Host
    public var port: UInt16?
    public var parameters: [Parameter]
    public var headers: [Parameter]

    public init(
        isSecure: Bool = false, user: String? = nil, password: String? = nil, host: Host,
        port: UInt16? = nil, parameters: [Parameter] = [], headers: [Parameter] = []
    ) {
        self.isSecure = isSecure
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = headers
    }

    /// The `transport` URI parameter in lower case, if present (RFC 3261 §19.1.1).
    public var transportParameter: String? {
        parameters.value("transport")??.lowercased()
    }

    public var description: String { SIPWireWriter.text(of: self) }

    /// sip:[user[:password]@]host[:port]*(;param)[?header*(&header)] (RFC 3261 §19.1.1).
    func write(to out: inout SIPWireWriter) {
        out.write(isSecure ? "sips:" : "sip:")
        if let user {
            out.write(user)
            if let password {
                out.write(UInt8(ascii: ":"))
                out.write(password)
            }
            out.write(UInt8(ascii: "@"))
        }
        host.write(to: &out)
        if let port {
            out.write(UInt8(ascii: ":"))
            out.write(decimal: Int(port))
        }
        for parameter in parameters {
            out.write(UInt8(ascii: ";"))
            parameter.write(to: &out)
        }
        for (index, header) in headers.enumerated() {
            out.write(index == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
            out.write(header.name)
            out.write(UInt8(ascii: "="))
            out.write(header.value ?? "")
        }
    }
}

/// A tel URI (RFC 3966): a global (`+…`) or local number with parameters.
public struct TelURI: Hashable, Sendable, CustomStringConvertible, SIPWireWritable {
    public var number: String
    public var parameters: [Parameter]

    public init(number: String, parameters: [Parameter] = []) {
        self.number = number
        self.parameters = parameters
    }

    /// Whether the number is global (RFC 3966 §5.1.4).
    public var isGlobal: Bool { number.hasPrefix("+") }

    public var description: String { SIPWireWriter.text(of: self) }

    func write(to out: inout SIPWireWriter) {
        out.write("tel:")
        out.write(number)
        for parameter in parameters {
            out.write(UInt8(ascii: ";"))
            parameter.write(to: &out)
        }
    }
}

/// An absolute URI of a scheme this stack does not interpret (RFC 3986 §4.3).
public struct AbsoluteURI: Hashable, Sendable, CustomStringConvertible, SIPWireWritable {
    public var scheme: String
    /// Everything after the colon, verbatim.
    public var specific: String

    public init(scheme: String, specific: String) {
        self.scheme = scheme
        self.specific = specific
    }

    public var description: String { scheme + ":" + specific }

    func write(to out: inout SIPWireWriter) {
        out.write(scheme)
        out.write(UInt8(ascii: ":"))
        out.write(specific)
    }
}

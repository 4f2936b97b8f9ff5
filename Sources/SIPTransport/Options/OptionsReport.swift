import Foundation

/// The result of `dialtone options`: every resolution step, every attempt, the response and
/// who sent it. Encoded as one JSON object with snake_case keys (`jsonText()`), or as lines for
/// people (`text()`); both come from these fields only.
public struct OptionsReport: Sendable, Codable, Hashable {
    public struct Attempt: Sendable, Codable, Hashable {
        /// `TLS 127.0.0.1:5061`.
        public var target: String
        public var hostName: String
        public var transport: String
        /// `response`, `timeout`, `transport-error`, `tls-error`.
        public var result: String
        /// The status line, the error sentence, or the timeout.
        public var detail: String
        /// For `tls-error`: `unknown-ca`, `expired`, `wrong-host-name`, `handshake-refused`, …
        public var tlsFailure: String?
    }

    public struct Response: Sendable, Codable, Hashable {
        public var statusCode: Int
        public var reasonPhrase: String
        public var statusLine: String
        /// The `Server` header, else nil.
        public var server: String?
        /// The `User-Agent` header, else nil.
        public var userAgent: String?
    }

    public struct Answerer: Sendable, Codable, Hashable {
        public var target: String
        public var hostName: String
        public var transport: String
        public var localAddress: String
        public var remoteAddress: String
    }

    public struct Failure: Sendable, Codable, Hashable {
        /// `dns`, `tls`, `timeout`, `transport`.
        public var kind: String
        public var message: String
    }

    public var uri: String
    /// The RFC 3263 steps, one line each.
    public var resolution: [String]
    /// The targets in the order they would be tried.
    public var targets: [String]
    public var attempts: [Attempt]
    /// True when a server sent a final response (exit status 0).
    public var answered: Bool
    public var response: Response?
    public var answeredBy: Answerer?
    public var tls: TLSDetails?
    public var roundTripMs: Double?
    public var failure: Failure?

    /// 0 when a server answered (any final response), 1 when none did.
    public var exitStatus: Int32 { answered ? 0 : 1 }

    /// One JSON object, keys in snake_case and sorted, so the output is stable.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

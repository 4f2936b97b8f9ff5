/// How a challenge will be answered: which algorithm and which qop, settled before any hashing.
///
/// Separating the decision from the arithmetic lets `ChallengeSelector` rank challenges with the
/// same rules the responder and the verifier apply, so a challenge that ranks is answerable.
public struct DigestPlan: Sendable, Hashable {
    public var algorithm: DigestAlgorithm
    /// nil selects the RFC 2069 response form (no cnonce, no nc).
    public var qop: QualityOfProtection?

    /// Checks the combination is one RFC 7616 defines: `-sess` needs a cnonce, and RFC 2617
    /// §3.2.2 only allows a cnonce with qop.
    public init(algorithm: DigestAlgorithm, qop: QualityOfProtection?) throws(DigestError) {
        if algorithm.isSession, qop == nil { throw .sessionAlgorithmWithoutQoP(algorithm.token) }
        self.algorithm = algorithm
        self.qop = qop
    }

    /// The plan for answering a challenge: its algorithm, and the qop the preference picks
    /// among those offered (RFC 7616 §3.3).
    public init(challenge: DigestChallenge, preference: QoPPreference) throws(DigestError) {
        guard let algorithm = challenge.algorithm.algorithm else {
            throw .unsupportedAlgorithm(challenge.algorithm.description)
        }
        try self.init(algorithm: algorithm, qop: preference.select(from: challenge.qopOptions))
    }

    /// The plan that produced received credentials, for verification.
    public init(credentials: DigestCredentials) throws(DigestError) {
        guard let algorithm = credentials.algorithm.algorithm else {
            throw .unsupportedAlgorithm(credentials.algorithm.description)
        }
        try self.init(algorithm: algorithm, qop: credentials.qop)
    }

    /// The `response` value for a request (RFC 7616 §3.4.1; RFC 2069 form without qop).
    /// With qop, `cnonce` and `nonceCount` are required (RFC 7616 §3.4).
    public func response(
        ha1: HA1, nonce: String, request: DigestRequest, nonceCount: NonceCount?, cnonce: String?
    ) throws(DigestError) -> String {
        let hash = algorithm.hash
        guard let qop else {
            let ha2 = try DigestCalculator.ha2(method: request.method, uri: request.uri, hash: hash)
            return try DigestCalculator.legacyResponse(key: ha1, nonce: nonce, ha2: ha2)
        }
        guard let cnonce else { throw .missingParameter("cnonce") }
        guard let nonceCount else { throw .missingParameter("nc") }
        let key = try DigestCalculator.key(ha1, algorithm: algorithm, nonce: nonce, cnonce: cnonce)
        let ha2: String = switch qop {
        case .auth:
            try DigestCalculator.ha2(method: request.method, uri: request.uri, hash: hash)
        case .authInt:
            try DigestCalculator.ha2(
                method: request.method, uri: request.uri, entityBodyHash: hash.hex(of: request.body), hash: hash)
        }
        return try DigestCalculator.response(
            key: key, nonce: nonce, nonceCount: nonceCount, cnonce: cnonce, qop: qop, ha2: ha2)
    }
}

/// The parts of a request that digest authentication covers (RFC 3261 §22.4, RFC 7616 §3.4.3).
public struct DigestRequest: Sendable, Equatable {
    /// The SIP method, e.g. `REGISTER` (A2's Method, RFC 3261 §22.4).
    public var method: String
    /// The digest-uri: the Request-URI exactly as it appears in the request line.
    public var uri: String
    /// The message body bytes, only hashed for `auth-int`; empty when there is none.
    public var body: [UInt8]

    public init(method: String, uri: String, body: [UInt8] = []) {
        self.method = method
        self.uri = uri
        self.body = body
    }
}

import SIPAuth
import SIPSyntax

/// Answers digest challenges for one client usage (a registration or a subscription) and keeps
/// what it learned for later requests.
///
/// RFC 3261 §22.2/§22.3: a 401 is answered with `Authorization`, a 407 with
/// `Proxy-Authorization`, one per realm. The challenges are kept after success so that every
/// refresh carries credentials for the known nonce with nc + 1 (RFC 7616 §3.4, "preemptive"
/// authorization), which saves a round trip; a new challenge simply replaces the old one.
struct DigestAuthorizer: Sendable {
    /// Which header a challenge arrived in, hence which header answers it.
    enum Kind: Hashable, Sendable {
        /// 401 `WWW-Authenticate` → `Authorization`.
        case server
        /// 407 `Proxy-Authenticate` → `Proxy-Authorization`.
        case proxy
    }

    struct Key: Hashable, Sendable {
        var kind: Kind
        var realm: String
    }

    /// What one chain of requests (a request and its re-sends after challenges) has answered, so
    /// a second challenge right after an answer can be told from a first one.
    struct Attempt: Sendable, Hashable {
        /// Challenges answered with a nonce received in this chain.
        var answered: Set<Key> = []
        /// Challenges already retried once because the server said `stale=true`.
        var staleRetried: Set<Key> = []
        /// Challenges handled in this chain; bounds a server that challenges forever with new realms.
        var rounds = 0
    }

    enum Outcome: Sendable, Hashable {
        /// Send the request again; `authorize` now adds the new credentials.
        case retry
        case noCredentials
        /// A fresh answer was refused again without `stale=true`: the password is wrong.
        case rejected
        case unsupported(String)
    }

    static let maximumRounds = 4

    private var session: DigestSession
    private let credentials: UserCredentials?
    /// In the order they were learned, one per key.
    private var challenges: [(key: Key, challenge: DigestChallenge)] = []

    init(credentials: UserCredentials?, cnonceSource: any RandomSource) {
        self.credentials = credentials
        self.session = DigestSession(random: cnonceSource)
    }

    /// Forgets the challenges (e.g. after an un-REGISTER, or a new subscription to another server).
    mutating func reset() {
        challenges.removeAll()
    }

    /// Takes in a 401/407 for the request whose chain is `attempt`.
    mutating func accept(challengeIn response: SIPResponse, attempt: inout Attempt) -> Outcome {
        let kind: Kind = response.statusCode == 407 ? .proxy : .server
        let header: SIPHeaderName = kind == .proxy ? .proxyAuthenticate : .wwwAuthenticate
        guard let credentials else { return .noCredentials }
        let selection = ChallengeSelector.select(from: response.headers.values(header))
        let chosen = credentials.realm.flatMap { selection.challenge(forRealm: $0) } ?? selection.chosen.first
        guard let challenge = chosen else {
            let reasons = selection.skipped.map { "\($0.reason)" }
            return .unsupported(reasons.isEmpty ? "\(response.statusCode) without a usable Digest challenge" : reasons.joined(separator: "; "))
        }
        let key = Key(kind: kind, realm: challenge.realm)
        attempt.rounds += 1
        guard attempt.rounds <= Self.maximumRounds else { return .rejected }
        if challenge.stale {
            // RFC 7616 §3.3: the credentials were right but the nonce expired; retry once.
            guard !attempt.staleRetried.contains(key) else { return .rejected }
            attempt.staleRetried.insert(key)
        } else if attempt.answered.contains(key) {
            return .rejected
        }
        attempt.answered.insert(key)
        session.receive(challenge)
        challenges.removeAll { $0.key == key }
        challenges.append((key, challenge))
        return .retry
    }

    /// Adds an `Authorization`/`Proxy-Authorization` header for every known challenge
    /// (RFC 3261 §22.2: the digest-uri is the Request-URI as sent).
    mutating func authorize(_ request: inout SIPRequest) throws(DigestError) {
        guard let credentials else { return }
        let digestRequest = DigestRequest(method: request.method.rawValue, uri: request.uri.description, body: request.body)
        for (key, challenge) in challenges {
            let answer = try session.credentials(answering: challenge, user: credentials, request: digestRequest)
            request.headers.append(key.kind == .proxy ? .proxyAuthorization : .authorization, answer.headerValue)
        }
    }
}

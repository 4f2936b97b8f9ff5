/// Client-side digest state across requests: the nonce count per nonce and the cnonce source.
///
/// RFC 7616 §3.4: nc counts the requests sent with one nonce, so reusing a nonce (preemptive
/// credentials on the next REGISTER or INVITE) must send 00000002, 00000003, …; a new nonce
/// starts again at 00000001, and so does a `stale=true` re-challenge, which tells us the server
/// has forgotten the old count. A value type: the owning actor keeps one per account.
public struct DigestSession: Sendable {
    /// Counters are per realm and nonce: Asterisk, for one, hands out a new nonce per challenge in
    /// the same realm, and REGISTER and INVITE can each be using their own.
    private struct NonceKey: Hashable, Sendable {
        var realm: String
        var nonce: String
    }

    private struct Counter: Sendable {
        var last: NonceCount
        var lastUse: UInt64
    }

    /// Enough for every nonce a softphone uses at once; the least recently used is dropped first.
    static let capacity = 16

    private var counters: [NonceKey: Counter] = [:]
    private var clock: UInt64 = 0
    private let random: any RandomSource
    public var preference: QoPPreference

    public init(random: any RandomSource = SystemRandomSource(), preference: QoPPreference = .auth) {
        self.random = random
        self.preference = preference
    }

    /// Records a challenge from a 401 or 407. `stale=true` restarts nc for its nonce even if the
    /// server repeats the nonce; a new nonce starts at 1 anyway.
    public mutating func receive(_ challenge: DigestChallenge) {
        if challenge.stale {
            counters[NonceKey(realm: challenge.realm, nonce: challenge.nonce)] = nil
        }
    }

    /// The nc for the next request on this challenge's nonce, counted as used.
    public mutating func nextNonceCount(for challenge: DigestChallenge) throws(DigestError) -> NonceCount {
        let key = NonceKey(realm: challenge.realm, nonce: challenge.nonce)
        let next = try counters[key].map { counter throws(DigestError) in try counter.last.next() } ?? .first
        clock += 1
        counters[key] = Counter(last: next, lastUse: clock)
        if counters.count > Self.capacity, let oldest = counters.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            counters[oldest.key] = nil
        }
        return next
    }

    /// The last nc sent on this challenge's nonce; nil if none yet.
    public func lastNonceCount(for challenge: DigestChallenge) -> NonceCount? {
        counters[NonceKey(realm: challenge.realm, nonce: challenge.nonce)]?.last
    }

    /// Credentials for `request`: draws a fresh cnonce and the next nc when the challenge uses
    /// qop (neither is sent without qop, so neither is consumed then).
    public mutating func credentials(
        answering challenge: DigestChallenge, user: UserCredentials, request: DigestRequest
    ) throws(DigestError) -> DigestCredentials {
        let plan = try DigestPlan(challenge: challenge, preference: preference)
        var nonceCount = NonceCount.first
        var cnonce = ""
        if plan.qop != nil {
            cnonce = try random.cnonce()
            nonceCount = try nextNonceCount(for: challenge)
        }
        return try DigestResponder.credentials(
            answering: challenge, user: user, request: request,
            nonceCount: nonceCount, cnonce: cnonce, preference: preference)
    }
}

/// Picks which challenge to answer when a 401/407 carries several (RFC 3261 §22.3: one per
/// realm must be answered; RFC 7616 §3.7: a server may offer one challenge per algorithm).
public enum ChallengeSelector: Sendable {
    /// Parses every header value and keeps, per realm, the strongest answerable challenge:
    /// by hash (SHA-512-256 > SHA-256 > MD5, `-sess` ranking with its hash), then by qop (the
    /// preferred one, then the other, then none, since RFC 2069 mode lacks cnonce protection).
    /// Ties keep the first offered, honouring the server's order. Nothing is dropped silently:
    /// unusable challenges are listed with the reason.
    public static func select(from headerValues: [String], preference: QoPPreference = .auth) -> ChallengeSelection {
        var selection = ChallengeSelection()
        var best: [String: (challenge: DigestChallenge, rank: Rank)] = [:]
        for value in headerValues {
            let fields: [AuthField]
            do {
                fields = try AuthField.parseList(value)
            } catch {
                selection.skipped.append(SkippedChallenge(headerValue: value, reason: .malformed(error)))
                continue
            }
            for field in fields {
                do {
                    let (challenge, rank) = try candidate(field, preference: preference)
                    if best[challenge.realm] == nil { selection.realms.append(challenge.realm) }
                    if let current = best[challenge.realm], current.rank >= rank { continue }
                    best[challenge.realm] = (challenge, rank)
                } catch {
                    selection.skipped.append(SkippedChallenge(headerValue: value, reason: error))
                }
            }
        }
        selection.chosen = selection.realms.compactMap { best[$0]?.challenge }
        return selection
    }

    /// Ranks are compared lexicographically: hash strength first, then qop.
    struct Rank: Comparable {
        var strength: Int
        var qop: Int

        static func < (lhs: Rank, rhs: Rank) -> Bool {
            (lhs.strength, lhs.qop) < (rhs.strength, rhs.qop)
        }
    }

    private static func candidate(
        _ field: AuthField, preference: QoPPreference
    ) throws(SkipReason) -> (DigestChallenge, Rank) {
        guard field.isDigest else { throw .unsupportedScheme(field.scheme) }
        let challenge: DigestChallenge
        let plan: DigestPlan
        do {
            challenge = try DigestChallenge(field: field)
        } catch {
            throw .malformed(error)
        }
        do {
            plan = try DigestPlan(challenge: challenge, preference: preference)
        } catch {
            throw .unusable(error)
        }
        let qopRank = switch plan.qop {
        case nil: 0
        case let qop?: qop == preference.preferred ? 2 : 1
        }
        return (challenge, Rank(strength: plan.algorithm.hash.strength, qop: qopRank))
    }
}

/// The outcome of `ChallengeSelector.select`.
public struct ChallengeSelection: Sendable, Equatable {
    /// One challenge per realm, in the order the realms first appeared.
    public var chosen: [DigestChallenge] = []
    /// Challenges not used, with why (for logs and `dialtone` debug output).
    public var skipped: [SkippedChallenge] = []
    fileprivate var realms: [String] = []

    /// The chosen challenge for a realm, e.g. the one an account's credentials belong to.
    public func challenge(forRealm realm: String) -> DigestChallenge? {
        chosen.first { $0.realm == realm }
    }
}

/// A challenge `ChallengeSelector` did not choose from, and why.
public struct SkippedChallenge: Sendable, Equatable {
    public var headerValue: String
    public var reason: SkipReason
}

/// An `Error` only so it can be thrown internally; it is reported, never thrown to callers.
public enum SkipReason: Error, Sendable, Equatable {
    /// Not Digest (e.g. `Basic`): SIP only defines Digest (RFC 3261 §22.1).
    case unsupportedScheme(String)
    /// The value or the challenge does not parse.
    case malformed(AuthHeaderError)
    /// Parsed, but we cannot answer it (unknown algorithm, only unknown qop, `-sess` without qop).
    case unusable(DigestError)
}

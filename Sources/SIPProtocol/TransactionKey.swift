import SIPSyntax

/// What identifies a transaction when a message arrives (RFC 3261 §17.1.3, §17.2.3).
///
/// The transaction layer computes the parts from the parsed top Via and CSeq and looks the key up
/// in its table; the machines only carry it. Two shapes exist because the two sides match on
/// different fields:
///
/// - **Client** (§17.1.3): a response belongs to a client transaction when its top Via `branch`
///   equals the request's and its CSeq method equals the request's method. The method is needed
///   because a CANCEL carries the same branch as the INVITE it cancels (§9.1), so the 200 for the
///   CANCEL must not land in the INVITE transaction. The sent-by is not compared on this side.
/// - **Server** (§17.2.3): a request belongs to a server transaction when its top Via `branch`
///   and `sent-by` equal those of the request that created it and its method equals that
///   request's method — **except ACK, which matches the INVITE transaction** (the ACK for a
///   non-2xx response reuses the INVITE's branch, §17.1.1.3). The sent-by is compared because two
///   clients may pick the same branch by accident.
///
/// A CANCEL gets its own server transaction (its method differs from INVITE's); the TU finds the
/// INVITE it targets through `cancelledInvite` (§9.2).
///
/// **RFC 2543 fallback is out of scope.** Requests whose branch lacks the magic cookie `z9hG4bK`
/// come from pre-RFC 3261 clients and need the legacy matching of §17.2.3 (Request-URI, tags,
/// Call-ID, CSeq, top Via). `server(branch:sentBy:method:)` refuses such branches, so the owner
/// must handle those requests statelessly (or reject them) instead of silently mismatching.
public struct TransactionKey: Hashable, Sendable, CustomStringConvertible {
    /// The magic cookie every RFC 3261 branch starts with (§8.1.1.7), compared case-sensitively.
    public static let magicCookie = "z9hG4bK"

    /// The `branch` parameter of the top Via, compared case-sensitively (a parameter value,
    /// RFC 3261 §7.3.1).
    public let branch: String
    /// The `sent-by` of the top Via in lower case (host names compare case-insensitively,
    /// RFC 3261 §19.1.4); `nil` for client keys, which do not compare it (§17.1.3).
    public let sentBy: String?
    /// The method of the transaction: the request's method, with ACK folded into INVITE.
    public let method: SIPMethod

    private init(branch: String, sentBy: String?, method: SIPMethod) {
        self.branch = branch
        self.sentBy = sentBy
        self.method = method
    }

    /// The key of a client transaction, and of the responses that match it: top Via branch and
    /// CSeq method (RFC 3261 §17.1.3).
    public static func client(branch: String, method: SIPMethod) -> TransactionKey {
        TransactionKey(branch: branch, sentBy: nil, method: method)
    }

    /// The key of a server transaction, and of the requests that match it (RFC 3261 §17.2.3).
    /// An ACK yields the key of the INVITE transaction it acknowledges.
    ///
    /// - Returns: `nil` when the branch lacks the RFC 3261 magic cookie: RFC 2543 matching is not
    ///   implemented (see the type's documentation).
    public static func server(branch: String, sentBy: String, method: SIPMethod) -> TransactionKey? {
        guard branch.hasPrefix(magicCookie) else { return nil }
        let transactionMethod: SIPMethod = method == .ack ? .invite : method
        return TransactionKey(branch: branch, sentBy: sentBy.lowercased(), method: transactionMethod)
    }

    /// For the key of a CANCEL, the key of the transaction it cancels: same branch and sent-by,
    /// method INVITE (RFC 3261 §9.2, which matches a CANCEL by §17.2.3 ignoring the method).
    /// A CANCEL for a non-INVITE request has no effect worth modelling (§9.1), so this is the
    /// INVITE key only; `nil` for keys of other methods.
    public var cancelledInvite: TransactionKey? {
        guard method == .cancel else { return nil }
        return TransactionKey(branch: branch, sentBy: sentBy, method: .invite)
    }

    public var description: String {
        if let sentBy { "server \(method) \(branch) from \(sentBy)" } else { "client \(method) \(branch)" }
    }
}

/// How a call ended, as the history list shows it.
///
/// It is derived, never entered, from three facts every call has: its direction, whether it was
/// answered, and the final status of the INVITE (RFC 3261 §21). Deriving it keeps one source of
/// truth: a record cannot say "answered" while holding no answer time.
public enum CallResult: String, Sendable, Hashable, CaseIterable, Codable {
    /// A 2xx was sent or received and the call was set up (it has an answer time).
    case answered
    /// Incoming, never answered, and not refused on purpose: the caller gave up or it timed out.
    case missed
    /// Declined on purpose: by us (incoming 603 or a 3xx redirect) or by the callee (outgoing 603).
    case rejected
    /// 486 Busy Here or 600 Busy Everywhere, in either direction.
    case busy
    /// Ended by an error response, or a 2xx whose call never came up.
    case failed
    /// Outgoing and abandoned by us before it was answered.
    case cancelled

    /// The result for a call with these facts; `answered` wins over any status code.
    ///
    /// Incoming, unanswered:
    /// - no final response, 408, 480, 487 → `missed` (caller cancelled: we answer the INVITE with
    ///   487 (RFC 3261 §9.2); ring timeout: 408 or 480; vanished without a response)
    /// - 486, 600 → `busy` (we were busy or on do-not-disturb)
    /// - 603, 3xx → `rejected` (the user declined, or redirected the call elsewhere)
    /// - anything else → `failed` (e.g. 488 when no codec matched: the user never saw it ring)
    ///
    /// Outgoing, unanswered:
    /// - no final response, 487 → `cancelled` (we sent CANCEL; a timeout would have been
    ///   recorded as 408 because the transaction layer synthesises it, RFC 3261 §17.1.1.2)
    /// - 486, 600 → `busy`; 603 → `rejected`
    /// - anything else → `failed` (404, 480, 5xx, an unfollowed 3xx, a 2xx never ACKed)
    public static func derive(direction: HistoryDirection, statusCode: Int?, answered: Bool) -> CallResult {
        if answered { return .answered }
        switch direction {
        case .incoming: return unansweredIncoming(statusCode)
        case .outgoing: return unansweredOutgoing(statusCode)
        }
    }

    private static func unansweredIncoming(_ code: Int?) -> CallResult {
        guard let code else { return .missed }
        switch code {
        case 408, 480, 487: return .missed
        case 486, 600: return .busy
        case 603, 300...399: return .rejected
        default: return .failed
        }
    }

    private static func unansweredOutgoing(_ code: Int?) -> CallResult {
        guard let code else { return .cancelled }
        switch code {
        case 487: return .cancelled
        case 486, 600: return .busy
        case 603: return .rejected
        default: return .failed
        }
    }
}

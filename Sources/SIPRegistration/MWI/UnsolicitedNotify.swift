import SIPSyntax

/// Out-of-dialog NOTIFYs with `Event: message-summary`, which Asterisk (`unsolicited_mwi`,
/// chan_pjsip `mailboxes` without subscription) sends without any SUBSCRIBE. Not RFC 6665
/// conformant, but common enough that a softphone shows them.
public enum UnsolicitedNotify {
    /// The summary in `request`, or nil when it is not a message-summary NOTIFY or its body does
    /// not parse (the caller answers 400/489 as it sees fit).
    public static func messageSummary(from request: SIPRequest) -> MessageSummary? {
        guard request.method == .notify,
              let event = try? request.headers.event, event.package.lowercased() == SubscribeRequestBuilder.eventPackage
        else { return nil }
        if let type = try? request.headers.contentType, !type.matches("application", "simple-message-summary") { return nil }
        return try? MessageSummary.parse(request.body)
    }
}

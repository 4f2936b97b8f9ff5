import DialtoneConfig
import MediaEngine
import SDP
import SIPDialog
import SIPServerLocation
import SIPSyntax
import SIPTransport

/// What a new call takes from its account and the engine: identity, Contact, credentials, the
/// route for requests outside the dialog, and how to get media.
struct CallSetup: Sendable {
    var account: AccountSettings
    var localAddress: SIPAddress
    var contact: SIPURI
    var credentials: CallCredentials?
    /// Where the initial INVITE goes, and how (nil for incoming calls).
    var route: (targets: TargetList, options: RequestOptions)?
    /// For a direct call (not through the account's servers): the URI `route` was located
    /// from. nil: `route` is the account's servers, good for any Request-URI.
    var directTarget: SIPURI?
    /// TLS checks for requests inside the dialog.
    var dialogOptions: RequestOptions
    var mediaFactory: any CallMediaFactory
    var mediaRequest: CallMediaRequest
    var userAgent: String
    /// End the call when no RTP comes for `mediaRequest.noMediaTimeout` (`hangup_on_no_rtp`).
    var hangsUpWithoutMedia = false

    /// Whether `route` serves an INVITE to `uri`. A 3xx Contact on another host or port is
    /// located afresh (RFC 3261 §8.1.3.4, RFC 3263) instead of going to the first callee again.
    func routeServes(_ uri: URI) -> Bool {
        guard let directTarget else { return true }
        guard let sip = uri.sipURI else { return false }
        return sip.host == directTarget.host && sip.port == directTarget.port
    }

    func sessionConfiguration(media: LocalMediaCapabilities) -> InviteSessionConfiguration {
        InviteSessionConfiguration(
            localAddress: localAddress, contact: .sip(contact), media: media, credentials: credentials,
            extraHeaders: account.extraHeaders.map { SIPHeaderField(SIPHeaderName($0.name), $0.value) },
            userAgent: userAgent)
    }
}

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
    /// TLS checks for requests inside the dialog.
    var dialogOptions: RequestOptions
    var mediaFactory: any CallMediaFactory
    var mediaRequest: CallMediaRequest
    var userAgent: String

    func sessionConfiguration(media: LocalMediaCapabilities) -> InviteSessionConfiguration {
        InviteSessionConfiguration(
            localAddress: localAddress, contact: .sip(contact), media: media, credentials: credentials,
            extraHeaders: account.extraHeaders.map { SIPHeaderField(SIPHeaderName($0.name), $0.value) },
            userAgent: userAgent)
    }
}

import SIPSyntax

/// What a phone built on this stack supports, for `sip-lint`'s "a phone would answer …":
/// methods (RFC 3261 §8.2.1 → 501/405), URI schemes (§8.2.2.1 → 416), option tags
/// (§8.2.2.3 → 420) and body types (§8.2.3 → 415).
public struct SIPEndpointProfile: Hashable, Sendable {
    public var methods: [SIPMethod]
    /// Lower-case URI schemes.
    public var uriSchemes: [String]
    /// Option tags a Require may name.
    public var optionTags: [String]
    /// Lower-case `type/subtype` essences of bodies it reads.
    public var contentTypes: [String]

    public init(methods: [SIPMethod], uriSchemes: [String], optionTags: [String], contentTypes: [String]) {
        self.methods = methods
        self.uriSchemes = uriSchemes
        self.optionTags = optionTags
        self.contentTypes = contentTypes
    }

    /// Dialtone: the methods of `SIPMethod.implemented`, sip/sips/tel, the extensions it
    /// implements (100rel RFC 3262, replaces RFC 3891, timer RFC 4028, norefersub RFC 4488,
    /// outbound RFC 5626, path RFC 3327) and the bodies of calls, transfers and subscriptions.
    public static let dialtone = SIPEndpointProfile(
        methods: SIPMethod.implemented,
        uriSchemes: ["sip", "sips", "tel"],
        optionTags: ["100rel", "replaces", "timer", "norefersub", "outbound", "path"],
        contentTypes: [
            "application/sdp", "multipart/mixed", "multipart/alternative", "message/sipfrag",
            "text/plain", "application/dialog-info+xml", "application/pidf+xml",
            "application/simple-message-summary",
        ])
}

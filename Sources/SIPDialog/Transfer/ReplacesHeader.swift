import SIPSyntax

/// The Replaces header (RFC 3891 §6.1): names a dialog by Call-ID and tags so that a new
/// INVITE takes it over (attended transfer, call pickup).
///
/// Tags are from the point of view of the UA that *receives* the Replaces: `toTag` is its
/// local tag, `fromTag` its remote tag (RFC 3891 §3).
public struct ReplacesHeader: Hashable, Sendable, CustomStringConvertible {
    public var callID: String
    public var toTag: String
    public var fromTag: String
    /// `early-only`: replace only a dialog that is not yet confirmed (RFC 3891 §6.1).
    public var earlyOnly: Bool

    public init(callID: String, toTag: String, fromTag: String, earlyOnly: Bool = false) {
        self.callID = callID
        self.toTag = toTag
        self.fromTag = fromTag
        self.earlyOnly = earlyOnly
    }

    /// The Replaces a peer must send to take over *our* dialog `id` as seen from our side:
    /// our local tag is its to-tag.
    public init(replacing id: DialogID, earlyOnly: Bool = false) {
        self.init(callID: id.callID, toTag: id.localTag, fromTag: id.remoteTag, earlyOnly: earlyOnly)
    }

    /// Replaces = callid *(SEMI replaces-param)
    public var serialized: String {
        "\(callID);to-tag=\(toTag);from-tag=\(fromTag)" + (earlyOnly ? ";early-only" : "")
    }

    public var description: String { serialized }

    /// Whether this names our dialog `id` (RFC 3891 §3: to-tag against our local tag, from-tag
    /// against our remote tag).
    public func matches(_ id: DialogID) -> Bool {
        callID == id.callID && toTag == id.localTag && fromTag == id.remoteTag
    }

    /// Replaces = "Replaces" HCOLON callid *(SEMI replaces-param)
    /// replaces-param = to-tag / from-tag / early-flag / generic-param
    /// to-tag = "to-tag" EQUAL token; from-tag = "from-tag" EQUAL token; early-flag = "early-only"
    public static func parse(_ text: String) throws(TransferError) -> ReplacesHeader {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map(trim)
        guard let callID = parts.first, !callID.isEmpty, !callID.contains(where: \.isWhitespace) else {
            throw .malformedReplaces("missing Call-ID")
        }
        var toTag: String?, fromTag: String?, earlyOnly = false
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(trim)
            switch (pair.first?.lowercased(), pair.count) {
            case ("to-tag", 2): toTag = pair[1]
            case ("from-tag", 2): fromTag = pair[1]
            case ("early-only", 1): earlyOnly = true
            case (nil, _): throw .malformedReplaces("empty parameter")
            default: continue  // generic-param, ignored
            }
        }
        guard let toTag, !toTag.isEmpty else { throw .malformedReplaces("missing to-tag") }
        guard let fromTag, !fromTag.isEmpty else { throw .malformedReplaces("missing from-tag") }
        return ReplacesHeader(callID: callID, toTag: toTag, fromTag: fromTag, earlyOnly: earlyOnly)
    }

    private static func trim(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

/// Why a transfer message could not be used.
public enum TransferError: Error, Hashable, Sendable, CustomStringConvertible {
    case malformedReplaces(String)
    /// A `%` escape that is not two hex digits, or bytes that are not UTF-8.
    case malformedEscape(String)
    /// REFER without exactly one Refer-To (RFC 3515 §2.4.1).
    case missingReferTo
    case malformedReferTo(String)
    /// A NOTIFY body that is not a SIP status line (RFC 3515 §2.4.5, RFC 3420).
    case malformedSipfrag(String)

    public var description: String {
        switch self {
        case .malformedReplaces(let reason): "Bad Replaces: \(reason)"
        case .malformedEscape(let text): "Bad escape in '\(text)'"
        case .missingReferTo: "Missing Refer-To"
        case .malformedReferTo(let reason): "Bad Refer-To: \(reason)"
        case .malformedSipfrag(let reason): "Bad sipfrag: \(reason)"
        }
    }
}

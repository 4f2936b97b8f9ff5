import SIPSyntax

/// A dialog (RFC 3261 §12): the peer-to-peer relationship an INVITE creates, holding what every
/// later request in it needs — identity, sequence numbers, where to send and through whom.
///
/// A value type with no I/O: `makeRequest` builds requests (without Via, which the transaction
/// layer adds with a fresh branch) and `receive(_:)` checks requests from the peer.
public struct Dialog: Hashable, Sendable {
    /// §12: a dialog created by a provisional response is early until a 2xx confirms it.
    public enum State: Hashable, Sendable { case early, confirmed }

    public internal(set) var state: State
    public let id: DialogID
    /// Our address as it appears in From (UAC) or To (UAS), with our tag.
    public let localAddress: SIPAddress
    /// The peer's address with its tag.
    public let remoteAddress: SIPAddress
    /// The CSeq of the last request we sent; nil until the UAS sends its first (§12.1.1).
    public internal(set) var localSequence: UInt32?
    /// The CSeq of the last request the peer sent; nil until the UAC receives one (§12.1.2).
    public internal(set) var remoteSequence: UInt32?
    /// Where in-dialog requests go: the peer's Contact, updated by target refreshes (§12.2).
    public internal(set) var remoteTarget: URI
    /// Proxies that asked to stay on the path (Record-Route), in the order we must visit them.
    public internal(set) var routeSet: [SIPAddress]
    /// Created over TLS with a sips Request-URI (§12.1.1): later requests must stay sips.
    public let isSecure: Bool
    /// Our Contact, sent in target-refresh requests.
    public var localContact: URI

    /// The UAS side (§12.1.1): from the dialog-creating request and the tag we put in our
    /// response. The route set is the request's Record-Route as is.
    public init(uasRequest request: SIPRequest, localTag: String, localContact: URI) throws(DialogError) {
        let headers = request.headers
        let from = try headers.requiredFrom()
        let to = try headers.requiredTo()
        guard let target = try headers.firstContactURI() else { throw .missingContact }
        self.id = DialogID(callID: try headers.requiredCallID(), localTag: localTag, remoteTag: from.tag ?? "")
        self.state = .confirmed
        self.localAddress = to.withTag(localTag)
        self.remoteAddress = from
        self.remoteSequence = try headers.requiredCSeq().sequenceNumber
        self.localSequence = nil
        self.remoteTarget = target
        self.routeSet = try headers.recordRouteSet()
        self.isSecure = request.uri.scheme == "sips"
        self.localContact = localContact
    }

    /// The UAC side (§12.1.2): from our request and a 1xx with a To tag (early) or a 2xx
    /// (confirmed). The route set is the response's Record-Route reversed.
    public init(uacRequest request: SIPRequest, response: SIPResponse, localContact: URI) throws(DialogError) {
        let to = try response.headers.requiredTo()
        guard let remoteTag = to.tag, !remoteTag.isEmpty else { throw .missingToTag }
        let from = try request.headers.requiredFrom()
        let target = try response.headers.firstContactURI()
        // A 2xx must name the target (§12.1.2); an early dialog may still lack it, and until a
        // later response names one the Request-URI is the best guess.
        if response.isSuccess && target == nil { throw .missingContact }
        self.id = DialogID(callID: try request.headers.requiredCallID(), localTag: from.tag ?? "", remoteTag: remoteTag)
        self.state = response.isSuccess ? .confirmed : .early
        self.localAddress = from
        self.remoteAddress = to
        self.localSequence = try request.headers.requiredCSeq().sequenceNumber
        self.remoteSequence = nil
        self.remoteTarget = target ?? request.uri
        self.routeSet = try response.headers.recordRouteSet().reversed()
        self.isSecure = request.uri.scheme == "sips"
        self.localContact = localContact
    }

    /// A later response on the same dialog from the INVITE (UAC): a 2xx confirms an early
    /// dialog and, §12.1.2 / §13.2.2.4, its Record-Route and Contact replace the early ones.
    public mutating func update(withResponse response: SIPResponse) throws(DialogError) {
        if let target = try response.headers.firstContactURI() { remoteTarget = target }
        if state == .early {
            routeSet = try response.headers.recordRouteSet().reversed()
            if response.isSuccess { state = .confirmed }
        }
    }
}

extension SIPAddress {
    /// The same address with `tag` set (replacing any tag).
    func withTag(_ tag: String) -> SIPAddress {
        var copy = self
        copy.parameters.removeAll { $0.name.lowercased() == "tag" }
        copy.parameters.append(Parameter("tag", tag))
        return copy
    }
}

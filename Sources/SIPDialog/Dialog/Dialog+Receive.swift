import SIPSyntax

extension Dialog {
    /// Checks a request the peer sent within this dialog (RFC 3261 §12.2.2) and applies it:
    /// a CSeq lower than the last one is refused (500), any other raises the remote sequence
    /// number; a target refresh (re-INVITE, UPDATE) with a Contact moves the remote target.
    /// ACK and CANCEL reuse the INVITE's number, so they are not checked or counted.
    public mutating func receive(_ request: SIPRequest) throws(DialogError) {
        guard request.method != .ack, request.method != .cancel else { return }
        let cseq = try request.headers.requiredCSeq()
        if let last = remoteSequence, cseq.sequenceNumber < last {
            throw .sequenceOutOfOrder(received: cseq.sequenceNumber, last: last)
        }
        remoteSequence = cseq.sequenceNumber
        if Self.targetRefreshMethods.contains(request.method), let target = try request.headers.firstContactURI() {
            remoteTarget = target
        }
    }

    /// A 2xx to our target-refresh request (re-INVITE, UPDATE) moves the remote target to its
    /// Contact (§12.2.1.2).
    public mutating func receiveTargetRefreshResponse(_ response: SIPResponse) throws(DialogError) {
        guard response.isSuccess, let target = try response.headers.firstContactURI() else { return }
        remoteTarget = target
    }

    /// Whether a message with this Call-ID and these tags (as the peer wrote them, From being
    /// the peer for its requests) belongs to the dialog.
    public func matches(request: SIPRequest) -> Bool {
        guard let callID = try? request.headers.callID, let from = try? request.headers.from,
              let to = try? request.headers.to else { return false }
        return callID == id.callID && (from.tag ?? "") == id.remoteTag && (to.tag ?? "") == id.localTag
    }
}

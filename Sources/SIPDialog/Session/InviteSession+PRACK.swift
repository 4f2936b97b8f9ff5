import SIPSyntax

extension InviteSession {
    /// A reliable provisional (Require: 100rel with RSeq, RFC 3262 §4) is acknowledged with
    /// PRACK in its early dialog: `RAck: <RSeq> <CSeq number> INVITE`. Retransmissions (an
    /// RSeq not above the last acknowledged) are not PRACKed again; the transaction of the
    /// first PRACK answers them.
    func acknowledgeReliably(_ response: SIPResponse, tag: String, _ outgoing: inout OutgoingCall) -> [CallAction] {
        let required = ((try? response.headers.require) ?? []).contains { $0.lowercased() == "100rel" }
        guard required, let rseq = (try? response.headers.rseq) ?? nil,
              rseq > (outgoing.acknowledgedRSeq[tag] ?? 0),
              let index = outgoing.earlyDialogs.firstIndex(where: { $0.id.remoteTag == tag }) else { return [] }
        outgoing.acknowledgedRSeq[tag] = rseq
        let rack = SIPRAck(responseNumber: rseq, cseqNumber: outgoing.sequence, method: .invite)
        let prack = outgoing.earlyDialogs[index].makeRequest(
            method: .prack, extraHeaders: outgoing.credentialHeaders + [SIPHeaderField(.rack, rack.serialized)])
        return [.send(prack)]
    }
}

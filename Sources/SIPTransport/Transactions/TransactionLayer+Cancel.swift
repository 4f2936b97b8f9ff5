import SIPProtocol
import SIPSyntax

extension TransactionLayer {
    /// Sends `cancel` for the pending INVITE client transaction with the same Call-ID and CSeq
    /// number (RFC 3261 §9.1): the CANCEL takes that INVITE's top Via, branch included, and
    /// leaves on the same flow, so the server matches it to the INVITE transaction. Returns the
    /// CANCEL's final response, or nil when no such INVITE is pending (it already ended, or was
    /// never sent): then there is nothing to cancel.
    public func cancel(_ cancel: SIPRequest) async -> SIPResponse? {
        guard cancel.method == .cancel,
              let callID = cancel.headers[.callID],
              let sequence = (try? cancel.headers.cseq)?.sequenceNumber,
              let (inviteKey, invite, flow) = pendingInvite(callID: callID, sequence: sequence),
              let topVia = invite.headers.values(.via).first
        else { return nil }
        let branch = inviteKey.branch
        var stamped = cancel
        stamped.headers.remove(.via)
        stamped.headers.prepend(.via, topVia)
        let key = TransactionKey.client(branch: branch, method: .cancel)
        guard clients[key] == nil else { return nil }
        let result = await run(PreparedRequest(request: stamped, flow: flow), key: key, options: RequestOptions(), target: nil)
        switch result {
        case .response(let response, _): return response
        case .timeout, .transportError: return nil
        }
    }

    /// The INVITE client transaction still waiting for a final response for this Call-ID and
    /// CSeq number, with the request as sent (Via included) and its flow.
    private func pendingInvite(callID: String, sequence: UInt32) -> (TransactionKey, SIPRequest, FlowInfo)? {
        for (key, entry) in clients {
            guard case .invite(let machine) = entry.machine, entry.waiter != nil else { continue }
            let request = machine.request
            guard request.headers[.callID] == callID, (try? request.headers.cseq)?.sequenceNumber == sequence else { continue }
            return (key, request, entry.flow)
        }
        return nil
    }
}

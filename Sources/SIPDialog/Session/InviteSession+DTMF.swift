import SIPSyntax

extension InviteSession {
    /// Sends one DTMF digit as SIP INFO with an `application/dtmf-relay` body (for peers that
    /// do not take RFC 4733 events). Nothing is sent for a character that is not a DTMF signal.
    public mutating func sendDTMF(_ digit: Character, duration: Int = 160) -> [CallAction] {
        guard case .established(var call) = phase, let relay = DTMFRelay(signal: digit, duration: duration) else { return [] }
        let info = call.dialog.makeRequest(method: .info, body: relay.body, contentType: DTMFRelay.contentType,
                                           extraHeaders: call.credentialHeaders)
        phase = .established(call)
        return [.send(info)]
    }

    /// INFO from the peer: DTMF relay is reported; other packages are acknowledged and ignored
    /// (RFC 6086 legacy usage); an unreadable relay body gets 400.
    func receiveInfo(_ request: SIPRequest) -> [CallAction] {
        guard let type = try? request.headers.contentType, type.matches("application", "dtmf-relay") else {
            return [rejecting(request, 200, "OK")]
        }
        do {
            let relay = try DTMFRelay.parse(request.body)
            return [rejecting(request, 200, "OK"), .event(.dtmfReceived(relay.signal, duration: relay.duration))]
        } catch {
            return [rejecting(request, 400, "Bad dtmf-relay body")]
        }
    }
}

import SIPAuth
import SIPSyntax

extension InviteSession {
    /// 401/407 to the INVITE (RFC 3261 §22.2, §22.3): answer the challenge with our
    /// credentials in a new INVITE (CSeq + 1). A second challenge for a realm already answered
    /// means the credentials are wrong, unless the server says the nonce was only stale.
    mutating func authenticate(_ response: SIPResponse, _ outgoing: OutgoingCall) -> [CallAction] {
        var outgoing = outgoing
        let failure = CallEndReason.failed(CallFailure(statusCode: response.statusCode, reasonPhrase: response.reasonPhrase))
        if outgoing.cancel != .notRequested { return end(.cancelled) }
        guard let credentials = configuration.credentials else { return end(failure) }
        let isProxy = response.statusCode == 407
        let selection = ChallengeSelector.select(
            from: response.headers.values(isProxy ? .proxyAuthenticate : .wwwAuthenticate))
        guard let challenge = credentials.realm.flatMap(selection.challenge(forRealm:)) ?? selection.chosen.first,
              challenge.stale || !outgoing.answeredRealms.contains(challenge.realm) else { return end(failure) }
        let user = UserCredentials(username: credentials.username, password: credentials.password, realm: credentials.realm)
        let request = DigestRequest(method: SIPMethod.invite.rawValue, uri: outgoing.invite.uri.description, body: outgoing.invite.body)
        let digest: DigestCredentials
        do {
            digest = try DigestResponder.credentials(answering: challenge, user: user, request: request,
                                                     nonceCount: .first, cnonce: random.token(hexDigits: 32))
        } catch {
            return end(failure)
        }
        let field = SIPHeaderField(isProxy ? .proxyAuthorization : .authorization, digest.headerValue)
        outgoing.answeredRealms.insert(challenge.realm)
        outgoing.credentialHeaders.removeAll { $0.name == field.name && $0.value.contains("realm=\"\(challenge.realm)\"") }
        outgoing.credentialHeaders.append(field)
        outgoing.invite = outgoing.nextInvite()
        outgoing.earlyDialogs = []
        outgoing.heardProvisional = false
        phase = .outgoing(outgoing)
        return [.send(outgoing.invite)]
    }
}

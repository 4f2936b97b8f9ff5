import CallHistory
import Foundation
import SIPAuth
import SIPDialog
import SIPServerLocation
import SIPSyntax
import SIPTransport

extension PhoneEngine {
    /// Sends a page-mode MESSAGE (RFC 3428) from `account` to `target`, answering one digest
    /// challenge per realm (proxies challenge MESSAGEs from their users), and records it.
    /// Returns the final status (2xx: delivered to the peer or its server).
    public func sendMessage(to target: String, text: String, account name: String? = nil) async throws(CallError) -> Int {
        guard let registrar = try callAccount(name) else { throw .noSuchAccount(name) }
        let settings = registrar.settings
        guard let uri = CallTarget.uri(for: target, account: settings) else { throw .invalidTarget(target) }
        guard let services else { throw .notStarted }
        var random = SystemCallRandomSource()
        let extra = settings.extraHeaders.map { SIPHeaderField(SIPHeaderName($0.name), $0.value) }
        var request = InstantMessage.makeRequest(
            to: uri, from: SIPAddress(displayName: settings.displayName, uri: .sip(settings.aor)), text: text,
            random: &random, extraHeaders: extra)
        let route: TargetList
        var options = await registrar.requestOptions
        if CallTarget.usesAccountServers(uri, account: settings) {
            guard let targets = await registrar.requestTargets() else { throw .noRoute("the account's servers could not be located") }
            route = targets
        } else {
            guard let targets = await Call.targets(for: request, fixed: nil, services: services) else { throw .noRoute(uri.description) }
            route = targets
            options.serverName = nil
        }
        var outcome = await services.transactions.send(request, over: route, options: options)
        var answered: Set<String> = []
        while [401, 407].contains(outcome.response.statusCode),
              let retry = await Self.authorize(request, challenge: outcome.response, registrar: registrar, answered: &answered) {
            request = retry
            outcome = await services.transactions.send(request, over: outcome.targets, options: options)
        }
        if let history {
            var remote = (try? request.headers.to) ?? nil
            remote?.parameters = []
            _ = try? history.append(MessageRecord(
                direction: .outgoing, account: settings.name, remote: RemoteParty(uri: remote?.uri.description ?? uri.description),
                time: Date(), contentType: "text/plain;charset=UTF-8", text: text, deliveryStatusCode: outcome.response.statusCode))
        }
        return outcome.response.statusCode
    }

    /// The request again with CSeq + 1 and credentials for the challenge (RFC 3261 §22.2); nil
    /// when there are no credentials or the realm was already answered (a wrong password).
    static func authorize(_ request: SIPRequest, challenge response: SIPResponse, registrar: AccountRegistrar,
                          answered: inout Set<String>) async -> SIPRequest? {
        let isProxy = response.statusCode == 407
        let selection = ChallengeSelector.select(from: response.headers.values(isProxy ? .proxyAuthenticate : .wwwAuthenticate))
        guard let challenge = selection.chosen.first, !answered.contains(challenge.realm),
              let credentials = await registrar.callCredentials(),
              let cseq = try? request.headers.cseq else { return nil }
        answered.insert(challenge.realm)
        var random = SystemCallRandomSource()
        let user = UserCredentials(username: credentials.username, password: credentials.password)
        let digestRequest = DigestRequest(method: request.method.rawValue, uri: request.uri.description, body: request.body)
        guard let digest = try? DigestResponder.credentials(
            answering: challenge, user: user, request: digestRequest, nonceCount: .first,
            cnonce: String(random.next(), radix: 16)) else { return nil }
        var retry = request
        retry.headers.set(.cseq, SIPCSeq(cseq.sequenceNumber &+ 1, request.method).serialized)
        let contentLength = retry.headers[.contentLength] ?? "0"
        let contentType = retry.headers[.contentType]
        retry.headers.remove(.contentLength)
        retry.headers.remove(.contentType)
        retry.headers.append(isProxy ? .proxyAuthorization : .authorization, digest.headerValue)
        if let contentType { retry.headers.append(.contentType, contentType) }
        retry.headers.append(.contentLength, contentLength)
        return retry
    }
}

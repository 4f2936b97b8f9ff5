import CallHistory
import DialtoneConfig
import Foundation
import SIPDialog
import SIPServerLocation
import SIPSyntax
import SIPTransport

/// Requests from peers that belong to calls: new INVITEs, requests inside a call's dialog,
/// ACKs for our 2xx, and page-mode MESSAGEs.
extension PhoneEngine {
    /// Hands a request to the call whose Call-ID it carries (re-INVITE, BYE, CANCEL, INFO,
    /// REFER, NOTIFY, UPDATE, PRACK, in-dialog MESSAGE). False when no call has that Call-ID.
    func routeToCall(_ incoming: IncomingRequest) async -> Bool {
        guard let callID = incoming.request.headers[.callID], let call = callTable.call(sipCallID: callID) else { return false }
        if incoming.request.method == .invite, await call.sipCallID == nil { return false }
        call.deliver(.request(incoming))
        return true
    }

    /// An ACK for a 2xx we sent (RFC 3261 §13.3.1.4) goes to its call.
    func routeACK(_ ack: SIPRequest) {
        guard let callID = ack.headers[.callID], let call = callTable.call(sipCallID: callID) else { return }
        call.deliver(.ack(ack))
    }

    /// A new INVITE: refused when it comes from a stranger and `accept_unknown_invites` is off
    /// (403), or when it names no account (404) or a dialog we do not have (481); else a new
    /// call rings. Returns the refusal to send, or nil when the call took the request.
    func incomingCall(_ incoming: IncomingRequest) async -> SIPResponse? {
        let request = incoming.request
        let userAgent = configuration.general.userAgent
        func refuse(_ status: Int, _ reason: String) -> SIPResponse {
            ResponseFactory.response(to: request, statusCode: status, reasonPhrase: reason,
                                     toTag: RandomToken.make(using: &random), server: userAgent)
        }
        if let tag = (try? request.headers.to)??.tag, !tag.isEmpty { return refuse(481, "Call/Transaction Does Not Exist") }
        guard let services, let callID = request.headers[.callID] else { return refuse(400, "Bad Request") }
        var trusted: [IPAddress] = []
        for registrar in registrars.values { trusted += await registrar.serverAddresses }
        for account in configuration.accounts {
            for uri in [account.registrar, account.outboundProxy].compactMap({ $0 }) {
                if let address = IPAddress(literal: CallTarget.targetURI(uri).host) { trusted.append(address) }
            }
        }
        guard InviteScreen.accepts(source: incoming.origin.flow.remote.address,
                                   acceptUnknown: configuration.general.acceptUnknownInvites, trusted: trusted) else {
            return refuse(403, "Forbidden")
        }
        guard let registrar = await account(for: request), registrar.settings.enabled else { return refuse(404, "Not Found") }
        let contact = Self.contact(for: registrar.settings, arrivedOn: incoming.origin.flow)
        let setup = await callSetup(registrar, contact: contact, route: nil)
        let id = callTable.newID()
        var remote = (try? request.headers.from) ?? nil
        remote?.parameters = []
        let call = Call(id: id, direction: .incoming, remoteURI: remote?.uri.description ?? "", setup: setup,
                        services: services, owner: callOwner(), history: history)
        callTable.add(call)
        callTable.bySIPCallID[callID] = id
        claim(callID, for: registrar.settings.name)
        Task { await call.receiveInvite(incoming) }
        return nil
    }

    /// Our Contact for a call that arrived on `flow`: the address and port it reached us on
    /// (a wildcard listener replaced by the address that routes back), with the transport.
    static func contact(for account: AccountSettings, arrivedOn flow: FlowInfo) -> SIPURI {
        var address = flow.local.address
        if address.bytes.allSatisfy({ $0 == 0 }) {
            address = LocalRoute.sourceAddress(toward: flow.remote.address) ?? address
        }
        let host: SIPSyntax.Host = address.family == .ipv4 ? .ipv4(address.description) : .ipv6(address.description)
        var parameters: [Parameter] = []
        if flow.transport != .udp && !account.aor.isSecure { parameters.append(Parameter("transport", flow.transport.rawValue)) }
        return SIPURI(isSecure: account.aor.isSecure, user: account.aor.user, host: host, port: flow.local.port, parameters: parameters)
    }

    /// A MESSAGE outside any call (RFC 3428 §7): reported and answered 200, or refused as the
    /// helper decides (415 for non-text, 400 for bad UTF-8).
    func incomingMessage(_ request: SIPRequest) async -> SIPResponse {
        let (response, message) = InstantMessage.receive(request)
        var answer = response
        if (try? answer.headers.to)??.tag == nil, var to = (try? answer.headers.to) ?? nil {
            to.parameters.append(Parameter("tag", RandomToken.make(using: &random)))
            answer.headers.set(.to, to.serialized)
        }
        if let message {
            let account = await account(for: request)?.settings.name ?? ""
            var from = message.from
            from.parameters = []
            eventSink.yield(.message(InstantMessageNotification(
                account: account, from: from.uri.description, displayName: message.from.displayName, text: message.text)))
            if let history {
                _ = try? history.append(MessageRecord(
                    direction: .incoming, account: account,
                    remote: RemoteParty(uri: from.uri.description, displayName: message.from.displayName),
                    time: Date(), contentType: message.contentType, text: message.text))
            }
        }
        return answer
    }

    /// Opens the configured history file, unless the options say otherwise. A history that
    /// cannot be opened is reported once and calls go unrecorded rather than failing.
    func openHistory() -> CallHistoryStore? {
        switch options.history {
        case .none: return nil
        case .store(let store): return store
        case .configured:
            do throws(CallHistoryError) {
                return try CallHistoryStore(databaseURL: URL(fileURLWithPath: configuration.general.historyFile))
            } catch {
                eventSink.yield(.notice("call history is off: \(error)"))
                return nil
            }
        }
    }
}

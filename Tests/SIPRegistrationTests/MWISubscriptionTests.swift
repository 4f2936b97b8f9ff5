import SIPAuth
import SIPSyntax
import Testing
import TestSupport
@testable import SIPRegistration

/// RFC 6665 subscriber behaviour for RFC 3842 message-summary.
struct MWISubscriptionTests {
    @Test func initialSubscribeHeaders() throws {
        var machine = MWIBed.machine()
        let actions = machine.start()
        #expect(actions.states == [.subscribing])
        let request = try #require(actions.sent.first)
        #expect(request.method == .subscribe)
        #expect(request.uri == .sip(MWIBed.aor))
        #expect(try request.headers.to?.tag == nil)
        #expect(try request.headers.from?.tag != nil)
        #expect(try request.headers.event?.eventType == "message-summary")
        #expect(request.headers[SIPHeaderName("Accept")] == "application/simple-message-summary")
        #expect(request.headers[.expires] == "3600")
        #expect(request.headers[.contact] == "<sip:alice@192.0.2.4:5060>")
        #expect(request.headers[.route] == nil)
        #expect(request.headers[.via] == nil)
        #expect(try roundTrip(request) != nil)
    }

    @Test func initialRouteIsPreloaded() throws {
        var machine = MWIBed.machine { $0.initialRoute = [sipURI("sip:edge.example.com;lr")] }
        let request = try #require(machine.start().sent.first)
        #expect(request.headers.values(.route) == ["<sip:edge.example.com;lr>"])
    }

    @Test func acceptedThenNotifiedWithCounts() throws {
        var machine = MWIBed.machine()
        let request = try #require(machine.start().sent.first)
        let accepted = machine.responseReceived(MWIBed.accepted(request, expires: 1800))
        #expect(accepted.states == [.active(expires: 1800)])
        let refresh = try #require(accepted.started.first)
        #expect(refresh.0 == .refresh)
        #expect(refresh.1 >= .seconds(1440) && refresh.1 <= .seconds(1620))
        let (status, actions) = machine.notifyReceived(MWIBed.notify(for: request, cseq: 1, state: "active;expires=1800", body: MWIBed.summaryBody))
        #expect(status == 200)
        #expect(actions.summaries.first?.voice == MessageCounts(new: 2, old: 8, urgentNew: 0, urgentOld: 2))
        #expect(machine.lastSummary?.messagesWaiting == true)
    }

    @Test func refreshGoesInDialogWithTheRouteSet() throws {
        var machine = MWIBed.machine()
        let initial = try #require(MWIBed.subscribe(&machine))
        let refresh = try #require(machine.timerFired(.refresh).sent.first)
        // RFC 3261 §12.1.2: remote target from Contact, route set = Record-Route reversed.
        #expect(refresh.uri == .sip(sipURI("sip:vm@198.51.100.10:5060")))
        #expect(refresh.headers.values(.route) == ["<sip:proxy1.example.com;lr>", "<sip:proxy2.example.com;lr>"])
        #expect(try refresh.headers.to?.tag == "srv1")
        #expect(try refresh.headers.from?.tag == (try initial.headers.from?.tag))
        #expect(refresh.headers[.callID] == initial.headers[.callID])
        #expect(refresh.cseqNumber == initial.cseqNumber.map { $0 + 1 })
        #expect(refresh.headers[.expires] == "3600")
        let done = machine.responseReceived(response(to: refresh, 200, headers: [(.expires, "600")]))
        #expect(done.states == [.active(expires: 600)])
        #expect(done.started.first.map { $0.1 >= .seconds(480) && $0.1 <= .seconds(540) } == true)
    }

    @Test func notifyBeforeTheTwoHundredEstablishesTheDialog() throws {
        var machine = MWIBed.machine()
        let request = try #require(machine.start().sent.first)
        let (status, actions) = machine.notifyReceived(MWIBed.notify(
            for: request, cseq: 1, state: "pending;expires=3600", recordRoute: "<sip:proxy1.example.com;lr>, <sip:proxy2.example.com;lr>"))
        #expect(status == 200)
        #expect(actions.states == [.pending(expires: 3600)])
        let accepted = machine.responseReceived(MWIBed.accepted(request, recordRoute: false))
        #expect(accepted.states == [.pending(expires: 3600)] || accepted.states.isEmpty)
        #expect(accepted.started.first?.0 == .refresh)
        let refresh = try #require(machine.timerFired(.refresh).sent.first)
        // RFC 3261 §12.1.1: from the NOTIFY (we are its UAS) the route set keeps its order.
        #expect(refresh.headers.values(.route) == ["<sip:proxy1.example.com;lr>", "<sip:proxy2.example.com;lr>"])
        let (second, activated) = machine.notifyReceived(MWIBed.notify(for: request, cseq: 2, state: "active;expires=3000", body: MWIBed.summaryBody))
        #expect(second == 200)
        #expect(activated.states == [.active(expires: 3000)])
    }

    @Test func notifyOutsideTheDialogIs481() throws {
        var machine = MWIBed.machine()
        let request = try #require(MWIBed.subscribe(&machine))
        #expect(machine.notifyReceived(MWIBed.notify(for: request, cseq: 5, state: "active", fromTag: "other")).responseStatus == 481)
        var foreign = MWIBed.notify(for: request, cseq: 6, state: "active")
        foreign.headers.set(.callID, "someone-else")
        #expect(machine.notifyReceived(foreign).responseStatus == 481)
        var idle = MWIBed.machine(seed: 2)
        #expect(idle.notifyReceived(MWIBed.notify(for: request, cseq: 1, state: "active")).responseStatus == 481)
    }

    @Test func badBodyIs400AndTheOldCountsStay() throws {
        var machine = MWIBed.machine()
        let request = try #require(MWIBed.subscribe(&machine))
        let before = machine.lastSummary
        let (status, actions) = machine.notifyReceived(MWIBed.notify(for: request, cseq: 2, state: "active", body: "Voice-Message: lots\r\n"))
        #expect(status == 400)
        #expect(actions.isEmpty)
        #expect(machine.lastSummary == before)
        #expect(before != nil)
    }

    @Test func otherEventMissingStateAndOldCSeq() throws {
        var machine = MWIBed.machine()
        let request = try #require(MWIBed.subscribe(&machine))
        #expect(machine.notifyReceived(MWIBed.notify(for: request, cseq: 2, state: "active", event: "presence")).responseStatus == 489)
        var stateless = MWIBed.notify(for: request, cseq: 3, state: "active")
        stateless.headers.remove(.subscriptionState)
        #expect(machine.notifyReceived(stateless).responseStatus == 400)
        #expect(machine.notifyReceived(MWIBed.notify(for: request, cseq: 1, state: "active")).responseStatus == 500)
        #expect(machine.notifyReceived(MWIBed.notify(for: request, cseq: 4, state: "active")).responseStatus == 200)
    }

    @Test(arguments: ["deactivated", "timeout"])
    func terminatedThatAllowsItResubscribesAtOnce(reason: String) throws {
        var machine = MWIBed.machine()
        let request = try #require(MWIBed.subscribe(&machine))
        let (status, actions) = machine.notifyReceived(MWIBed.notify(for: request, cseq: 2, state: "terminated;reason=\(reason)"))
        #expect(status == 200)
        #expect(actions.states == [.subscribing])
        let again = try #require(actions.sent.first)
        #expect(again.headers[.callID] != request.headers[.callID])
        #expect(try again.headers.to?.tag == nil)
        #expect(again.uri == .sip(MWIBed.aor))
    }

    @Test func probationWaitsForRetryAfter() throws {
        var machine = MWIBed.machine()
        let request = try #require(MWIBed.subscribe(&machine))
        let (_, actions) = machine.notifyReceived(MWIBed.notify(for: request, cseq: 2, state: "terminated;reason=probation;retry-after=120"))
        #expect(actions.states == [.failed(.terminatedByNotifier(reason: "probation"), retryAfter: .seconds(120))])
        #expect(actions.started.first?.0 == .retry && actions.started.first?.1 == .seconds(120))
        #expect(actions.sent.isEmpty)
        let retried = machine.timerFired(.retry)
        #expect(retried.states == [.subscribing])
        #expect(retried.sent.count == 1)
    }

    @Test func giveupWithoutRetryAfterBacksOff() throws {
        var machine = MWIBed.machine()
        let request = try #require(MWIBed.subscribe(&machine))
        let (_, actions) = machine.notifyReceived(MWIBed.notify(for: request, cseq: 2, state: "terminated;reason=giveup"))
        let wait = try #require(actions.started.first?.1)
        #expect(wait >= .seconds(30) && wait <= .seconds(60))
    }

    @Test(arguments: ["rejected", "noresource"])
    func terminatedForGoodStops(reason: String) throws {
        var machine = MWIBed.machine()
        let request = try #require(MWIBed.subscribe(&machine))
        let (status, actions) = machine.notifyReceived(MWIBed.notify(for: request, cseq: 2, state: "terminated;reason=\(reason)"))
        #expect(status == 200)
        #expect(actions.states == [.terminated(reason: reason)])
        #expect(actions.sent.isEmpty && actions.started.isEmpty)
        #expect(machine.timerFired(.refresh).isEmpty && machine.timerFired(.retry).isEmpty)
    }

    @Test(arguments: [489, 403, 404])
    func unsupportedPackageEndsAttempts(status: Int) throws {
        var machine = MWIBed.machine()
        let request = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(response(to: request, status, "No"))
        #expect(actions.states == [.unsupported(statusCode: status, reason: "No")])
        #expect(actions.sent.isEmpty && actions.started.isEmpty)
        #expect(machine.timerFired(.retry).isEmpty)
    }

    @Test func timeoutBacksOffAndRetries() throws {
        var machine = MWIBed.machine()
        let request = try #require(machine.start().sent.first)
        let failed = machine.responseReceived(localResponse(to: request, 408), origin: .localTimeout)
        guard case .failed(.timeout, let retry?)? = failed.states.last else {
            Issue.record("\(failed.states)")
            return
        }
        #expect(retry >= .seconds(30) && retry <= .seconds(60))
        let again = machine.timerFired(.retry)
        #expect(again.sent.count == 1)
        #expect(again.sent.first?.headers[.callID] != request.headers[.callID])
    }

    @Test func subscribeIsAuthenticated() throws {
        var machine = MWIBed.machine()
        let request = try #require(machine.start().sent.first)
        let answer = try #require(machine.responseReceived(response(to: request, 401, headers: [(.wwwAuthenticate, Bed.challenge("m1"))])).sent.first)
        #expect(answer.method == .subscribe)
        #expect(verifyDigest(in: answer, user: Bed.alice).0 == .valid)
        #expect(answer.headers[.callID] == request.headers[.callID])
        let rejected = machine.responseReceived(response(to: answer, 401, headers: [(.wwwAuthenticate, Bed.challenge("m2"))]))
        guard case .failed(.rejectedCredentials(401), _)? = rejected.states.last else {
            Issue.record("\(rejected.states)")
            return
        }
    }

    @Test func minExpiresOnSubscribe() throws {
        var machine = MWIBed.machine { $0.requestedExpires = 60 }
        let request = try #require(machine.start().sent.first)
        let retried = try #require(machine.responseReceived(response(to: request, 423, headers: [(.minExpires, "900")])).sent.first)
        #expect(retried.headers[.expires] == "900")
    }

    @Test func refreshAnswered481StartsANewSubscription() throws {
        var machine = MWIBed.machine()
        let initial = try #require(MWIBed.subscribe(&machine))
        let refresh = try #require(machine.timerFired(.refresh).sent.first)
        let actions = machine.responseReceived(response(to: refresh, 481, "Call/Transaction Does Not Exist"))
        let fresh = try #require(actions.sent.first)
        #expect(fresh.headers[.callID] != initial.headers[.callID])
        #expect(fresh.uri == .sip(MWIBed.aor))
        #expect(actions.states == [.subscribing])
    }

    @Test func stopUnsubscribesInTheDialog() throws {
        var machine = MWIBed.machine()
        let initial = try #require(MWIBed.subscribe(&machine))
        let actions = machine.stop()
        #expect(actions.states == [.unsubscribing])
        let request = try #require(actions.sent.first)
        #expect(request.headers[.expires] == "0")
        #expect(request.headers[.callID] == initial.headers[.callID])
        #expect(try request.headers.to?.tag == "srv1")
        // The final NOTIFY is acknowledged, whichever comes first.
        #expect(machine.notifyReceived(MWIBed.notify(for: initial, cseq: 2, state: "terminated;reason=timeout")).responseStatus == 200)
        #expect(machine.state == .unsubscribing)
        let done = machine.responseReceived(response(to: request, 200))
        #expect(done.states == [.terminated(reason: nil)])
    }

    @Test func stopBeforeTheTwoHundredUnsubscribesAfterIt() throws {
        var machine = MWIBed.machine()
        let request = try #require(machine.start().sent.first)
        let stopping = machine.stop()
        #expect(stopping.sent.isEmpty)
        let afterOK = machine.responseReceived(MWIBed.accepted(request))
        #expect(afterOK.sent.first?.headers[.expires] == "0")
        #expect(machine.stop().isEmpty)
    }

    @Test func stopWithoutDialogIsImmediate() throws {
        var machine = MWIBed.machine()
        let request = try #require(machine.start().sent.first)
        _ = machine.responseReceived(response(to: request, 500, "Server Internal Error"))
        let actions = machine.stop()
        #expect(actions.sent.isEmpty)
        #expect(actions.states == [.terminated(reason: nil)])
    }

    @Test func unsolicitedAsteriskNotify() throws {
        let bytes = try Fixtures.bytes("mwi/asterisk-unsolicited-notify.sip")
        guard case .request(let notify) = try SIPMessageParser.parse(datagram: bytes) else {
            Issue.record("fixture is not a request")
            return
        }
        let summary = try #require(UnsolicitedNotify.messageSummary(from: notify))
        #expect(summary.messageAccount == "sip:*97@198.51.100.10")
        #expect(summary.voice?.new == 2)
        var presence = notify
        presence.headers.set(.event, "presence")
        #expect(UnsolicitedNotify.messageSummary(from: presence) == nil)
        var xml = notify
        xml.headers.set(.contentType, "application/pidf+xml")
        #expect(UnsolicitedNotify.messageSummary(from: xml) == nil)
        var broken = notify
        broken.body = Array("nonsense".utf8)
        #expect(UnsolicitedNotify.messageSummary(from: broken) == nil)
    }

    @Test func strictRouterGetsTheRequestURI() throws {
        let dialog = SubscriptionDialog(
            remoteTag: "t", routeSet: [try SIPAddress.parse("<sip:strict.example.com>"), try SIPAddress.parse("<sip:loose.example.com;lr>")],
            remoteTarget: .sip(sipURI("sip:vm@198.51.100.10")), remoteCSeq: nil)
        let target = dialog.requestTarget
        #expect(target.uri == .sip(sipURI("sip:strict.example.com")))
        #expect(target.routes == ["<sip:loose.example.com;lr>", "<sip:vm@198.51.100.10>"])
    }
}

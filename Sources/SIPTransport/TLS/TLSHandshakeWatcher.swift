import SIPServerLocation
import NIOCore
import NIOSSL
import NIOTLS

/// Sits behind the client's `NIOSSLClientHandler` and completes `promise` once the handshake
/// ends: with the negotiated details, or with the specific `TLSFailure`. Until then the
/// connection is not handed to anyone, so no SIP byte is ever sent over an unverified channel.
final class TLSHandshakeWatcher: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let promise: EventLoopPromise<TLSDetails>
    private let verdict: CertificateVerdict
    private let expectedName: String
    private let acceptUnverified: Bool
    private var done = false

    init(promise: EventLoopPromise<TLSDetails>, verdict: CertificateVerdict, expectedName: String, acceptUnverified: Bool) {
        self.promise = promise
        self.verdict = verdict
        self.expectedName = expectedName
        self.acceptUnverified = acceptUnverified
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls, !done {
            done = true
            if let refusal = wildcardRefusal(context) {
                promise.fail(refusal)
                context.close(promise: nil)
                return
            }
            promise.succeed(details(context))
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !done {
            done = true
            promise.fail(classify(error, context))
        }
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !done {
            done = true
            promise.fail(TLSFailure.handshakeRefused(detail: "the connection closed during the handshake"))
        }
        context.fireChannelInactive()
    }

    /// BoringSSL's certificate verdict first; then NIOSSL's host name check (it runs after the
    /// chain verified); anything else means the server would not complete the handshake.
    private func classify(_ error: any Error, _ context: ChannelHandlerContext) -> TLSFailure {
        if let failure = verdict.failure { return failure }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            let names = peerCertificate(context).map(CertificateText.alternativeNames) ?? []
            return .hostNameMismatch(expected: expectedName, presented: names)
        }
        if let ssl = error as? NIOSSLError, case .handshakeFailed(let reason) = ssl {
            return .handshakeRefused(detail: SocketErrorText.tlsReason(String(describing: reason)) ?? String(describing: reason))
        }
        return .handshakeRefused(detail: SocketErrorText.describe(error))
    }

    /// NIOSSL accepted the host name, possibly through a wildcard, which RFC 5922 §7.2 forbids:
    /// the literal SIP domain must be among the certificate's names. Numeric targets (an IP
    /// address as the expected name) were matched against iPAddress names by NIOSSL already.
    private func wildcardRefusal(_ context: ChannelHandlerContext) -> TLSFailure? {
        guard !acceptUnverified, IPAddress(literal: expectedName) == nil, let certificate = peerCertificate(context) else { return nil }
        let names = CertificateText.typedAlternativeNames(certificate)
        let commonName = certificate.subjectName.first { $0.type == .commonName }?.value
        guard !SIPDomainIdentity.matches(domain: expectedName, dnsNames: names.dns, uris: names.uris, commonName: commonName) else {
            return nil
        }
        return .hostNameMismatch(expected: expectedName, presented: CertificateText.alternativeNames(certificate))
    }

    private func details(_ context: ChannelHandlerContext) -> TLSDetails {
        let handler = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
        let certificate = handler?.peerCertificate
        var warning: String?
        if acceptUnverified {
            let reason = verdict.failure.map { "\($0)" } ?? "the host name was not checked"
            warning = "certificate accepted without verification: \(reason)"
        }
        return TLSDetails(
            version: handler?.tlsVersion.map(Self.name) ?? "unknown",
            peerSubject: certificate.map { CertificateText.name($0.subjectName) } ?? "no certificate",
            peerIssuer: certificate.map { CertificateText.name($0.issuerName) } ?? "no certificate",
            peerNames: certificate.map(CertificateText.alternativeNames) ?? [],
            peerNotAfter: certificate.map { Int($0.notValidAfter) } ?? 0,
            verified: !acceptUnverified, warning: warning)
    }

    private func peerCertificate(_ context: ChannelHandlerContext) -> NIOSSLCertificate? {
        (try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self))?.peerCertificate
    }

    static func name(_ version: TLSVersion) -> String {
        switch version {
        case .tlsv1: "TLSv1.0"
        case .tlsv11: "TLSv1.1"
        case .tlsv12: "TLSv1.2"
        case .tlsv13: "TLSv1.3"
        }
    }
}

/// NIOSSL deprecated its per-certificate verification callback in favour of callbacks that
/// replace BoringSSL's verification altogether. We want BoringSSL to verify and only need to
/// learn why it failed (`CertificateVerdict`), which only the per-certificate callback tells;
/// reaching the initializer through this protocol keeps that one use in one place.
protocol PerCertificateVerifyingHandler {
    init(context: NIOSSLContext, serverHostname: String?, verificationCallback: NIOSSLVerificationCallback?) throws
}

extension NIOSSLClientHandler: PerCertificateVerifyingHandler {}

extension PerCertificateVerifyingHandler {
    static func make(context: NIOSSLContext, serverHostname: String?, verdict: CertificateVerdict) throws -> Self {
        try Self(context: context, serverHostname: serverHostname, verificationCallback: verdict.verify)
    }
}

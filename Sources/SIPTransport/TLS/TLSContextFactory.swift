import Foundation
import NIOSSL

/// Builds NIOSSL contexts from our settings. A context loads its CA file once, so the transport
/// layer keeps one per distinct setting.
enum TLSContextFactory {
    /// A client context: TLS 1.2 or later, the configured trust roots, our certificate if any.
    /// Host names are checked by NIOSSL against the name given to the handler (RFC 5922 §7.2);
    /// accepting unverified certificates turns that check off as well.
    static func client(_ settings: TLSClientSettings) throws(TLSFailure) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = settings.acceptUnverifiedCertificate ? .noHostnameVerification : .fullVerification
        switch settings.trust {
        case .system:
            configuration.trustRoots = .default
        case .caFile(let path):
            try requireReadable(path)
            configuration.trustRoots = .file(path)
        }
        if let identity = settings.clientCertificate {
            configuration.certificateChain = try chain(identity.chainFile)
            configuration.privateKey = try key(identity.keyFile)
        }
        return try make(configuration, file: nil)
    }

    /// A server context for a TLS listener, demanding client certificates when asked.
    static func server(_ identity: TLSServerIdentity) throws(TLSFailure) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try chain(identity.chainFile), privateKey: try key(identity.keyFile))
        configuration.minimumTLSVersion = .tlsv12
        if let clientCA = identity.clientCAFile {
            try requireReadable(clientCA)
            configuration.certificateVerification = .noHostnameVerification
            configuration.trustRoots = .file(clientCA)
        }
        return try make(configuration, file: identity.clientCAFile)
    }

    private static func make(_ configuration: TLSConfiguration, file: String?) throws(TLSFailure) -> NIOSSLContext {
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .unreadableFile(path: file ?? "the trust store", detail: String(describing: error))
        }
    }

    private static func chain(_ path: String) throws(TLSFailure) -> [NIOSSLCertificateSource] {
        try requireReadable(path)
        do {
            return try NIOSSLCertificate.fromPEMFile(path).map { .certificate($0) }
        } catch {
            throw .unreadableFile(path: path, detail: "not a PEM certificate (\(error))")
        }
    }

    private static func key(_ path: String) throws(TLSFailure) -> NIOSSLPrivateKeySource {
        try requireReadable(path)
        do {
            return .privateKey(try NIOSSLPrivateKey(file: path, format: .pem))
        } catch {
            throw .unreadableFile(path: path, detail: "not a PEM private key (\(error))")
        }
    }

    private static func requireReadable(_ path: String) throws(TLSFailure) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadableFile(path: path, detail: "no such readable file")
        }
    }
}

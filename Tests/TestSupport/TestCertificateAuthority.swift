import Foundation

/// A throwaway PKI made with the `openssl` command line in a temporary directory: a test CA, a
/// server certificate it issued for the test SIP domain and the loopback addresses, one for the
/// wrong host name, an expired one, one issued by a second CA nobody trusts, and a client
/// certificate. EC P-256 keys keep generation fast.
public final class TestCertificateAuthority: Sendable {
    /// A certificate and its key, as PEM files.
    public struct Identity: Sendable {
        public let certificate: String
        public let key: String
    }

    public let directory: TemporaryDirectory
    /// The CA certificate to trust (`--ca-file`).
    public var caFile: String { directory.file("ca.crt") }
    /// For `example.test`, `sip.example.test`, 127.0.0.1 and ::1.
    public var server: Identity { identity("server") }
    /// Valid and from the trusted CA, but only for `wrong.example.invalid`.
    public var wrongHost: Identity { identity("wrong") }
    /// Right names, trusted CA, validity ended in 2020.
    public var expired: Identity { identity("expired") }
    /// Right names, issued by a CA that is not in `caFile`.
    public var unknownCA: Identity { identity("rogue-server") }
    /// Valid and from the trusted CA, but only for the wildcard `*.example.test` (RFC 5922 §7.2
    /// forbids accepting it for `sip.example.test`).
    public var wildcard: Identity { identity("wildcard") }
    /// A client certificate from the trusted CA.
    public var client: Identity { identity("client") }

    public static let serverNames = "DNS:example.test,DNS:sip.example.test,IP:127.0.0.1,IP:::1"

    /// Generates everything; runs `openssl` off the cooperative pool.
    public init() async throws {
        directory = try TemporaryDirectory(prefix: "pki")
        let path = directory.path
        try await OffPool.run { try Self.generate(in: path) }
    }

    private func identity(_ name: String) -> Identity {
        Identity(certificate: directory.file("\(name).crt"), key: directory.file("\(name).key"))
    }

    private static func generate(in directory: String) throws {
        let openssl = OpenSSLCommand(directory: directory)
        try openssl.makeCA("ca", subject: "/CN=Dialtone Test CA/O=Dialtone Test")
        try openssl.makeCA("rogue", subject: "/CN=Rogue CA/O=Somebody Else")
        try openssl.issue("server", by: "ca", subject: "/CN=sip.example.test/O=Dialtone Test", names: serverNames)
        try openssl.issue("wrong", by: "ca", subject: "/CN=wrong.example.invalid/O=Dialtone Test", names: "DNS:wrong.example.invalid")
        try openssl.issue("wildcard", by: "ca", subject: "/CN=*.example.test/O=Dialtone Test", names: "DNS:*.example.test")
        try openssl.issue("rogue-server", by: "rogue", subject: "/CN=sip.example.test/O=Somebody Else", names: serverNames)
        try openssl.issue("client", by: "ca", subject: "/CN=alice/O=Dialtone Test", names: "DNS:alice.example.test")
        try openssl.issueExpired("expired", by: "ca", subject: "/CN=sip.example.test/O=Dialtone Test", names: serverNames)
    }
}

/// The openssl invocations, each checked for success.
struct OpenSSLCommand {
    let directory: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func makeCA(_ name: String, subject: String) throws {
        try run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                 "-keyout", "\(name).key", "-out", "\(name).crt", "-days", "30", "-subj", subject,
                 "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    }

    func issue(_ name: String, by ca: String, subject: String, names: String) throws {
        try request(name, subject: subject, names: names)
        try write("\(name).ext", "subjectAltName=\(names)\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth,clientAuth\n")
        try run(["x509", "-req", "-in", "\(name).csr", "-CA", "\(ca).crt", "-CAkey", "\(ca).key", "-CAcreateserial",
                 "-out", "\(name).crt", "-days", "30", "-sha256", "-extfile", "\(name).ext"])
    }

    /// `openssl x509` cannot back-date; `openssl ca` takes explicit start and end dates.
    func issueExpired(_ name: String, by ca: String, subject: String, names: String) throws {
        try request(name, subject: subject, names: names)
        try write("index.txt", "")
        try write("serial", "1000\n")
        try write("ca.cnf", """
            [ca]
            default_ca = test
            [test]
            database = \(directory)/index.txt
            new_certs_dir = \(directory)
            serial = \(directory)/serial
            default_md = sha256
            policy = anything
            copy_extensions = copy
            unique_subject = no
            [anything]
            commonName = supplied
            organizationName = optional
            """)
        try run(["ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", "\(ca).crt", "-keyfile", "\(ca).key",
                 "-startdate", "20200101000000Z", "-enddate", "20200201000000Z", "-in", "\(name).csr", "-out", "\(name).crt"])
    }

    private func request(_ name: String, subject: String, names: String) throws {
        try run(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                 "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject, "-addext", "subjectAltName=\(names)"])
    }

    private func write(_ file: String, _ text: String) throws {
        try text.write(toFile: (directory as NSString).appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    /// Runs openssl in `directory`; blocking, so only from `OffPool`.
    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let log = (directory as NSString).appendingPathComponent("openssl.log")
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        guard process.terminationStatus == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure(description: "openssl \(arguments.joined(separator: " ")) failed:\n\(output)")
        }
    }
}

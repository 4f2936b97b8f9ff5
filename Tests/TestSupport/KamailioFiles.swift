import Foundation

/// The files a kamailio instance runs from: its rendered configuration, `tls.cfg`, and the
/// db_text tables (`version`, `subscriber`; db_text refuses NULL columns, hence the dummy ha1s).
struct KamailioFiles {
    let configuration: Kamailio.Configuration
    let directory: TemporaryDirectory

    static let template = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Peers/kamailio/kamailio.cfg.template")

    func write() throws {
        var text = try String(contentsOf: Self.template, encoding: .utf8)
        let values = [
            "DOMAIN": configuration.domain, "NAME": configuration.name, "RUN_DIR": directory.path,
            "MIN_EXPIRES": String(configuration.minExpires), "AUTH_ALGORITHM": configuration.authAlgorithm,
            "LISTEN": listenLines(),
        ]
        for (key, value) in values { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
        try text.write(toFile: directory.file("kamailio.cfg"), atomically: true, encoding: .utf8)
        try tlsConfiguration().write(toFile: directory.file("tls.cfg"), atomically: true, encoding: .utf8)
        let db = directory.file("db")
        try FileManager.default.createDirectory(atPath: db, withIntermediateDirectories: true)
        try "table_name(string) table_version(int)\nsubscriber:7\nlocation:9\n"
            .write(toFile: db + "/version", atomically: true, encoding: .utf8)
        try subscribers().write(toFile: db + "/subscriber", atomically: true, encoding: .utf8)
    }

    private func listenLines() -> String {
        configuration.addresses.flatMap { address -> [String] in
            let host = address.contains(":") ? "[\(address)]" : address
            return ["listen=udp:\(host):\(configuration.port!)", "listen=tcp:\(host):\(configuration.port!)",
                    "listen=tls:\(host):\(configuration.tlsPort!)"]
        }.joined(separator: "\n")
    }

    private func tlsConfiguration() -> String {
        let certificate = configuration.certificate
        let verify = configuration.clientCAFile == nil ? "no" : "yes"
        var server = """
            [server:default]
            method = \(configuration.tlsMethod)
            verify_certificate = \(verify)
            require_certificate = \(verify)
            private_key = \(certificate.key)
            certificate = \(certificate.certificate)

            """
        if let ca = configuration.clientCAFile { server += "ca_list = \(ca)\n" }
        if let ciphers = configuration.cipherList { server += "cipher_list = \(ciphers)\n" }
        return server + "\n[client:default]\nmethod = TLSv1.2+\nverify_certificate = no\nrequire_certificate = no\n"
    }

    private func subscribers() -> String {
        var rows = ["id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string)"]
        for (index, user) in configuration.users.enumerated() {
            rows.append("\(index + 1):\(user.name):\(configuration.domain):\(user.password):x:x")
        }
        return rows.joined(separator: "\n") + "\n"
    }
}

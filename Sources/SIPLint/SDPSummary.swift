import SDP

/// A few readable lines about an SDP body (RFC 8866): each media section's port, profile,
/// codecs, direction, address and how its media would be keyed. SDES keys are never shown: a
/// trace pasted into a bug report must not carry usable key material.
enum SDPSummary {
    static func lines(_ session: SessionDescription) -> [String] {
        var out = ["o= \(session.origin.username) \(session.origin.sessionID) v\(session.origin.sessionVersion)"]
        if let connection = session.connection {
            out.append("c= \(connection.networkType) \(connection.addressType) \(connection.address)")
        }
        for media in session.media {
            out.append(headline(media, session))
            out += detailLines(media)
        }
        return out
    }

    private static func headline(_ media: MediaDescription, _ session: SessionDescription) -> String {
        if media.port == 0 { return "m= \(media.type) port 0 (rejected or disabled) \(media.transport)" }
        let direction = session.direction(for: media)
        var text = "m= \(media.type) \(media.port) \(media.transport) \(direction)"
        if let connection = media.connections.first ?? session.connection {
            text += " to \(connection.address)"
            if connection.isUnspecifiedAddress { text += " (RFC 2543 hold address)" }
        }
        return text
    }

    private static func detailLines(_ media: MediaDescription) -> [String] {
        var out: [String] = []
        let known = media.payloadFormats
        let codecs = media.payloadTypes.map { payloadType -> String in
            guard let format = known.first(where: { $0.payloadType == payloadType })
            else { return "\(payloadType) (dynamic, no rtpmap)" }
            let channels = format.channels > 1 ? "/\(format.channels)" : ""
            return "\(format.encodingName)/\(format.clockRate)\(channels) (\(payloadType))"
        }
        if !codecs.isEmpty { out.append("   codecs: " + codecs.joined(separator: ", ")) }
        if let ptime = media.packetTime { out.append("   ptime: \(formatted(ptime)) ms") }
        if media.hasRTCPMux { out.append("   rtcp-mux") }
        let cryptos = media.cryptos
        if !cryptos.isEmpty {
            out.append("   SRTP (SDES, RFC 4568): " + cryptos.map { "\($0.tag) \($0.suite)" }.joined(separator: ", "))
        }
        for fingerprint in media.fingerprints {
            let setup = media.setup.map { ", setup \($0)" } ?? ""
            out.append("   DTLS-SRTP (RFC 5763): fingerprint \(fingerprint.hashFunction)\(setup)")
        }
        if !media.candidates.isEmpty { out.append("   ICE candidates: \(media.candidates.count)") }
        return out
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

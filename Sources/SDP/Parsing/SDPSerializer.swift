/// Writes a `SessionDescription` in the order RFC 8866 §5 prescribes, with CRLF line ends:
/// `v o s i u e p c b t r z k a`, then per media `m i c b k a`. Lines of unknown type close
/// their section, in the order they were read.
enum SDPSerializer {
    static func serialize(_ session: SessionDescription) -> String {
        var output = ""
        output.reserveCapacity(256 + 320 * session.media.count)
        line("v", "0", to: &output)
        line("o", session.origin.sdpValue, to: &output)
        line("s", session.sessionName, to: &output)
        if let information = session.information { line("i", information, to: &output) }
        if let uri = session.uri { line("u", uri, to: &output) }
        for email in session.emails { line("e", email, to: &output) }
        for phone in session.phones { line("p", phone, to: &output) }
        if let connection = session.connection { line("c", connection.sdpValue, to: &output) }
        for bandwidth in session.bandwidths { line("b", bandwidth.sdpValue, to: &output) }
        for timing in session.timing {
            line("t", timing.sdpValue, to: &output)
            for repeatTime in timing.repeats { line("r", repeatTime.sdpValue, to: &output) }
        }
        if !session.timeZoneAdjustments.isEmpty {
            line("z", TimeZoneAdjustment.sdpValue(session.timeZoneAdjustments), to: &output)
        }
        if let key = session.encryptionKey { line("k", key.sdpValue, to: &output) }
        attributes(session.attributes, unknown: session.unknownLines, to: &output)
        for media in session.media { serialize(media, to: &output) }
        return output
    }

    private static func serialize(_ media: MediaDescription, to output: inout String) {
        line("m", media.mediaLineValue, to: &output)
        if let title = media.title { line("i", title, to: &output) }
        for connection in media.connections { line("c", connection.sdpValue, to: &output) }
        for bandwidth in media.bandwidths { line("b", bandwidth.sdpValue, to: &output) }
        if let key = media.encryptionKey { line("k", key.sdpValue, to: &output) }
        attributes(media.attributes, unknown: media.unknownLines, to: &output)
    }

    private static func attributes(_ attributes: [SDPAttribute], unknown: [SDPUnknownLine], to output: inout String) {
        for attribute in attributes {
            output += "a="
            output += attribute.name
            if let value = attribute.value {
                output += ":"
                output += value
            }
            output += "\r\n"
        }
        for unknownLine in unknown {
            output.append(unknownLine.type)
            line("", unknownLine.value, to: &output)
        }
    }

    /// Appends `<type>=<value>CRLF`; an empty `type` means the caller already wrote it.
    private static func line(_ type: String, _ value: String, to output: inout String) {
        output += type
        output += "="
        output += value
        output += "\r\n"
    }
}

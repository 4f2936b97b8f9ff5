/// The fixed vocabularies of the config file. Raw values are the spellings users write, so the
/// validator's "is not one of …" list and its suggestions come straight from `allCases`.

/// How an account reaches its registrar and proxies.
public enum TransportChoice: String, Sendable, Hashable, CaseIterable {
    case udp, tcp, tls
    /// Whatever DNS says (RFC 3263 §4.1: NAPTR, then SRV, then A/AAAA).
    case auto
}

/// How a connection-oriented flow is kept alive behind NAT (RFC 5626 §3.5.1, §4.4.1).
public enum KeepAliveMode: String, Sendable, Hashable, CaseIterable {
    /// Double-CRLF ping, single-CRLF pong on stream transports (STUN on UDP flows).
    case crlf
    /// An OPTIONS request to the edge proxy: works with servers that ignore CRLF pings.
    case options
    case off
}

/// Audio codecs Dialtone can offer, in the user's order of preference.
public enum CodecName: String, Sendable, Hashable, CaseIterable {
    case opus, g722, pcmu, pcma
}

/// Whether media is encrypted (RFC 3711 with SDES keys, RFC 4568).
public enum SRTPMode: String, Sendable, Hashable, CaseIterable {
    case off
    /// Offer SRTP, accept plain RTP when the peer refuses it.
    case optional
    /// Refuse calls without SRTP.
    case mandatory
}

/// How our offers key SRTP. Answers follow whatever the caller offered.
public enum SRTPKeying: String, Sendable, Hashable, CaseIterable {
    /// Keys in the SDP (`a=crypto`, RFC 4568): what SIP providers and desk phones expect.
    case sdes
    /// A DTLS handshake on the media path (`a=fingerprint`, RFC 5763/5764): keys never
    /// travel in the signalling, so a proxy that reads the SDP cannot decrypt the call.
    case dtls
}

/// How key presses are sent during a call.
public enum DTMFMode: String, Sendable, Hashable, CaseIterable {
    /// Telephone-event RTP payloads (RFC 4733).
    case rfc4733
    /// SIP INFO requests (RFC 6086), for servers without RFC 4733.
    case info
}

/// The transports a listener can use (`auto` is a client-side choice only).
public enum ListenTransport: String, Sendable, Hashable, CaseIterable {
    case udp, tcp, tls
}

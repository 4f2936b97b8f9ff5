// The SIPTransport module: SIP over UDP, TCP and TLS (SwiftNIO), and the transaction layer.

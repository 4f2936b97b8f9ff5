/// The RTP and RTCP sockets of one call: an even port in the configured range and the next
/// one (RFC 3550 §11), bound on the call's address. RTCP's socket stays bound even when
/// rtcp-mux is negotiated later, since the answer can still refuse the mux. The call's media
/// loop watches both and closes them when it ends.
struct MediaSockets {
    let rtp: MediaUDPSocket
    let rtcp: MediaUDPSocket
    var port: Int { rtp.port }

    /// Tries random even ports of `range` until a pair binds.
    static func bind(host: String, range: ClosedRange<Int>) throws(CallMediaError) -> MediaSockets {
        let first = range.lowerBound + (range.lowerBound & 1)
        guard first + 1 <= range.upperBound else { throw .noPortAvailable(range: range) }
        let evenPorts = stride(from: first, to: range.upperBound, by: 2)
        var generator = SystemRandomNumberGenerator()
        var candidates = Array(evenPorts.shuffled(using: &generator).prefix(64))
        if candidates.isEmpty { candidates = [first] }
        for port in candidates {
            guard let rtp = MediaUDPSocket.bind(host: host, port: port) else { continue }
            guard let rtcp = MediaUDPSocket.bind(host: host, port: port + 1) else {
                rtp.close()
                continue
            }
            return MediaSockets(rtp: rtp, rtcp: rtcp)
        }
        throw .noPortAvailable(range: range)
    }

    /// For sockets no loop took over (the session could not be made).
    func close() {
        rtp.close()
        rtcp.close()
    }
}

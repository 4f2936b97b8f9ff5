#if canImport(Glibc)
import Glibc
#endif
import MediaEngine
import SDP
import Synchronization

/// Media that negotiates but carries no audio: it reserves a real UDP port pair (so the SDP
/// names a port nobody else uses, and peers that check reachability find a socket) and offers
/// PCMU with telephone-event. The engine uses it until the RTP implementation of MediaEngine
/// is plugged in as the default, and tests of signaling use it on purpose.
public struct SignalingOnlyMediaFactory: CallMediaFactory {
    public init() {}

    public func prepare(_ request: CallMediaRequest) async throws(CallMediaError) -> any CallMediaSession {
        guard let socket = ReservedUDPPort.bind(address: request.localAddress, range: request.portRange) else {
            throw .noPortAvailable(range: request.portRange)
        }
        var capabilities = LocalMediaCapabilities(address: request.localAddress, rtpPort: socket.port, codecs: [.pcmu, .telephoneEvent()])
        capabilities.rtcpMux = false
        return SignalingOnlySession(capabilities: capabilities, socket: socket)
    }
}

/// One call's silent media: the reserved port, released at `stop`.
final class SignalingOnlySession: CallMediaSession {
    let capabilities: LocalMediaCapabilities
    let events: AsyncStream<CallMediaEvent>
    private let sink: AsyncStream<CallMediaEvent>.Continuation
    private let state: Mutex<(socket: ReservedUDPPort?, codec: String?)>

    init(capabilities: LocalMediaCapabilities, socket: ReservedUDPPort) {
        self.capabilities = capabilities
        (events, sink) = AsyncStream.makeStream(of: CallMediaEvent.self)
        state = Mutex((socket, nil))
    }

    func apply(_ media: NegotiatedMedia) async throws(CallMediaError) {
        state.withLock { $0.codec = "\(media.codec.encodingName)/\(media.codec.clockRate)" }
    }

    /// No RTP here: the call falls back to SIP INFO.
    func sendDTMF(_ digits: String) async -> Bool { false }
    func setMuted(_ muted: Bool) async {}
    func startRecording(to path: String, layout: RecordingLayout) async throws(CallMediaError) {
        throw .unsupported("recording needs the RTP media engine")
    }
    func stopRecording() async {}

    func stop() async -> CallMediaSummary {
        let codec = state.withLock { state -> String? in
            state.socket?.close()
            state.socket = nil
            return state.codec
        }
        sink.finish()
        return CallMediaSummary(codec: codec, encryption: "none", statistics: nil)
    }
}

/// A bound UDP socket on an even port of the range (RTP), with the odd one above it bound too
/// (RTCP, RFC 3550 §11), both held until `close`.
struct ReservedUDPPort: Sendable {
    let port: UInt16
    private let descriptors: [Int32]

    static func bind(address: String, range: ClosedRange<Int>) -> ReservedUDPPort? {
        let start = range.lowerBound + Int.random(in: 0...max(0, (range.count - 2) / 2)) * 2
        var candidate = start % 2 == 0 ? start : start + 1
        for _ in 0..<min(200, range.count / 2 + 1) {
            if candidate + 1 > range.upperBound { candidate = range.lowerBound + range.lowerBound % 2 }
            if let rtp = open(address, UInt16(candidate)) {
                if let rtcp = open(address, UInt16(candidate + 1)) {
                    return ReservedUDPPort(port: UInt16(candidate), descriptors: [rtp, rtcp])
                }
                _ = Glibc.close(rtp)
            }
            candidate += 2
        }
        return nil
    }

    private static func open(_ address: String, _ port: UInt16) -> Int32? {
        if address.contains(":") {
            var storage = sockaddr_in6()
            storage.sin6_family = sa_family_t(AF_INET6)
            storage.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, address, &storage.sin6_addr) == 1 else { return nil }
            let fd = socket(AF_INET6, Int32(SOCK_DGRAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            let result = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
            if result != 0 { _ = Glibc.close(fd); return nil }
            return fd
        }
        var storage = sockaddr_in()
        storage.sin_family = sa_family_t(AF_INET)
        storage.sin_port = port.bigEndian
        guard inet_pton(AF_INET, address, &storage.sin_addr) == 1 else { return nil }
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        let result = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 { _ = Glibc.close(fd); return nil }
        return fd
    }

    func close() {
        for fd in descriptors { _ = Glibc.close(fd) }
    }
}

/// Decides where to send RTP (symmetric RTP, RFC 4961; "latching" as SBCs do it): to the
/// address the peer's packets come from, which differs from its SDP address behind NAT.
///
/// - Until a valid packet arrives from the SDP address, the first valid packet from anywhere
///   latches at once (the usual NAT case).
/// - Once latched, a packet from a new address moves the latch at once only when it continues
///   the stream already being received (same SSRC, sequence just ahead): a NAT rebinding.
/// - Anything else must come `confirmationPackets` times in a row from the same new address
///   and SSRC before the latch moves, so one stray or spoofed packet cannot steal the media.
///
/// "Valid" means an accepted payload type. `Address` is whatever the transport uses.
public struct SymmetricRTPLatch<Address: Hashable & Sendable>: Sendable {
    public enum Decision: Hashable, Sendable {
        case keep
        case switchTo(Address)
    }

    public private(set) var sendAddress: Address
    public let acceptedPayloadTypes: Set<UInt8>
    public let confirmationPackets: Int
    /// How far ahead of the last sequence number a rebinding packet may be.
    public static var rebindingWindow: UInt16 { 64 }

    private var latched = false
    private var stream: (ssrc: UInt32, sequence: UInt16)?
    private var candidate: (address: Address, ssrc: UInt32, count: Int)?

    public init(declaredAddress: Address, acceptedPayloadTypes: Set<UInt8>, confirmationPackets: Int = 3) {
        sendAddress = declaredAddress
        self.acceptedPayloadTypes = acceptedPayloadTypes
        self.confirmationPackets = max(confirmationPackets, 1)
    }

    /// Feeds one received RTP header and the address it came from.
    public mutating func received(_ header: RTPHeader, from source: Address) -> Decision {
        guard acceptedPayloadTypes.contains(header.payloadType) else { return .keep }
        if source == sendAddress {
            latched = true
            candidate = nil
            stream = (header.ssrc, header.sequenceNumber)
            return .keep
        }
        if !latched || continuesStream(header) {
            return move(to: source, header)
        }
        if let current = candidate, current.address == source, current.ssrc == header.ssrc {
            candidate = (source, header.ssrc, current.count + 1)
        } else {
            candidate = (source, header.ssrc, 1)
        }
        guard let candidate, candidate.count >= confirmationPackets else { return .keep }
        return move(to: source, header)
    }

    private func continuesStream(_ header: RTPHeader) -> Bool {
        guard let stream, stream.ssrc == header.ssrc else { return false }
        let ahead = header.sequenceNumber &- stream.sequence
        return ahead > 0 && ahead <= Self.rebindingWindow
    }

    private mutating func move(to source: Address, _ header: RTPHeader) -> Decision {
        sendAddress = source
        latched = true
        candidate = nil
        stream = (header.ssrc, header.sequenceNumber)
        return .switchTo(source)
    }
}

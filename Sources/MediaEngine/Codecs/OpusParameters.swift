import Foundation

/// The Opus fmtp parameters that shape how we encode (RFC 7587 §6.1): they come from the
/// peer's description, since they say what the peer's decoder wants to receive.
public struct OpusParameters: Sendable, Hashable {
    /// `useinbandfec=1`: the receiver can use in-band FEC, so adding it is worthwhile.
    public var useInbandFEC: Bool = false
    /// `usedtx=1`: the receiver prefers DTX.
    public var useDTX: Bool = false
    /// `maxaveragebitrate`: an upper bound for our average bitrate (6000…510000).
    public var maxAverageBitrate: Int?
    /// `stereo=0` (the default) asks for mono; we always send mono, so it is only recorded.
    public var stereo: Bool = false

    public init(useInbandFEC: Bool = false, useDTX: Bool = false, maxAverageBitrate: Int? = nil, stereo: Bool = false) {
        self.useInbandFEC = useInbandFEC
        self.useDTX = useDTX
        self.maxAverageBitrate = maxAverageBitrate
        self.stereo = stereo
    }

    /// Parses `a=fmtp` text such as `minptime=10;useinbandfec=1`; unknown or malformed
    /// parameters are ignored, as RFC 7587 §6.1 asks of receivers.
    public init(formatParameters text: String?) {
        guard let text else { return }
        for item in text.split(separator: ";") {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "useinbandfec": useInbandFEC = pair[1] == "1"
            case "usedtx": useDTX = pair[1] == "1"
            case "stereo": stereo = pair[1] == "1"
            case "maxaveragebitrate":
                if let value = Int(pair[1]), (6000...510_000).contains(value) { maxAverageBitrate = value }
            default: continue
            }
        }
    }
}

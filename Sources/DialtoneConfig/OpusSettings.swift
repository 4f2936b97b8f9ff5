/// How an account's calls encode Opus (RFC 6716; RTP and SDP per RFC 7587). What we send is
/// also bounded by what the peer's fmtp asks for: its `maxaveragebitrate` caps the bitrate, and
/// in-band FEC is added only when it says `useinbandfec=1` (RFC 7587 §6.1).
public struct OpusSettings: Sendable, Hashable {
    /// Target average bitrate in bit/s (`opus_bitrate`, 6000…510000). 32 kbit/s gives
    /// full-band speech in Opus's hybrid mode.
    public var bitrate = 32000
    /// Encoder effort, 0…10 (`opus_complexity`): higher sounds slightly better for more CPU.
    /// 3 keeps SILK's delayed-decision quantizer (two states) and costs about a quarter less
    /// CPU than 5, which only adds a longer noise-shaping filter and more NLSF survivors; at 3 a
    /// call costs less CPU than in baresip (figures in issue 6's notes). 10 costs about twice 3.
    public var complexity = 3
    /// In-band forward error correction (`opus_fec`): each packet carries a coarse copy of the
    /// previous frame, so a single lost packet is recovered rather than concealed. We announce
    /// `useinbandfec=1` so the peer adds it too.
    public var inbandFEC = true
    /// Discontinuous transmission (`opus_dtx`): almost nothing is sent during silence; saves
    /// bandwidth, and some middleboxes mistake the gaps for a dead call.
    public var dtx = false

    public init() {}

    public static let bitrateRange = 6000...510_000
    public static let complexityRange = 0...10
}

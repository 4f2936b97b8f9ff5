import MediaCore
import SDP

/// Makes the codec object for a negotiated codec, honouring the peer's fmtp (Opus).
public struct CodecFactory: Sendable {
    public var opus: OpusCodec.Configuration

    public init(opus: OpusCodec.Configuration = OpusCodec.Configuration()) {
        self.opus = opus
    }

    /// Encoding names we implement, lowercased as `CallMediaRequest.codecs` names them.
    public static let supportedNames: [String] = ["opus", "g722", "pcmu", "pcma"]

    public func make(_ codec: NegotiatedCodec) throws(AudioCodecError) -> any AudioCodec {
        try make(name: codec.encodingName, peerFormatParameters: codec.remoteFormatParameters)
    }

    public func make(name: String, peerFormatParameters: String? = nil) throws(AudioCodecError) -> any AudioCodec {
        switch name.lowercased() {
        case "pcmu": return G711Codec(law: .muLaw)
        case "pcma": return G711Codec(law: .aLaw)
        case "g722": return try G722Codec()
        case "opus": return try OpusCodec(configuration: opus, peer: OpusParameters(formatParameters: peerFormatParameters))
        default: throw .unsupported(name)
        }
    }

    /// The SDP description of a codec we support (static payload types per RFC 3551, Opus on 111).
    public func sdpCodec(named name: String) -> Codec? {
        switch name.lowercased() {
        case "pcmu": return .pcmu
        case "pcma": return .pcma
        case "g722": return .g722
        case "opus":
            var parameters = "minptime=10"
            if opus.inbandFEC { parameters += ";useinbandfec=1" }
            if opus.dtx { parameters += ";usedtx=1" }
            return .opus(formatParameters: parameters)
        default: return nil
        }
    }
}

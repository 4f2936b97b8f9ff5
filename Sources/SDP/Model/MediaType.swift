/// The `<media>` of an `m=` line (RFC 8866 §5.14). Offer/answer negotiates `audio` and
/// rejects the rest; unregistered types are kept so they can be rejected by name.
public enum MediaType: Sendable, Hashable, CustomStringConvertible {
    case audio, video, text, application, message, image
    case other(String)

    init(parsing bytes: SDPBytes) {
        switch bytes.lowercasedString {
        case "audio": self = .audio
        case "video": self = .video
        case "text": self = .text
        case "application": self = .application
        case "message": self = .message
        case "image": self = .image
        default: self = .other(bytes.string)
        }
    }

    public var description: String {
        switch self {
        case .audio: "audio"
        case .video: "video"
        case .text: "text"
        case .application: "application"
        case .message: "message"
        case .image: "image"
        case .other(let name): name
        }
    }
}

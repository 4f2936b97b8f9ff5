/// What `OfferAnswer.makeAnswer` produces: the answer to send and, unless every audio
/// stream in the offer was already disabled (port 0), the audio that was agreed.
public struct AnswerResult: Sendable, Hashable {
    public var answer: SessionDescription
    public var media: NegotiatedMedia?

    public init(answer: SessionDescription, media: NegotiatedMedia?) {
        self.answer = answer
        self.media = media
    }
}

/// The identity of a dialog (RFC 3261 §12): Call-ID plus both tags, always from our point of
/// view, so the same dialog has its tags swapped at the two ends.
public struct DialogID: Hashable, Sendable, CustomStringConvertible {
    public var callID: String
    public var localTag: String
    /// Empty when the peer sent no tag (an RFC 2543 peer, §12.1.1: "the remote tag is null").
    public var remoteTag: String

    public init(callID: String, localTag: String, remoteTag: String) {
        self.callID = callID
        self.localTag = localTag
        self.remoteTag = remoteTag
    }

    public var description: String { "\(callID);local=\(localTag);remote=\(remoteTag)" }
}

/// Upper bounds the parser checks before it allocates anything per line, so a broken or
/// hostile peer cannot make one SDP body cost unbounded memory or time.
///
/// A SIP message over UDP is at most 65,535 bytes, so no legitimate body comes near these;
/// the largest real WebRTC offers in the fixtures are under 2 KiB with lines under 300 bytes.
public enum SDPLimits {
    /// Largest body accepted, in bytes: what one UDP datagram can carry, rounded up.
    public static let maximumBodyBytes = 65_536
    /// Longest line accepted, in bytes, not counting its line ending.
    public static let maximumLineLength = 4_096
    /// Most lines accepted, blank lines included.
    public static let maximumLines = 2_048
    /// Most `m=` sections accepted (RFC 8866 §5.14); a call rarely has more than four.
    public static let maximumMediaDescriptions = 64
    /// How much of an offending line an `SDPParseError` quotes, so errors stay loggable.
    public static let maximumQuotedLineLength = 160
}

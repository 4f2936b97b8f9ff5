import SIPSyntax

/// The three kinds of response the transaction machines distinguish (RFC 3261 §7.2, §17).
/// INVITE transactions treat 2xx and 300–699 differently since RFC 6026 (2xx → Accepted, others →
/// Completed), so "final" alone is not enough.
enum ResponseClass: Hashable, Sendable {
    /// 100–199.
    case provisional
    /// 200–299.
    case success
    /// 300–699.
    case failure

    /// `nil` for codes outside 100–699, which no machine acts on (RFC 4475 §3.1.2.17: such
    /// responses are malformed; the parser should already have refused them).
    init?(_ response: SIPResponse) {
        switch response.statusCode {
        case 100..<200: self = .provisional
        case 200..<300: self = .success
        case 300..<700: self = .failure
        default: return nil
        }
    }
}

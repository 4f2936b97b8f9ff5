import Foundation
import SIPTransport

/// One datagram the in-memory network carried, with what tests ask about it: which SIP request
/// or response it was, when (virtual time) and what the network did with it.
public struct CarriedDatagram: Sendable, CustomStringConvertible {
    /// Position in the network's log, from 0.
    public let index: Int
    public let source: SIPSocketAddress
    public let destination: SIPSocketAddress
    public let bytes: [UInt8]
    /// The network clock's reading when it was sent.
    public let sentAt: Duration
    public let fate: DatagramFate
    /// Sent to an address nobody had bound: lost, as on a real network with no ICMP.
    public internal(set) var reachedNobody = false

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The request or status line.
    public var startLine: Substring {
        text.prefix { !$0.isNewline }
    }

    /// The method of a request; nil for a response.
    public var method: String? {
        guard !startLine.hasPrefix("SIP/") else { return nil }
        return startLine.split(separator: " ").first.map(String.init)
    }

    /// The status code of a response; nil for a request.
    public var statusCode: Int? {
        guard startLine.hasPrefix("SIP/") else { return nil }
        let parts = startLine.split(separator: " ")
        return parts.count > 1 ? Int(parts[1]) : nil
    }

    /// The method named in CSeq: which request a response answers.
    public var cseqMethod: String? {
        header("CSeq").flatMap { $0.split(separator: " ").last.map(String.init) }
    }

    /// The first value of a header by its full name (case-insensitive; compact forms not
    /// expanded: the engine writes full names).
    public func header(_ name: String) -> String? {
        let prefix = name.lowercased() + ":"
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            if line.isEmpty { return nil }
            if line.lowercased().hasPrefix(prefix) {
                return line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// A request with this method.
    public func isRequest(_ method: String) -> Bool { self.method == method }

    /// A response with this status to a request with this method.
    public func isResponse(_ code: Int, to method: String) -> Bool {
        statusCode == code && cseqMethod == method
    }

    public var description: String {
        "#\(index) \(source) → \(destination) at \(sentAt) [\(fate)]: \(startLine)"
    }
}

/// What the network does with a datagram (the test's impairment rule decides).
public enum DatagramFate: Sendable, Equatable {
    case deliver
    /// Lost on the way.
    case drop
    /// Delivered twice, one right after the other.
    case duplicate
    /// Delivered after this much virtual time.
    case delay(Duration)
}

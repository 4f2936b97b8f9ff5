/// What a stream (TCP/TLS) carries between messages.
public enum SIPStreamEvent: Hashable, Sendable {
    case message(SIPMessage)
    /// A double CRLF: an RFC 5626 §4.4.1 keep-alive "ping"; a server answers with a single CRLF.
    case keepAlivePing
    /// A single CRLF: the RFC 5626 §4.4.1 "pong" (or, RFC 3261 §7.5, a stray CRLF to ignore).
    /// A lone CRLF is reported as soon as it is the whole buffer, so a client sees its pong
    /// without waiting; a ping split across two reads therefore arrives as pong then ping.
    case keepAlivePong
}

/// Frames SIP messages on a stream transport (RFC 3261 §18.3): every message must carry
/// Content-Length, which gives the body length; CRLFs between messages are keep-alives.
///
/// Use the pure `frame(_:)` on a buffer you manage, or let a `SIPStreamFramer` value hold the
/// buffer: `append` bytes as they arrive and call `next()` until it returns nil. A thrown error
/// means the stream can no longer be framed (RFC 4475 §3.1.2.3: close the connection).
/// Memory is bounded: a header section larger than `maxHeaderSectionSize` or a Content-Length
/// above `maxBodySize` throws before it is buffered.
public struct SIPStreamFramer: Sendable {
    public let limits: SIPParserLimits
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Where to resume looking for the end of the header section (avoids rescanning on drip-feed).
    private var searchIndex = 0
    /// The parsed head of a message whose body is still arriving.
    private var pendingHead: SIPMessageHead?
    /// A single CRLF was reported as a pong at the very end of the buffer; a CRLF arriving next
    /// completes a ping split across two reads.
    private var lonePongAtEnd = false

    public init(limits: SIPParserLimits = .standard) {
        self.limits = limits
    }

    /// Bytes received but not yet framed.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends `bytes` and returns every event now complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(SIPParseError) -> [SIPStreamEvent] {
        append(bytes)
        var events: [SIPStreamEvent] = []
        while let event = try next() { events.append(event) }
        return events
    }

    /// The next complete event, or nil when more bytes are needed.
    public mutating func next() throws(SIPParseError) -> SIPStreamEvent? {
        if readIndex > 0 && readIndex * 2 >= buffer.count { compact() }
        if pendingHead == nil {
            switch try keepAlive() {
            case .event(let event): return event
            case .waiting: return nil
            case .none: break
            }
        }
        guard bufferedByteCount > 0 else { return nil }
        lonePongAtEnd = false
        guard let head = try head() else { return nil }
        guard let bodyLength = try SIPMessageParser.contentLength(head, limits: limits) else {
            throw SIPParseError(.missingContentLength, line: head.endLine, column: 1)
        }
        let bodyStart = readIndex + head.length
        guard buffer.count - bodyStart >= bodyLength else {
            pendingHead = head
            return nil
        }
        let body = Array(buffer[bodyStart..<bodyStart + bodyLength])
        readIndex = bodyStart + bodyLength
        searchIndex = readIndex
        pendingHead = nil
        return .message(SIPMessageParser.message(head, body: body))
    }

    /// Frames one event from the start of `bytes` (pure form of `next()`).
    public static func frame(_ bytes: [UInt8], limits: SIPParserLimits = .standard) throws(SIPParseError) -> SIPParseResult<SIPStreamEvent> {
        var framer = SIPStreamFramer(limits: limits)
        framer.buffer = bytes
        guard let event = try framer.next() else { return .needMoreData }
        return .complete(event, consumed: framer.readIndex)
    }

    private enum KeepAlive {
        case none, waiting, event(SIPStreamEvent)
    }

    /// RFC 5626 §4.4.1: CRLFCRLF is a ping, a lone CRLF a pong; a CR with nothing after it yet
    /// waits, a CR followed by anything but LF cannot start a message.
    private mutating func keepAlive() throws(SIPParseError) -> KeepAlive {
        let available = buffer.count - readIndex
        guard available > 0, buffer[readIndex] == 0x0D else { return .none }
        guard available >= 2 else { return .waiting }
        guard buffer[readIndex + 1] == 0x0A else {
            throw SIPParseError(.invalidHeaderLine(reason: "bare CR between messages"), line: 1, column: 1)
        }
        if lonePongAtEnd {
            lonePongAtEnd = false
            consume(2)
            return .event(.keepAlivePing)
        }
        if available >= 4, buffer[readIndex + 2] == 0x0D, buffer[readIndex + 3] == 0x0A {
            consume(4)
            return .event(.keepAlivePing)
        }
        if available == 3 && buffer[readIndex + 2] == 0x0D { return .waiting }
        lonePongAtEnd = available == 2
        consume(2)
        return .event(.keepAlivePong)
    }

    /// The head of the message at `readIndex`, once its empty line is in the buffer.
    private mutating func head() throws(SIPParseError) -> SIPMessageHead? {
        if let pendingHead { return pendingHead }
        guard buffer.count > readIndex, buffer[readIndex] != 0x0D else { return nil }
        let from = max(readIndex, searchIndex - 3)
        let found = Self.containsEmptyLine(buffer, from: from)
        searchIndex = buffer.count
        guard found || buffer.count - readIndex > limits.maxHeaderSectionSize else { return nil }
        switch try SIPMessageParser.headResult(buffer, from: readIndex, mode: .liberal, locate: false, limits: limits) {
        case .complete(let head, _): return head
        case .needMoreData: return nil
        }
    }

    private static func containsEmptyLine(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index + 3] != 0x0A { index += bytes[index + 3] == 0x0D ? 1 : 4; continue }
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D { return true }
            index += 1
        }
        return false
    }

    private mutating func consume(_ count: Int) {
        readIndex += count
        searchIndex = readIndex
    }

    private mutating func compact() {
        buffer.removeSubrange(0..<readIndex)
        searchIndex -= readIndex
        readIndex = 0
    }
}

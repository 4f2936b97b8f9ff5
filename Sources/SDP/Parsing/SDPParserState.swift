/// What the parser has read so far, one line at a time (RFC 8866 §5).
///
/// Session-level lines are accepted in any order before the first `m=` (peers do not all
/// follow RFC 8866's order, and the order carries no meaning); the rules that do carry
/// meaning are enforced: `v=0` first, `o=`/`s=`/`t=` present, once-only lines once,
/// session-only lines not inside a media section, `r=` after a `t=`.
struct SDPParserState {
    typealias Reason = SDPParseError.Reason
    typealias Problem = SDPParseError.Problem

    private var sawVersion = false
    private var session = SessionDescription(
        origin: Origin(sessionID: "", sessionVersion: "", addressType: .ipv4, address: ""), sessionName: "", timing: [])
    /// Once-only line types seen at session level and in the current media section, one bit per letter.
    private var sessionSeen: UInt32 = 0
    private var mediaSeen: UInt32 = 0
    /// Where a missing-line error points: the first `m=` line, else the last line read.
    private(set) var endOfSession: (number: Int, bytes: SDPBytes)?

    mutating func consume(_ line: SDPBytes, number: Int) throws(Reason) {
        let start = line.startIndex
        guard line.count >= 2, ASCII.isLetter(line[start]), line[start + 1] == ASCII.equals else {
            throw .malformedLine
        }
        let type = line[start]
        let value = line[(start + 2)...]
        guard sawVersion else { return try readVersion(type, value) }
        if session.media.isEmpty { endOfSession = (number, line) }
        if type == UInt8(ascii: "m") { return try startMedia(value) }
        if session.media.isEmpty {
            try consumeSession(type, value)
        } else {
            try Self.consumeMedia(type, value, into: &session.media[session.media.count - 1], seen: &mediaSeen)
        }
    }

    func finish() throws(Reason) -> SessionDescription {
        guard sawVersion else { throw .emptyBody }
        for type in ["o", "s", "t"] as [Unicode.Scalar] where sessionSeen & Self.bit(UInt8(ascii: type)) == 0 {
            throw .missingField(type: Character(type))
        }
        return session
    }

    private mutating func readVersion(_ type: UInt8, _ value: SDPBytes) throws(Reason) {
        guard type == UInt8(ascii: "v") else { throw .missingVersion }
        guard value.trimmingWhitespace().elementsEqual("0".utf8) else { throw .unsupportedVersion }
        sawVersion = true
    }

    private mutating func startMedia(_ value: SDPBytes) throws(Reason) {
        guard session.media.count < SDPLimits.maximumMediaDescriptions else {
            throw .tooManyMediaDescriptions(limit: SDPLimits.maximumMediaDescriptions)
        }
        session.media.append(try Self.field("m") { () throws(Problem) in try MediaDescription(parsing: value) })
        mediaSeen = 0
    }

    private mutating func consumeSession(_ type: UInt8, _ value: SDPBytes) throws(Reason) {
        switch type {
        case UInt8(ascii: "o"), UInt8(ascii: "s"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "c"),
             UInt8(ascii: "z"), UInt8(ascii: "k"):
            try Self.markOnce(type, in: &sessionSeen)
            try consumeSessionOnce(type, value)
        case UInt8(ascii: "v"): throw .duplicateField(type: "v")
        case UInt8(ascii: "e"): session.emails.append(value.string)
        case UInt8(ascii: "p"): session.phones.append(value.string)
        case UInt8(ascii: "b"): session.bandwidths.append(try Self.field(type) { () throws(Problem) in try Bandwidth(parsing: value) })
        case UInt8(ascii: "t"):
            sessionSeen |= Self.bit(type)
            session.timing.append(try Self.field(type) { () throws(Problem) in try TimeDescription(parsing: value) })
        case UInt8(ascii: "r"):
            guard !session.timing.isEmpty else { throw .misplacedField(type: "r") }
            let repeatTime = try Self.field(type) { () throws(Problem) in try RepeatTime(parsing: value) }
            session.timing[session.timing.count - 1].repeats.append(repeatTime)
        case UInt8(ascii: "a"): session.attributes.append(try SDPAttribute(parsing: value))
        default: session.unknownLines.append(SDPUnknownLine(type: Self.character(type), value: value.string))
        }
    }

    private mutating func consumeSessionOnce(_ type: UInt8, _ value: SDPBytes) throws(Reason) {
        switch type {
        case UInt8(ascii: "o"): session.origin = try Self.field(type) { () throws(Problem) in try Origin(parsing: value) }
        case UInt8(ascii: "s"): session.sessionName = value.string
        case UInt8(ascii: "i"): session.information = value.string
        case UInt8(ascii: "u"): session.uri = value.string
        case UInt8(ascii: "c"):
            session.connection = try Self.field(type) { () throws(Problem) in try ConnectionData(parsing: value) }
        case UInt8(ascii: "z"):
            guard !session.timing.isEmpty else { throw .misplacedField(type: "z") }
            session.timeZoneAdjustments = try Self.field(type) { () throws(Problem) in try TimeZoneAdjustment.parseList(value) }
        default:  // k=, the last once-only session line `consumeSession` routes here
            session.encryptionKey = try Self.field(type) { () throws(Problem) in try EncryptionKey(parsing: value) }
        }
    }

    private static func consumeMedia(
        _ type: UInt8, _ value: SDPBytes, into media: inout MediaDescription, seen mediaSeen: inout UInt32
    ) throws(Reason) {
        switch type {
        case UInt8(ascii: "i"):
            try Self.markOnce(type, in: &mediaSeen)
            media.title = value.string
        case UInt8(ascii: "c"):
            media.connections.append(try Self.field(type) { () throws(Problem) in try ConnectionData(parsing: value) })
        case UInt8(ascii: "b"): media.bandwidths.append(try Self.field(type) { () throws(Problem) in try Bandwidth(parsing: value) })
        case UInt8(ascii: "k"):
            try Self.markOnce(type, in: &mediaSeen)
            media.encryptionKey = try Self.field(type) { () throws(Problem) in try EncryptionKey(parsing: value) }
        case UInt8(ascii: "a"): media.attributes.append(try SDPAttribute(parsing: value))
        case UInt8(ascii: "v"), UInt8(ascii: "o"), UInt8(ascii: "s"), UInt8(ascii: "u"), UInt8(ascii: "e"),
             UInt8(ascii: "p"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "z"):
            throw .misplacedField(type: Self.character(type))
        default: media.unknownLines.append(SDPUnknownLine(type: Self.character(type), value: value.string))
        }
    }

    /// Runs a field parser and names the line type in its error.
    private static func field<T>(_ type: UInt8, _ parse: () throws(Problem) -> T) throws(Reason) -> T {
        do {
            return try parse()
        } catch {
            throw .invalidField(type: Self.character(type), error)
        }
    }

    private static func field<T>(_ type: Unicode.Scalar, _ parse: () throws(Problem) -> T) throws(Reason) -> T {
        try field(UInt8(ascii: type), parse)
    }

    private static func markOnce(_ type: UInt8, in seen: inout UInt32) throws(Reason) {
        guard seen & bit(type) == 0 else { throw .duplicateField(type: character(type)) }
        seen |= bit(type)
    }

    private static func bit(_ type: UInt8) -> UInt32 { 1 << UInt32((ASCII.lowercased(type) &- UInt8(ascii: "a")) & 31) }

    private static func character(_ type: UInt8) -> Character { Character(Unicode.Scalar(type)) }
}

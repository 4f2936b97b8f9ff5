/// The RFC 4733 §2.3 telephone-event payload: one event, the end bit, volume and duration.
///
///     |     event     |E|R| volume    |          duration             |
public struct TelephoneEventPayload: Hashable, Sendable {
    /// 0–9, 10 `*`, 11 `#`, 12–15 A–D, 16 flash (RFC 4733 §3.2).
    public var event: UInt8
    public var isEnd: Bool
    /// Power level in −dBm0, 6 bits (0–63).
    public var volume: UInt8
    /// Duration so far in timestamp units, from the event's timestamp.
    public var duration: UInt16

    public init(event: UInt8, isEnd: Bool, volume: UInt8, duration: UInt16) {
        self.event = event
        self.isEnd = isEnd
        self.volume = volume & 0x3F
        self.duration = duration
    }

    public enum ParseError: Error, Hashable, Sendable {
        case truncated(available: Int)
    }

    /// Parses the first event of a payload (RFC 4733 §2.3; redundant events may follow).
    public static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> TelephoneEventPayload {
        guard bytes.count >= 4 else { throw .truncated(available: bytes.count) }
        var iterator = bytes.makeIterator()
        // The count check above guarantees four elements; `?? 0` keeps this trap-free anyway.
        let event = iterator.next() ?? 0
        let flags = iterator.next() ?? 0
        let high = iterator.next() ?? 0
        let low = iterator.next() ?? 0
        return TelephoneEventPayload(event: event, isEnd: flags & 0x80 != 0, volume: flags & 0x3F, duration: UInt16(high) << 8 | UInt16(low))
    }

    /// The four payload octets; the R bit is always sent as zero.
    public var bytes: [UInt8] {
        [event, (isEnd ? 0x80 : 0) | (volume & 0x3F), UInt8(truncatingIfNeeded: duration >> 8), UInt8(truncatingIfNeeded: duration)]
    }
}

/// DTMF event codes and the characters users type (RFC 4733 §3.2, Table 7).
public enum DTMF {
    public static func event(for character: Character) -> UInt8? {
        switch character {
        case "0"..."9": return character.asciiValue.map { $0 - 48 }
        case "*": return 10
        case "#": return 11
        case "A"..."D": return character.asciiValue.map { $0 - 65 + 12 }
        case "a"..."d": return character.asciiValue.map { $0 - 97 + 12 }
        default: return nil
        }
    }

    public static func character(for event: UInt8) -> Character? {
        switch event {
        case 0...9: return Character(Unicode.Scalar(event + 48))
        case 10: return "*"
        case 11: return "#"
        case 12...15: return Character(Unicode.Scalar(event - 12 + 65))
        default: return nil
        }
    }
}

/// The RFC 3389 §3 comfort noise payload: a noise level and optional spectral coefficients.
public struct ComfortNoisePayload: Hashable, Sendable {
    /// The noise level in −dBov (0–127); the reserved top bit must be zero.
    public var noiseLevel: UInt8
    /// Quantised reflection coefficients, if the sender described the spectrum.
    public var reflectionCoefficients: [UInt8]

    public init(noiseLevel: UInt8, reflectionCoefficients: [UInt8] = []) {
        self.noiseLevel = noiseLevel & 0x7F
        self.reflectionCoefficients = reflectionCoefficients
    }

    public enum ParseError: Error, Hashable, Sendable {
        case empty
        case reservedBitSet
    }

    /// The level as dBov (negative or zero).
    public var levelDBov: Int { -Int(noiseLevel) }

    public static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> ComfortNoisePayload {
        guard let level = bytes.first else { throw .empty }
        guard level & 0x80 == 0 else { throw .reservedBitSet }
        return ComfortNoisePayload(noiseLevel: level, reflectionCoefficients: Array(bytes.dropFirst()))
    }

    public var bytes: [UInt8] { [noiseLevel & 0x7F] + reflectionCoefficients }
}

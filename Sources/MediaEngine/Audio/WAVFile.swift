import Foundation

/// A PCM WAV file (RIFF/WAVE, 16-bit integer samples): parsed and written as pure functions
/// over bytes, read and written through Foundation. Only what calls need: `--play` files,
/// call recordings. Chunks other than `fmt ` and `data` are skipped.
public struct WAVFile: Sendable, Hashable {
    public var sampleRate: Int
    public var channels: Int
    /// Interleaved samples.
    public var samples: [Int16]

    public init(sampleRate: Int, channels: Int = 1, samples: [Int16]) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.samples = samples
    }

    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case notRIFFWAVE
        case truncated(chunk: String)
        case missingChunk(String)
        case unsupportedFormat(tag: UInt16, bitsPerSample: UInt16)
        case invalidFormat(String)

        public var description: String {
            switch self {
            case .notRIFFWAVE: "not a RIFF/WAVE file"
            case .truncated(let chunk): "truncated \(chunk) chunk"
            case .missingChunk(let name): "no \(name) chunk"
            case .unsupportedFormat(let tag, let bits): "unsupported WAV encoding (format \(tag), \(bits) bits); need 16-bit PCM"
            case .invalidFormat(let reason): "invalid format chunk: \(reason)"
            }
        }
    }

    /// Frames (samples per channel).
    public var frameCount: Int { channels > 0 ? samples.count / channels : 0 }

    /// The file as mono at `rate`: channels averaged, then resampled.
    public func mono(at rate: Int) throws(AudioCodecError) -> [Int16] {
        var mono = samples
        if channels > 1 {
            mono = (0..<frameCount).map { frame in
                let base = frame * channels
                let sum = (0..<channels).reduce(0) { $0 + Int(samples[base + $1]) }
                return Int16(clamping: sum / channels)
            }
        }
        return try Resampler(from: sampleRate, to: rate).process(mono)
    }
}

extension WAVFile {
    /// RIFF header, `fmt ` (format 1 or WAVE_FORMAT_EXTENSIBLE with 16-bit samples) and `data`.
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> WAVFile {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else {
            throw .notRIFFWAVE
        }
        var offset = 12
        var format: (channels: Int, rate: Int)?
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(le32(bytes, offset + 4))
            let body = offset + 8
            let available = min(size, bytes.count - body)
            switch name {
            case "fmt ":
                guard size >= 16, available >= 16 else { throw .truncated(chunk: "fmt ") }
                format = try parseFormat(bytes, at: body)
            case "data":
                guard let format else { throw .missingChunk("fmt ") }
                // A recorder that was killed leaves size 0 or 0xFFFFFFFF: take what is there.
                let length = (size == 0 || size > bytes.count - body) ? bytes.count - body : size
                let count = length / 2
                var samples = [Int16](repeating: 0, count: count)
                for index in 0..<count { samples[index] = Int16(bitPattern: le16(bytes, body + 2 * index)) }
                samples.removeLast(samples.count % format.channels)
                return WAVFile(sampleRate: format.rate, channels: format.channels, samples: samples)
            default:
                break
            }
            offset = body + size + (size & 1)  // chunks are padded to even sizes
        }
        throw .missingChunk(format == nil ? "fmt " : "data")
    }

    private static func parseFormat(_ bytes: [UInt8], at body: Int) throws(ParseError) -> (channels: Int, rate: Int) {
        let tag = le16(bytes, body)
        let channels = Int(le16(bytes, body + 2))
        let rate = Int(le32(bytes, body + 4))
        let bits = le16(bytes, body + 14)
        guard tag == 1 || tag == 0xFFFE, bits == 16 else { throw .unsupportedFormat(tag: tag, bitsPerSample: bits) }
        guard (1...8).contains(channels) else { throw .invalidFormat("\(channels) channels") }
        guard (1000...384_000).contains(rate) else { throw .invalidFormat("sample rate \(rate)") }
        return (channels, rate)
    }

    /// The canonical 44-byte header followed by the samples.
    public func serialized() -> [UInt8] {
        let dataSize = samples.count * 2
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + dataSize)
        bytes += Array("RIFF".utf8) + Self.le32(UInt32(36 + dataSize)) + Array("WAVE".utf8)
        bytes += Array("fmt ".utf8) + Self.le32(16) + Self.le16(1) + Self.le16(UInt16(channels))
        bytes += Self.le32(UInt32(sampleRate)) + Self.le32(UInt32(sampleRate * channels * 2))
        bytes += Self.le16(UInt16(channels * 2)) + Self.le16(16)
        bytes += Array("data".utf8) + Self.le32(UInt32(dataSize))
        for sample in samples { bytes += Self.le16(UInt16(bitPattern: sample)) }
        return bytes
    }

    public static func read(path: String) throws(CallMediaError) -> WAVFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw .file(path: path, reason: "cannot read") }
        do {
            return try parse(Array(data))
        } catch {
            throw .file(path: path, reason: error.description)
        }
    }

    public func write(path: String) throws(CallMediaError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(serialized())) else {
            throw .file(path: path, reason: "cannot write")
        }
    }

    private static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(le16(bytes, at)) | UInt32(le16(bytes, at + 2)) << 16
    }
    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}

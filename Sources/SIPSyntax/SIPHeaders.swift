/// The header fields of a message, in arrival order (RFC 3261 §7.3). Order matters for Via,
/// Route and Record-Route, and a proxy must not reorder fields with the same name (§7.3.1), so
/// this is an ordered list with name look-ups rather than a dictionary.
public struct SIPHeaders: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public private(set) var fields: [SIPHeaderField]

    public init(_ fields: [SIPHeaderField] = []) { self.fields = fields }
    public init(arrayLiteral elements: (SIPHeaderName, String)...) {
        self.fields = elements.map { SIPHeaderField($0.0, $0.1) }
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> SIPHeaderField { fields[position] }

    /// The value of the first field with this name.
    public subscript(name: SIPHeaderName) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every field value with this name, in order, one per header line.
    public func values(_ name: SIPHeaderName) -> [String] {
        fields.compactMap { $0.name == name ? $0.value : nil }
    }

    /// Every element of a comma-separated list header (Via, Route, Contact, Allow, …), across
    /// all its lines (RFC 3261 §7.3.1: "field-name: a, b" equals two lines). Commas inside quoted
    /// strings and inside `<…>` do not split. Do not use for headers whose grammar is not a
    /// list (WWW-Authenticate, Date, …).
    public func elements(_ name: SIPHeaderName) -> [String] {
        values(name).flatMap(SIPHeaders.splitList)
    }

    /// Whether any field has this name.
    public func contains(_ name: SIPHeaderName) -> Bool {
        fields.contains { $0.name == name }
    }

    /// Appends a field after all others.
    public mutating func append(_ name: SIPHeaderName, _ value: String) {
        fields.append(SIPHeaderField(name, value))
    }

    /// Inserts a field before all others (e.g. a new top Via, RFC 3261 §16.6 step 8).
    public mutating func prepend(_ name: SIPHeaderName, _ value: String) {
        fields.insert(SIPHeaderField(name, value), at: 0)
    }

    /// Replaces every field with this name by one field, kept at the first one's position
    /// (appended if there was none).
    public mutating func set(_ name: SIPHeaderName, _ value: String) {
        if let first = fields.firstIndex(where: { $0.name == name }) {
            fields[first].value = value
            var index = fields.index(after: first)
            while index < fields.endIndex {
                if fields[index].name == name { fields.remove(at: index) } else { index += 1 }
            }
        } else {
            append(name, value)
        }
    }

    /// Removes every field with this name.
    public mutating func remove(_ name: SIPHeaderName) {
        fields.removeAll { $0.name == name }
    }

    /// Splits a list value on commas that are outside quoted strings and angle brackets, trimming
    /// linear white space around each element; empty elements are dropped.
    public static func splitList(_ value: String) -> [String] {
        var elements: [String] = []
        var current: [UInt8] = []
        var inQuotes = false, escaped = false, angleDepth = 0
        for byte in value.utf8 {
            if inQuotes {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inQuotes = false }
                current.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inQuotes = true
            case UInt8(ascii: "<"): angleDepth += 1
            case UInt8(ascii: ">"): angleDepth = Swift.max(0, angleDepth - 1)
            case UInt8(ascii: ",") where angleDepth == 0:
                appendTrimmed(current, to: &elements)
                current.removeAll(keepingCapacity: true)
                continue
            default: break
            }
            current.append(byte)
        }
        appendTrimmed(current, to: &elements)
        return elements
    }

    private static func appendTrimmed(_ bytes: [UInt8], to elements: inout [String]) {
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return }
        elements.append(String(decoding: bytes[first...last], as: UTF8.self))
    }
}

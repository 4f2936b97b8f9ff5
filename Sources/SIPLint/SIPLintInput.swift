/// Prepares pasted text for linting: a message copied from a terminal or a web page usually
/// has LF line ends and no final empty line, which a wire parser rightly refuses.
enum SIPLintInput {
    /// When the input has no CR at all, every LF becomes CRLF and, if the header section then
    /// has no terminating empty line, one is added; each change is reported in the notes.
    /// Input with any CR is taken as wire bytes, unchanged.
    static func normalize(_ input: [UInt8]) -> (bytes: [UInt8], notes: [String]) {
        guard !input.contains(0x0D), input.contains(0x0A) else { return (input, []) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count + input.count / 16)
        for byte in input {
            if byte == 0x0A { bytes.append(0x0D) }
            bytes.append(byte)
        }
        var notes = ["input has LF line ends only (pasted text?): each LF was read as CRLF, so byte counts are those of the CRLF form"]
        if !containsEmptyLine(bytes) {
            bytes += bytes.last == 0x0A ? [0x0D, 0x0A] : [0x0D, 0x0A, 0x0D, 0x0A]
            notes.append("input has no empty line after the headers: one was added")
        }
        return (bytes, notes)
    }

    private static func containsEmptyLine(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
            return true
        }
        return false
    }
}

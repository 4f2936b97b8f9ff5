import Foundation
import SIPAuth

/// The `+sip.instance` URN of this installation (RFC 5626 §4.1): stable across restarts, so a
/// registrar that supports outbound replaces our old binding instead of adding one per start.
/// Derived from /etc/machine-id by hashing (the raw machine id must not leak to providers,
/// machine-id(5)); a random one per run when the file is missing.
public enum InstanceIdentity {
    public static func urn(machineIDFile: String = "/etc/machine-id") -> String {
        let machineID = (try? String(contentsOfFile: machineIDFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let seed = machineID.isEmpty ? UUID().uuidString : "dialtone-instance:" + machineID
        guard let hex = try? DigestHash.sha256.hex(of: seed) else { return "urn:uuid:" + UUID().uuidString.lowercased() }
        var digits = Array(hex.prefix(32))
        digits[12] = "5"  // name-based UUID (RFC 4122 §4.3); variant bits below
        digits[16] = ["8", "9", "a", "b"][Int(String(digits[16]), radix: 16).map { $0 & 3 } ?? 0]
        let text = String(digits)
        func part(_ from: Int, _ count: Int) -> Substring {
            let start = text.index(text.startIndex, offsetBy: from)
            return text[start..<text.index(start, offsetBy: count)]
        }
        return "urn:uuid:\(part(0, 8))-\(part(8, 4))-\(part(12, 4))-\(part(16, 4))-\(part(20, 12))"
    }
}

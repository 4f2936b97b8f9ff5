import Foundation

/// Where contacts live and what their files are called: the vdir layout shared with vdirsyncer
/// and khard (one `.vcf` file per contact in one directory), so that Dialtone's contacts can be
/// synchronised with a CardDAV server by vdirsyncer and edited by khard.
public enum ContactDirectory {
    /// `$XDG_DATA_HOME/dialtone/contacts`, or `$HOME/.local/share/dialtone/contacts` when
    /// XDG_DATA_HOME is unset, empty or relative (XDG Base Directory spec: relative paths are
    /// invalid and must be ignored). The environment is a parameter so tests and the caller decide.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        let dataHome: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share", isDirectory: true)
        }
        return dataHome.appendingPathComponent("dialtone/contacts", isDirectory: true)
    }

    /// The characters vdirsyncer accepts unchanged in a file name made from a UID.
    private static let safeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-+".utf8)

    /// The file name for a new contact: `<UID>.vcf` when the UID is made of characters vdirsyncer
    /// keeps (letters, digits, `_.-+`), as vdirsyncer and khard name them. Other bytes are
    /// %-encoded — vdirsyncer uses a random name instead, but a name derived from the UID lets a
    /// second program find the same file — and a UID too long for a file name becomes a hash.
    ///
    /// Files already in the directory keep their names whatever they are: the store remembers
    /// which file each contact came from.
    public static func fileName(forUID uid: String) -> String {
        var name = ""
        for (offset, byte) in uid.utf8.enumerated() {
            if safeCharacters.contains(byte), !(offset == 0 && byte == UInt8(ascii: ".")) {
                name.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                name += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        if name.utf8.count > 200 {
            name = "uid-" + String(ContactFiles.hash(Array(uid.utf8)), radix: 16).leftPadded(to: 16)
        }
        return name + ".vcf"
    }
}

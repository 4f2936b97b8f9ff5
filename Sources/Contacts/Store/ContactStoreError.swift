#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a change to the contact directory was refused. Nothing is written when one is thrown.
public enum ContactStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The contact has an empty UID; the UID names its file (vdir layout).
    case missingUID
    /// A contact with this UID is already in the store.
    case duplicateUID(String)
    /// No contact with this UID is in the store.
    case notFound(uid: String)
    /// The file could not be read in full (corrupt, several cards, unreadable): Dialtone never
    /// rewrites it, since writing back what it understood would destroy the rest.
    case readOnly(file: String)
    /// The file was changed, created or deleted by another program since the store last read it;
    /// writing would lose that change. `reload()` and try again.
    case changedOnDisk(file: String)
    /// The file name derived from the UID is taken by another contact's file.
    case fileExists(file: String)
    /// A system call failed; `errno` says why.
    case io(file: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case .missingUID: "contact has no UID"
        case .duplicateUID(let uid): "a contact with UID \(uid) already exists"
        case .notFound(let uid): "no contact with UID \(uid)"
        case .readOnly(let file): "\(file): not fully understood, so never overwritten"
        case .changedOnDisk(let file): "\(file): changed on disk since it was loaded; reload first"
        case .fileExists(let file): "\(file): already holds another contact"
        case .io(let file, let operation, let code): "\(file): \(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// Something wrong with a file in the contact directory, found while loading. Never fatal: the
/// rest of the directory loads, and the file is left exactly as it is.
public enum ContactStoreDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// A card in the file could not be parsed; the file becomes read-only.
    case invalidVCard(VCardParseError)
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file holds no vCard.
    case noVCard(file: String)
    /// The file holds several vCards, where a vdir has one per file; they load, read-only.
    case severalVCards(file: String, count: Int)
    /// Two files carry the same UID; the first file in name order is used.
    case duplicateUID(uid: String, file: String, keptFile: String)

    public var description: String {
        switch self {
        case .invalidVCard(let error): error.description
        case .unreadable(let file, let reason): "\(file): cannot be read: \(reason)"
        case .noVCard(let file): "\(file): holds no vCard"
        case .severalVCards(let file, let count): "\(file): holds \(count) vCards (one expected); read-only"
        case .duplicateUID(let uid, let file, let kept): "\(file): UID \(uid) is also in \(kept); ignored"
        }
    }
}

/// What `ContactStore.reload()` found changed on disk, by UID.
public struct ContactChanges: Hashable, Sendable {
    public var added: [Contact]
    public var modified: [Contact]
    public var removed: [String]

    public init(added: [Contact] = [], modified: [Contact] = [], removed: [String] = []) {
        self.added = added
        self.modified = modified
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }
}

import Foundation

/// The contacts in one vdir directory (one vCard per `.vcf` file), loaded into memory, changed
/// file by file.
///
/// Safety rules, because other programs (vdirsyncer, khard, an editor) share the directory:
/// - A file that did not parse completely is reported in `diagnostics` and never written.
/// - Every write is atomic (`AtomicFileWriter`): temporary file, fsync, rename.
/// - A file is only replaced or deleted if its content is still what was loaded (compared by
///   hash just before writing), otherwise `changedOnDisk` is thrown; a new file never replaces
///   one that appeared meanwhile. A change landing between that check and the rename is not
///   detected: vdir has no locking, and the window is one rename long.
///
/// Noticing outside changes: `hasChangedOnDisk()` is cheap (a directory listing and stat per
/// file, no reads), so the engine can poll it, or call it when an inotify watch on the directory
/// fires; `reload()` then re-reads only files whose stamp changed and reports what changed.
///
/// A value type with no I/O in its initializer; the engine owns one in an actor.
public struct ContactStore: Sendable {
    /// The directory the store reads and writes.
    public let directory: URL
    private let now: @Sendable () -> Date
    /// The `.vcf` files as last read or written, by file name.
    private var files: [String: StoredFile] = [:]
    /// The file each usable contact lives in, by UID.
    private var fileByUID: [String: String] = [:]
    /// Problems found while loading; not fatal.
    public private(set) var diagnostics: [ContactStoreDiagnostic] = []

    /// A store over `directory`; `now` stamps REV on every save. Nothing is read until `load()`.
    public init(directory: URL, now: @escaping @Sendable () -> Date) {
        self.directory = directory
        self.now = now
    }

    /// All contacts, sorted by name (case-insensitively), then UID.
    public var contacts: [Contact] {
        fileByUID.keys.compactMap(contact(uid:))
            .map { (key: $0.displayName.lowercased(), contact: $0) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.contact.uid < $1.contact.uid }
            .map(\.contact)
    }

    /// The contact with this UID.
    public func contact(uid: String) -> Contact? {
        fileByUID[uid].flatMap { files[$0]?.contacts.first { $0.uid == uid } }
    }

    /// The file name a contact is stored in.
    public func fileName(uid: String) -> String? {
        fileByUID[uid]
    }

    /// Reads the directory. A missing directory is an empty store (it is created on first save).
    public mutating func load() throws(ContactStoreError) {
        try reload()
    }

    /// Re-reads files whose stamp changed since the last read and returns the contacts added,
    /// modified and removed. Unchanged files are not read; a file whose stamp changed but whose
    /// bytes did not (touch, or a rewrite with the same content) is not reported.
    @discardableResult
    public mutating func reload() throws(ContactStoreError) -> ContactChanges {
        let listing = try ContactFiles.listing(of: directory)
        let before = Dictionary(uniqueKeysWithValues: fileByUID.keys.compactMap { uid in contact(uid: uid).map { (uid, $0) } })
        var reread: [String: StoredFile] = [:]
        for (name, stamp) in listing {
            if let known = files[name], known.stamp == stamp {
                reread[name] = known
            } else if let file = StoredFile.read(name, in: directory, stamp: stamp, previous: files[name]) {
                reread[name] = file
            }
        }
        files = reread
        rebuildIndex()
        return changes(from: before)
    }

    /// Whether any `.vcf` file was added, removed or touched since the last read or write,
    /// judged by a directory listing and the files' modification times and sizes.
    public func hasChangedOnDisk() -> Bool {
        let listing = (try? ContactFiles.listing(of: directory)) ?? [:]
        return listing != files.mapValues(\.stamp)
    }

    /// Saves a new contact in a new file named after its UID, with REV set to now.
    @discardableResult
    public mutating func add(_ contact: Contact) throws(ContactStoreError) -> Contact {
        guard !contact.uid.isEmpty else { throw .missingUID }
        guard fileByUID[contact.uid] == nil else { throw .duplicateUID(contact.uid) }
        let name = ContactDirectory.fileName(forUID: contact.uid)
        guard files[name] == nil else { throw .fileExists(file: name) }
        try ContactFiles.createDirectory(directory)
        return try save(contact, in: name, mode: .createNew)
    }

    /// Replaces a contact's file with the contact, with REV set to now.
    @discardableResult
    public mutating func update(_ contact: Contact) throws(ContactStoreError) -> Contact {
        let name = try writableFile(uid: contact.uid)
        guard try currentHash(of: name) == files[name]?.contentHash else { throw .changedOnDisk(file: name) }
        return try save(contact, in: name, mode: .replace)
    }

    /// Deletes a contact's file. A file already deleted by another program is not an error.
    public mutating func delete(uid: String) throws(ContactStoreError) {
        let name = try writableFile(uid: uid)
        let hash = try currentHash(of: name)
        guard hash == nil || hash == files[name]?.contentHash else { throw .changedOnDisk(file: name) }
        try AtomicFileWriter.remove(directory.appendingPathComponent(name))
        files[name] = nil
        rebuildIndex()
    }

    /// Writes every contact, in name order, into one .vcf file for another address book; the
    /// file is replaced atomically, like the store's own files.
    public func export(to url: URL) throws(ContactStoreError) {
        let text = VCardSerializer.serialize(contacts.map(\.vCard))
        try AtomicFileWriter.write(Array(text.utf8), to: url, mode: .replace)
    }

    private func writableFile(uid: String) throws(ContactStoreError) -> String {
        guard let name = fileByUID[uid], let file = files[name] else { throw .notFound(uid: uid) }
        guard file.isWritable else { throw .readOnly(file: name) }
        return name
    }

    /// The hash of the file's bytes now, or nil if it is gone.
    private func currentHash(of name: String) throws(ContactStoreError) -> UInt64? {
        try ContactFiles.contents(of: directory.appendingPathComponent(name)).map(ContactFiles.hash)
    }

    private mutating func save(_ contact: Contact, in name: String, mode: AtomicFileWriter.Mode) throws(ContactStoreError) -> Contact {
        var saved = contact
        saved.revision = VCardTimestamp.wholeSeconds(now())
        let bytes = Array(VCardSerializer.serialize(saved.vCard).utf8)
        let url = directory.appendingPathComponent(name)
        try AtomicFileWriter.write(bytes, to: url, mode: mode)
        let stamp = ContactFiles.stamp(of: url) ?? FileStamp(seconds: 0, nanoseconds: 0, size: bytes.count)
        files[name] = StoredFile(stamp: stamp, contentHash: ContactFiles.hash(bytes), contacts: [saved], diagnostics: [], isWritable: true)
        rebuildIndex()
        return saved
    }

    /// Recomputes which file holds which UID and the diagnostics. Files are visited in name order
    /// so that, of two files with one UID, the same one wins on every machine.
    private mutating func rebuildIndex() {
        fileByUID = [:]
        diagnostics = []
        for name in files.keys.sorted() {
            guard let file = files[name] else { continue }
            diagnostics += file.diagnostics
            for contact in file.contacts {
                if let kept = fileByUID[contact.uid] {
                    diagnostics.append(.duplicateUID(uid: contact.uid, file: name, keptFile: kept))
                } else {
                    fileByUID[contact.uid] = name
                }
            }
        }
    }

    private func changes(from before: [String: Contact]) -> ContactChanges {
        var changes = ContactChanges()
        for contact in contacts {
            switch before[contact.uid] {
            case nil: changes.added.append(contact)
            case let old? where old != contact: changes.modified.append(contact)
            case .some: break
            }
        }
        changes.removed = before.keys.filter { fileByUID[$0] == nil }.sorted()
        return changes
    }
}

/// A contact `ContactStore.add(contentsOf:)` did not add, and why.
public struct ContactAddFailure: Hashable, Sendable {
    public var contact: Contact
    public var error: ContactStoreError
}

extension ContactStore {
    /// Adds each contact in turn, as an import does: one that cannot be added (its UID is
    /// already in the store, its file name is taken) is reported and the others still are.
    /// Returns the contacts as saved and the failures, both in input order.
    public mutating func add(contentsOf contacts: [Contact]) -> (added: [Contact], failed: [ContactAddFailure]) {
        var added: [Contact] = []
        var failed: [ContactAddFailure] = []
        for contact in contacts {
            do {
                added.append(try add(contact))
            } catch {
                failed.append(ContactAddFailure(contact: contact, error: error))
            }
        }
        return (added, failed)
    }
}

import Themes

/// Contacts: search as you type, each with how often and when they were last called.
enum ContactsPane {
    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        var list = rect
        if state.textEntry == .search || !state.contactsSearch.isEmpty {
            let used = buffer.write("/" + state.contactsSearch, in: rect.row(0), role: .prompt)
            if state.textEntry == .search { buffer.cursor = ScreenBuffer.Point(x: rect.x + used, y: rect.y) }
            list = rect.splitTop(1).1
        }
        let contacts = state.visibleContacts
        guard !contacts.isEmpty else {
            buffer.write(state.phone.contacts.isEmpty ? "No contacts yet." : "No contact matches.", in: list.row(0))
            return
        }
        let table = Columns([.flexible(minimum: 12), .flexible(minimum: 16), .fixed(5, .right), .fixed(11)], totalWidth: list.width - 1)
        table.draw(["Name", "Address", "Calls", "Last call"], into: &buffer, x: list.x + 1, y: list.y)
        let rows = list.splitTop(1).1
        ListDrawing.draw(
            count: contacts.count, selection: state.contactsSelection, focused: state.focus == .main, in: rows, into: &buffer
        ) { index, row, buffer in
            let contact = contacts[index]
            let calls = history(of: contact, in: state.phone.history)
            let addresses = contact.addresses.joined(separator: ", ")
            let last = calls.first.map { TimeText.short($0.startedAt, now: state.now, in: state.timeZone) } ?? ""
            table.draw([contact.name, addresses, calls.isEmpty ? "" : "\(calls.count)", last], into: &buffer, x: row.x, y: row.y)
        }
    }

    /// The history entries with one of the contact's addresses (numbers compared by digits).
    static func history(of contact: ContactRow, in history: [HistoryEntry]) -> [HistoryEntry] {
        let keys = Set(contact.addresses.map(key))
        return history.filter { keys.contains(key($0.remoteURI)) }
    }

    private static func key(_ address: String) -> String {
        PhoneNumber.normalised(address).map(PhoneNumber.digitsOnly) ?? address.lowercased()
    }
}

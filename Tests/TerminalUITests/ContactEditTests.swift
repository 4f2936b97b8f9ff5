import Foundation
import Testing
@testable import TerminalUI

/// Editing a contact: `e` in Contacts prefills `contact-edit`, which parses back to the same
/// contact and resolves to the engine command that rewrites its vCard.
@Suite struct ContactEditTests {
    @Test func theEditKeyPrefillsThePromptWithTheSelectedContact() {
        var state = UIState(phone: PhoneSnapshot(contacts: Sample.contacts), now: sampleNow, timeZone: utc)
        state.tab = .contacts
        #expect(UIReducer().update(&state, .key(.character("e"))) == [])
        #expect(state.textEntry == .prompt)
        #expect(state.promptText == "contact-edit u1 \"Bob Smith\" sip:bob@example.com \"+49 171 2345678\"")
        #expect(CommandParser.parse(state.promptText)
            == .success(.editContact(id: "u1", name: "Bob Smith", addresses: ["sip:bob@example.com", "+49 171 2345678"])))
    }

    @Test func enterOnThePromptAsksForTheEdit() {
        var state = UIState(phone: PhoneSnapshot(contacts: Sample.contacts), now: sampleNow, timeZone: utc)
        state.textEntry = .prompt
        state.promptText = "contact-edit u2 Caroline sip:carol@example.org"
        #expect(UIReducer().update(&state, .key(.enter))
            == [.editContact(id: "u2", name: "Caroline", addresses: ["sip:carol@example.org"])])
    }

    @Test func editNeedsAnAddressAndWorksOnlyInContacts() {
        if case .success = CommandParser.parse("contact-edit u1 Bob") { Issue.record("an address is required") }
        var state = UIState(phone: PhoneSnapshot(contacts: Sample.contacts), now: sampleNow, timeZone: utc)
        state.tab = .history
        #expect(UIReducer().update(&state, .key(.character("e"))) == [])
        #expect(state.notice == "edit works on a contact in Contacts")
    }
}

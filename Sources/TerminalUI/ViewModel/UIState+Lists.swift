/// The lists as shown: filters applied. Computed from the state so nothing derived is stored
/// twice and a new snapshot can never disagree with a cached list.
extension UIState {
    public var visibleContacts: [ContactRow] {
        phone.contacts.filter { TextMatch.matches(query: contactsSearch, in: [$0.name] + $0.addresses) }
    }

    public var visibleHistory: [HistoryEntry] {
        phone.history.filter(historyFilter.admits)
    }

    public var visibleSIPMessages: [SIPMessageRow] {
        phone.sipMessages.filter(debugFilter.admits)
    }

    public var visibleRegistrationSteps: [RegistrationStep] {
        phone.registrationTimeline.filter { debugFilter.account == nil || $0.account == debugFilter.account }
    }

    public var dialerCompletions: [DialerCompletion] {
        DialerCompletion.candidates(for: dialerText, contacts: phone.contacts, history: phone.history)
    }

    /// The account the dialer will use: the chosen one, else the first registered, else the first.
    public var effectiveDialerAccount: String? {
        if let chosen = dialerAccount, phone.accounts.contains(where: { $0.name == chosen }) { return chosen }
        let registered = phone.accounts.first {
            if case .registered = $0.registration { return true }
            return false
        }
        return (registered ?? phone.accounts.first)?.name
    }

    /// How many rows the current tab's list has, for keeping the selection in range.
    var currentListCount: Int {
        switch tab {
        case .dialer: return dialerCompletions.count
        case .contacts: return visibleContacts.count
        case .history: return visibleHistory.count
        case .messages: return phone.conversations.count
        case .debug: return debugView == .messages ? visibleSIPMessages.count : visibleRegistrationSteps.count
        }
    }
}

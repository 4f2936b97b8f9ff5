import Themes

/// The top line: every account's registration state and voicemail, missed calls, the time.
enum StatusBar {
    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        buffer.fill(rect, role: .statusBar)
        var right = " " + TimeText.clock(state.now, in: state.timeZone) + " "
        let missed = state.phone.missedCallCount
        if missed > 0 { right = " \(missed) missed │" + right }
        let rightWidth = DisplayWidth.of(right)
        let rightRect = Rect(x: rect.maxX - rightWidth, y: rect.y, width: rightWidth, height: 1)
        buffer.write(right, in: rightRect, role: .statusBar)
        var x = rect.x + 1
        let limit = rect.maxX - rightWidth - 1
        if state.phone.accounts.isEmpty {
            buffer.write("no accounts: :call sip:user@host works without one", x: x, y: rect.y, width: limit - x, role: .statusBar)
        }
        for account in state.phone.accounts where x < limit {
            for (text, role) in pieces(account) where x < limit {
                x += buffer.write(text, x: x, y: rect.y, width: limit - x, role: role)
            }
            x += 2
        }
    }

    /// `work ● 3:12`, `home ✖ 403 Forbidden`, `old ○ off`, then `✉ 2` when voicemail waits.
    static func pieces(_ account: AccountRow) -> [(String, Role)] {
        var parts: [(String, Role)] = [(account.name + " ", .statusBar)]
        switch account.registration {
        case .registering: parts.append(("◌ registering", .registrationRegistering))
        case .registered(let seconds): parts.append(("● " + TimeText.duration(seconds: seconds), .registrationRegistered))
        case .failed(let reason): parts.append(("✖ " + reason, .registrationFailed))
        case .disabled: parts.append(("○ off", .statusBar))
        }
        if account.voicemailNew > 0 { parts.append((" ✉ \(account.voicemailNew)", .voicemailWaiting)) }
        return parts
    }
}

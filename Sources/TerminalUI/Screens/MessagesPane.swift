import Themes

/// SIP MESSAGE conversations: the list on the left, the selected conversation on the right.
enum MessagesPane {
    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        let conversations = state.phone.conversations
        guard !conversations.isEmpty else {
            let key = context.key(.sendMessage).map { " (\($0) writes one)" } ?? ""
            buffer.write("No messages yet." + key, in: rect.row(0))
            return
        }
        let (list, rest) = rect.splitLeft(max(16, rect.width / 3))
        ListDrawing.draw(
            count: conversations.count, selection: state.messagesSelection, focused: state.focus == .main, in: list,
            into: &buffer
        ) { index, row, buffer in
            let conversation = conversations[index]
            let unread = conversation.unreadCount > 0 ? " (\(conversation.unreadCount))" : ""
            let table = Columns([.flexible(minimum: 4), .fixed(DisplayWidth.of(unread))], totalWidth: row.width - 1)
            table.draw([conversation.displayName, unread], into: &buffer, x: row.x, y: row.y)
        }
        for y in rest.y..<rest.maxY { buffer.put("│", x: rest.x, y: y, role: nil) }
        guard let conversation = conversations[safe: state.messagesSelection] else { return }
        let text = Rect(x: rest.x + 2, y: rest.y, width: rest.width - 2, height: rest.height)
        var lines: [(String, Role?)] = []
        for message in conversation.messages {
            let arrow = message.direction == .sent ? "→ " : "← "
            let prefix = TimeText.clock(message.time, in: state.timeZone) + " " + arrow
            for (n, line) in TextLayout.wrapped(message.text, width: max(1, text.width - DisplayWidth.of(prefix))).enumerated() {
                let lead = n == 0 ? prefix : String(repeating: " ", count: DisplayWidth.of(prefix))
                lines.append((lead + line, message.direction == .sent ? .historyOutgoing : .historyIncoming))
            }
        }
        // Newest at the bottom, like every chat.
        for (offset, line) in lines.suffix(text.height).enumerated() {
            buffer.write(line.0, in: text.row(offset), role: line.1)
        }
    }
}

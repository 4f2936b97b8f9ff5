import Testing
import Themes
@testable import TerminalUI

@Suite struct ScreenBufferTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("王", 2), ("ｱ", 1), ("Ａ", 2), ("😀", 2), ("👍🏽", 2),
        ("👨‍👩‍👧", 2), ("☎️", 2), ("\u{200B}", 0), ("한", 2),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(Character(text)) == width, "\(text)")
    }

    @Test func clippingEndsInAnEllipsisAndRespectsWideCharacters() {
        #expect(TextLayout.clipped("sip:alice@example.com", to: 10) == "sip:alice…")
        #expect(TextLayout.clipped("short", to: 10) == "short")
        // 王小明 is six columns; in five only two characters and the ellipsis fit.
        #expect(TextLayout.clipped("王小明", to: 5) == "王小…")
        #expect(DisplayWidth.of(TextLayout.clipped("王小明王小明", to: 6)) <= 6)
        #expect(TextLayout.clipped("anything", to: 0) == "")
    }

    @Test func paddingCountsColumnsNotCharacters() {
        #expect(TextLayout.padded("王", to: 4) == "王  ")
        #expect(TextLayout.padded("ab", to: 4, alignment: .right) == "  ab")
        #expect(DisplayWidth.of(TextLayout.padded("😀x", to: 6, alignment: .center)) == 6)
    }

    @Test func wideCharacterTakesTwoCellsAndReadsBackOnce() {
        var buffer = ScreenBuffer(columns: 6, rows: 1)
        buffer.write("a王b", x: 0, y: 0, width: 6)
        #expect(buffer[1, 0].character == "王")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].character == "b")
        #expect(buffer.line(0) == "a王b")
    }

    @Test func wideCharacterThatWouldStraddleTheLimitIsLeftOut() {
        var buffer = ScreenBuffer(columns: 10, rows: 1)
        #expect(buffer.put("王", x: 2, y: 0, role: nil, limit: 3) == 0)
        #expect(buffer.put("王", x: 9, y: 0, role: nil) == 0, "no half character at the right edge")
        let used = buffer.write("a王b", x: 0, y: 0, width: 3)
        #expect(used == 2)
        #expect(buffer[3, 0] == .blank)
        #expect(buffer.line(0) == "a…")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(columns: 4, rows: 1)
        buffer.write("王", x: 0, y: 0, width: 4)
        buffer.put("x", x: 1, y: 0, role: nil)
        #expect(buffer[0, 0].character == " ")
        #expect(buffer.line(0) == " x")
        buffer.write("王", x: 2, y: 0, width: 2)
        buffer.put("y", x: 2, y: 0, role: nil)
        #expect(!buffer[3, 0].isContinuation)
        #expect(buffer.line(0) == " xy")
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        var buffer = ScreenBuffer(columns: 10, rows: 1)
        buffer.write("a\u{1B}[2Jb", x: 0, y: 0, width: 10)
        #expect(!buffer.cells.contains { $0.character == "\u{1B}" })
        #expect(buffer.line(0) == "a\u{FFFD}[2Jb")
    }

    @Test func boxHasCornersAndTitle() {
        var buffer = ScreenBuffer(columns: 12, rows: 3)
        buffer.drawBox(buffer.bounds, title: "Calls", titleRole: .listSelected)
        #expect(buffer.text == "┌─ Calls ──┐\n│          │\n└──────────┘")
        #expect(buffer[3, 0].role == .listSelected)
        #expect(buffer[0, 0].role == nil)
    }

    @Test func wrappingSplitsCRLFLinesAndLongLines() {
        let lines = TextLayout.wrapped("INVITE sip:b@x SIP/2.0\r\nVia: x\r\n\r\n", width: 10)
        #expect(lines == ["INVITE sip", ":b@x SIP/2", ".0", "Via: x", "", ""])
        #expect(TextLayout.wrapped("王小明", width: 3) == ["王", "小", "明"])
    }

    @Test func columnsDropFromTheRightWhenNarrowAndShareSpareWidth() {
        let specs: [Columns.Spec] = [.flexible(minimum: 5), .fixed(4), .fixed(6)]
        #expect(Columns(specs, totalWidth: 30).widths == [18, 4, 6])
        #expect(Columns(specs, totalWidth: 11).widths == [6, 4, 0])
        #expect(Columns(specs, totalWidth: 3).widths == [3, 0, 0])
    }

    @Test func rightAlignedColumnsLineUp() {
        var buffer = ScreenBuffer(columns: 12, rows: 2)
        let table = Columns([.fixed(5), .fixed(6, .right)], totalWidth: 12)
        table.draw(["王", "1:05"], into: &buffer, x: 0, y: 0)
        table.draw(["ab", "10:00"], into: &buffer, x: 0, y: 1)
        #expect(buffer.line(0) == "王      1:05")
        #expect(buffer.line(1) == "ab     10:00")
    }
}

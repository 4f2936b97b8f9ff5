import Contacts
import Foundation
import Testing

/// Changes made on disk by another program while Dialtone runs are noticed (issue 8): a file
/// written into the directory is announced, and a reload picks the new contact up.
@Suite(.timeLimit(.minutes(1))) struct ContactDirectoryWatcherTests {
    @Test func aFileWrittenByAnotherProgramIsNoticed() async throws {
        let temporary = try TemporaryDirectory()
        let url = temporary.url
        var store = ContactStore(directory: url, now: { Date(timeIntervalSince1970: 0) })
        try store.load()
        #expect(store.contacts.isEmpty)
        let watcher = try ContactDirectoryWatcher(directory: url)
        let vcard = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:watch-1\r\nFN:Grace Hopper\r\nTEL;TYPE=cell:+1 555 0100\r\nEND:VCARD\r\n"
        // Another program: write elsewhere, then rename into place (what vdirsyncer does).
        let scratch = url.appendingPathComponent(".tmp-grace")
        try vcard.write(to: scratch, atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(at: scratch, to: url.appendingPathComponent("grace.vcf"))
        var iterator = watcher.changes.makeAsyncIterator()
        let noticed: Void? = await iterator.next()
        #expect(noticed != nil)
        let changes = try store.reload()
        #expect(changes.added.map { $0.formattedName } == ["Grace Hopper"])
        watcher.stop()
        // Events queued before stop() (the rename raised several) may still come out; then the
        // stream ends (if it never did, the suite's time limit fails the test).
        var buffered = 0
        while await iterator.next() != nil { buffered += 1 }
        #expect(buffered < 10)
    }

    @Test func aMissingDirectoryIsAClearError() {
        #expect(throws: ContactDirectoryWatcher.Failure.self) {
            _ = try ContactDirectoryWatcher(directory: URL(fileURLWithPath: "/nonexistent/dialtone-contacts"))
        }
    }
}

import CallHistory
import Foundation
import Testing

/// A history the user may not read is reported as such, naming the file, and left alone.
///
/// Root ignores file modes, and the tests run as root in CI, so the reading process is the real
/// `dialtone` binary started as `nobody` through `setpriv`; as any other user it is started
/// directly. Either way the check runs rather than being skipped.
struct PermissionTests {
    @Test func unreadableHistoryIsPermissionDenied() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history.sqlite")
            try CallHistoryStore(databaseURL: url).append(sampleCall())
            let before = try fileBytes(url)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
            let launcher = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
            if geteuid() == 0 {
                // nobody must be able to reach the file to be refused by its mode, not by the directory.
                try FileManager.default.setAttributes([.posixPermissions: 0o711], ofItemAtPath: directory.path)
            }
            let outcome = try DialtoneProcess.run(["history", "--database", url.path], launcher: launcher)
            #expect(outcome.status == 1, "\(outcome.standardOutput)\(outcome.standardError)")
            #expect(outcome.standardError.contains("cannot open call history \(url.path): cannot read it: Permission denied"),
                    "\(outcome.standardError)")
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            #expect(try fileBytes(url) == before)
        }
    }
}

import CallHistory
import Foundation
import Testing

/// The default database path, from an explicit environment (XDG Base Directory Spec 0.8).
struct HistoryLocationTests {
    @Test func usesXDGDataHome() throws {
        let url = try HistoryLocation.defaultDatabaseURL(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"])
        #expect(url.path == "/data/dialtone/history.sqlite")
    }

    @Test func fallsBackToHomeLocalShare() throws {
        let url = try HistoryLocation.defaultDatabaseURL(environment: ["HOME": "/home/u"])
        #expect(url.path == "/home/u/.local/share/dialtone/history.sqlite")
    }

    /// The spec: a relative (or empty) XDG_DATA_HOME is invalid and is ignored.
    @Test(arguments: ["", "relative/data", "./data"])
    func ignoresInvalidXDGDataHome(_ value: String) throws {
        let url = try HistoryLocation.defaultDatabaseURL(environment: ["XDG_DATA_HOME": value, "HOME": "/home/u"])
        #expect(url.path == "/home/u/.local/share/dialtone/history.sqlite")
    }

    @Test(arguments: [[String: String](), ["HOME": ""], ["XDG_DATA_HOME": "rel"]])
    func failsWithoutAnyBase(_ environment: [String: String]) {
        #expect(throws: CallHistoryError.noDataDirectory) {
            try HistoryLocation.defaultDatabaseURL(environment: environment)
        }
    }

    @Test func opensAtTheDefaultLocationCreatingPrivateDirectories() throws {
        try withTemporaryDirectory { directory throws in
            let dataHome = directory.appendingPathComponent("data/home").path
            let store = try CallHistoryStore(environment: ["XDG_DATA_HOME": dataHome])
            #expect(store.databaseURL.path == dataHome + "/dialtone/history.sqlite")
            let attributes = try FileManager.default.attributesOfItem(atPath: dataHome + "/dialtone")
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
            let fileAttributes = try FileManager.default.attributesOfItem(atPath: store.databaseURL.path)
            #expect((fileAttributes[.posixPermissions] as? Int) == 0o600)
        }
    }
}

import SIPProtocol
import SIPSyntax
import Testing

/// RFC 3261 §17.1.3 (client matching), §17.2.3 (server matching) and §9.2 (CANCEL).
@Suite struct TransactionKeyTests {
    let branch = Messages.branch
    let sentBy = Messages.sentBy

    @Test func ackForANonSuccessResponseMatchesTheInviteServerTransaction() throws {
        let inviteKey = try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: .invite))
        let ackKey = try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: .ack))
        #expect(ackKey == inviteKey)
        #expect(ackKey.method == .invite)
    }

    @Test func cancelHasItsOwnServerTransactionAndPointsAtTheInvite() throws {
        let inviteKey = try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: .invite))
        let cancelKey = try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: .cancel))
        #expect(cancelKey != inviteKey)
        #expect(cancelKey.cancelledInvite == inviteKey)
        #expect(inviteKey.cancelledInvite == nil)
        #expect(try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: .bye)).cancelledInvite == nil)
    }

    @Test func cancelHasItsOwnClientTransactionSoItsResponsesDoNotReachTheInvite() {
        #expect(TransactionKey.client(branch: branch, method: .cancel) != .client(branch: branch, method: .invite))
        #expect(TransactionKey.client(branch: branch, method: .cancel).cancelledInvite == .client(branch: branch, method: .invite))
    }

    @Test func serverKeysDifferBySentByButNotByItsCase() throws {
        let key = try #require(TransactionKey.server(branch: branch, sentBy: "PC33.Atlanta.COM:5060", method: .invite))
        #expect(key == TransactionKey.server(branch: branch, sentBy: "pc33.atlanta.com:5060", method: .invite))
        #expect(key != TransactionKey.server(branch: branch, sentBy: "pc34.atlanta.com:5060", method: .invite))
        #expect(key != TransactionKey.server(branch: branch, sentBy: "pc33.atlanta.com:5070", method: .invite))
        #expect(key.sentBy == "pc33.atlanta.com:5060")
    }

    @Test func branchesCompareCaseSensitively() throws {
        let key = try #require(TransactionKey.server(branch: "z9hG4bKabc", sentBy: sentBy, method: .options))
        #expect(key != TransactionKey.server(branch: "z9hG4bKABC", sentBy: sentBy, method: .options))
        #expect(TransactionKey.client(branch: "z9hG4bKabc", method: .options) != .client(branch: "z9hG4bKABC", method: .options))
    }

    @Test func methodsSeparateTransactionsOnBothSides() throws {
        #expect(TransactionKey.client(branch: branch, method: .bye) != .client(branch: branch, method: .options))
        let bye = try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: .bye))
        #expect(bye != TransactionKey.server(branch: branch, sentBy: sentBy, method: .options))
    }

    /// Client keys ignore sent-by (§17.1.3); server keys compare it. The two never collide, even
    /// for a UA whose own request loops back to it.
    @Test func clientAndServerKeysNeverCollide() throws {
        let server = try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: .options))
        let client = TransactionKey.client(branch: branch, method: .options)
        #expect(server != client)
        #expect(client.sentBy == nil)
        #expect(Set([server, client]).count == 2)
    }

    /// RFC 2543 matching is out of scope: a branch without the magic cookie yields no key.
    @Test(arguments: ["", "776asdhds", "Z9HG4BK776asdhds", "z9hg4bk776asdhds", "xz9hG4bK776asdhds"])
    func branchesWithoutTheMagicCookieAreRefused(_ legacy: String) {
        #expect(TransactionKey.server(branch: legacy, sentBy: sentBy, method: .invite) == nil)
    }

    @Test func descriptionsSayWhichSide() throws {
        let server = try #require(TransactionKey.server(branch: branch, sentBy: sentBy, method: .ack))
        #expect(server.description == "server INVITE z9hG4bK776asdhds from pc33.atlanta.com")
        #expect(TransactionKey.client(branch: branch, method: .bye).description == "client BYE z9hG4bK776asdhds")
    }
}

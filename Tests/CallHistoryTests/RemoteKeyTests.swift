import CallHistory
import Testing

/// Remote matching: spellings of one peer share a key, different peers do not.
struct RemoteKeyTests {
    @Test(arguments: [
        ("sip:alice@example.com", "sip:alice@example.com"),
        ("sip:alice@EXAMPLE.Com", "sip:alice@example.com"),
        ("SIP:alice@example.com", "sip:alice@example.com"),
        ("sip:alice@example.com;transport=tcp;lr", "sip:alice@example.com"),
        ("sip:alice@example.com?Subject=hi", "sip:alice@example.com"),
        ("\"Alice A.\" <sip:alice@Example.com;transport=tls>;tag=88", "sip:alice@example.com"),
        ("  <sip:alice@example.com>  ", "sip:alice@example.com"),
        ("sip:alice:secret@example.com", "sip:alice@example.com"),
        ("sip:%61lice@example.com", "sip:alice@example.com"),
        ("sip:alice@example.com:5070;maddr=x", "sip:alice@example.com:5070"),
        ("sip:+1555;phone-context=example.com@gw.example.com;user=phone", "sip:+1555;phone-context=example.com@gw.example.com"),
        ("sips:alice@example.com", "sips:alice@example.com"),
        ("alice@example.com", "sip:alice@example.com"),
        ("sip:Example.COM", "sip:example.com"),
        ("tel:+1-555-0100", "tel:+15550100"),
        ("tel:+1.555.(0100);phone-context=x", "tel:+15550100"),
        ("TEL:+1555ABC", "tel:+1555abc"),
        ("urn:service:sos;x=1", "urn:service:sos"),
    ])
    func normalises(_ uri: String, _ key: String) {
        #expect(RemoteKey.normalize(uri) == key)
    }

    /// The user part is case-sensitive (RFC 3261 §19.1.4), and sip: and sips: are different
    /// addresses; port 5060 written out is not the same URI as no port.
    @Test(arguments: [
        ("sip:alice@example.com", "sip:Alice@example.com"),
        ("sip:alice@example.com", "sips:alice@example.com"),
        ("sip:alice@example.com", "sip:alice@example.com:5060"),
        ("sip:alice@example.com", "sip:alice@example.org"),
    ])
    func keepsDistinctPeersApart(_ first: String, _ second: String) {
        #expect(RemoteKey.normalize(first) != RemoteKey.normalize(second))
    }
}

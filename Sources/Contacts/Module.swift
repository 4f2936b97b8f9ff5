// The Contacts module: vCard contacts in a vdir directory (RFC 6350).

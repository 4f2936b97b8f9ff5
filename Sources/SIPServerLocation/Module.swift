// The SIPServerLocation module: RFC 3263 NAPTR/SRV/A/AAAA server location over c-ares.

// libFuzzer entry point for the SIP parser; built by scripts/fuzz.sh.

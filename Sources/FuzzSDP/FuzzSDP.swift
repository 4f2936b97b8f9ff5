// libFuzzer entry point for the SDP parser; built by scripts/fuzz.sh.

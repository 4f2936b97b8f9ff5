// Tests for SIPDialog land with its first real code.

// Tests for SIPRegistration land with its first real code.

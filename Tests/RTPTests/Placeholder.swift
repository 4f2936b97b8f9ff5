// Tests for RTP land with its first real code.

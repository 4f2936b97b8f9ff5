// Tests for DialtoneConfig land with its first real code.

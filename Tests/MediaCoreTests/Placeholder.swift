// Tests for MediaCore land with its first real code.

// Tests for MediaEngine land with its first real code.

// Tests for TerminalUI land with its first real code.

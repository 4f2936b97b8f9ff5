// The CallHistory module: call records and messages in SQLite.

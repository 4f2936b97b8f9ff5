// The user's configuration file (issue 4). Placeholder so the target builds; see the issue.
